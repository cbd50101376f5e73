from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "sharon.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from .services import moderators_group_ensure

        # After every migrate, so the group has the permissions of apps added since.
        post_migrate.connect(
            lambda **kwargs: moderators_group_ensure(), dispatch_uid="moderators-group"
        )
