from django.urls import path

from . import views

app_name = "resources"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/helpful/", views.vote, name="vote"),
    path("<slug:slug>/worksheets/<int:pk>/", views.worksheet_download, name="worksheet"),
]
