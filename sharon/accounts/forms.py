from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sharon.core.models import SiteSettings

from . import services
from .avatars import AVATAR_CHOICES
from .models import normalise_code


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or email")


class SignupForm(AllauthSignupForm):
    """allauth's sign-up plus the community guidelines and, in invitation mode, a code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = None
        self.fields["username"].help_text = _(
            "This is the only thing other members will see. Don't use your real name or email."
        )
        if SiteSettings.load().signup_mode == SiteSettings.SignupMode.INVITATION:
            self.fields["invitation_code"] = forms.CharField(
                label=_("Invitation code"),
                max_length=40,
                help_text=_("The code you were given, for example ABCD-EFGH-JKMN."),
                error_messages={"required": _("Enter the invitation code you were given.")},
            )
        self.fields["accept_guidelines"] = forms.BooleanField(
            label=format_html(
                _('I have read and accept the <a href="{}">community guidelines</a>'),
                reverse("guidelines"),
            ),
            error_messages={
                "required": _("Please read and accept the community guidelines to join.")
            },
        )

    def clean(self):
        cleaned = super().clean()
        if "invitation_code" in self.fields and cleaned.get("invitation_code"):
            self.invitation = services.invitation_find_usable(
                code=normalise_code(cleaned["invitation_code"]), email=cleaned.get("email") or ""
            )
            if self.invitation is None:
                self.add_error(
                    "invitation_code",
                    _(
                        "That code isn't valid: it may be mistyped, already used or expired, or "
                        "given for a different email address. Ask whoever gave it to you for a new one."
                    ),
                )
        return cleaned

    def save(self, request):
        with transaction.atomic():
            user = super().save(request)
            services.member_accept_guidelines(user=user)
            if self.invitation and not services.invitation_redeem(
                invitation=self.invitation, user=user
            ):
                raise PermissionDenied(
                    _("That invitation code has just been used. Please ask for a new one.")
                )
        return user


class ProfileForm(forms.Form):
    avatar = forms.ChoiceField(
        label=gettext_lazy("Avatar"), choices=AVATAR_CHOICES, widget=forms.RadioSelect
    )
    bio = forms.CharField(
        label=gettext_lazy("About me (optional)"),
        help_text=gettext_lazy(
            "Up to 500 characters. Other members can read this; keep it general."
        ),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AccountDeleteForm(forms.Form):
    """What happens to the member's posts, and their password to confirm it is them."""

    KEEP, REMOVE = "keep", "remove"
    posts = forms.ChoiceField(
        label=_("What should happen to your posts?"),
        choices=[
            (KEEP, gettext_lazy("Keep them, shown as written by “a former member”")),
            (REMOVE, gettext_lazy("Remove them, leaving “deleted by its author” in their place")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose what should happen to your posts.")},
    )
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": gettext_lazy("Enter your password to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That isn't your password. Nothing has been deleted."))
        return password
