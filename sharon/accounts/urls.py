from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile_edit, name="profile_edit"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
    path("members/<str:username>/", views.profile, name="profile"),
]
