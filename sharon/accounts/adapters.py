from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sharon.notifications.services import email_queue

from .models import User
from .validators import username_skeleton


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username, shallow=False):
        username = super().clean_username(username, shallow=shallow)
        if not shallow and User.objects.filter(username_key=username_skeleton(username)).exists():
            raise ValidationError(
                _("That username is taken, or too like an existing member's. Please choose another.")
            )
        return username

    def send_mail(self, template_prefix, email, context):
        # Rendered here, sent by a Celery worker: the page answers without waiting for SMTP.
        email_queue(self.render_mail(template_prefix, email, context))
