from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from sharon import health, views

urlpatterns = [
    path("", views.home, name="home"),
    path("urgent-help/", views.urgent_help, name="urgent_help"),
    path("about/", views.about, name="about"),
    path("guidelines/", views.guidelines, name="guidelines"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", RedirectView.as_view(url=static("img/favicon.svg"), permanent=True)),
    path("healthz", health.healthz, name="healthz"),
    path("accounts/", include("sharon.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("forums/", include("forums.urls")),
    path("notifications/", include("sharon.notifications.urls")),
    path("resources/", include("resources.urls")),
    path("messages/", include("messaging.urls")),
    path("moderation/", include("moderation.urls")),
    path("admin/", admin.site.urls),
]
