from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.mark_all_read, name="mark_all_read"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("preferences/", views.preferences, name="preferences"),
    path("break/", views.take_a_break, name="break_start"),
    path("break/end/", views.come_back, name="break_end"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
