from django import forms
from django.utils.translation import gettext_lazy as _

from sharon.forms import MemberTextForm

from .models import MessagingSettings

MESSAGE_MAX = 5000


class MessageForm(MemberTextForm):
    empty_message = _("Please write a message before sending.")

    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": empty_message,
            "max_length": _(
                "Messages can be up to %(limit_value)d characters; this one is %(show_value)d. "
                "You could send it in two parts."
            ),
        },
        help_text=_(
            "You can use Markdown. Please don't share your real name, address or phone number, "
            "and never feel you must move to another app."
        ),
    )

    def clean_body(self):
        return self.clean_text("body", self.cleaned_data["body"])


class MessagingSettingsForm(forms.Form):
    who_can_message = forms.ChoiceField(
        label=_("Who can start a private conversation with you?"),
        choices=MessagingSettings.Who.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Members you have already written to can always reply. Moderators can always "
            "contact you."
        ),
    )
