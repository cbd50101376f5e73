from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("audit/", views.audit, name="audit"),
    path("items/<int:pk>/", views.item, name="item"),
    path("items/<int:pk>/act/", views.item_act, name="item_act"),
    path("items/<int:pk>/conversation/", views.conversation, name="conversation"),
    path("members/<str:username>/", views.member, name="member"),
    path("report/<str:kind>/<str:pk>/", views.report, name="report"),
    path("reports/mine/", views.my_reports, name="my_reports"),
]
