from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext_lazy as _

from sharon.notifications.services import email_queue

from .models import User
from .validators import username_skeleton


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_taken": _(
            "That username is taken, or too like an existing member's. Please choose another."
        ),
    }

    def clean_username(self, username, shallow=False):
        username = super().clean_username(username, shallow=shallow)
        if not shallow and User.objects.filter(username_key=username_skeleton(username)).exists():
            raise self.validation_error("username_taken")
        return username

    def send_mail(self, template_prefix, email, context):
        # Rendered here, sent by a Celery worker: the page answers without waiting for SMTP.
        email_queue(self.render_mail(template_prefix, email, context))
