from django import forms
from django.utils.translation import gettext_lazy as _


class HelpfulnessForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))], coerce=lambda value: value == "yes"
    )
