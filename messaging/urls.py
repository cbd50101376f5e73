from django.urls import path

from . import views

app_name = "messaging"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.conversation, name="conversation"),
    path("<int:pk>/delete/", views.leave, name="leave"),
    path("new/<str:username>/", views.start, name="start"),
    path("settings/", views.settings, name="settings"),
    path("block/<str:username>/", views.block, name="block"),
    path("unblock/<str:username>/", views.unblock, name="unblock"),
]
