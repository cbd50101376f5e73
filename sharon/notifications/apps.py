from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "sharon.notifications"
    label = "notifications"
    verbose_name = "Notifications"
