from django import forms
from django.utils.translation import gettext_lazy as _

from forums.models import Category

from .models import Report


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What's the problem?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the reason that fits best.")},
    )
    note = forms.CharField(
        label=_("Anything the moderators should know? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The person you're reporting won't see this or know who reported them."),
    )


class ActionForm(forms.Form):
    """One form for every action on a queue item; the button pressed says which."""

    ACTIONS = [
        ("approve", _("Approve / keep")),
        ("hide", _("Hide")),
        ("remove", _("Delete")),
        ("edit", _("Edit")),
        ("lock", _("Lock thread")),
        ("unlock", _("Unlock thread")),
        ("pin", _("Pin thread")),
        ("unpin", _("Unpin thread")),
        ("move", _("Move thread")),
        ("warn", _("Warn member")),
        ("silence", _("Silence member")),
        ("suspend", _("Suspend member")),
        ("claim", _("Claim")),
        ("close", _("Close item")),
    ]
    NEED_REASON = {"hide", "remove", "edit", "warn", "silence", "suspend"}

    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.CharField(
        label=_("Reason (the member sees this for hide, delete, edit, warn and silence)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label=_("Edited text"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    category = forms.ModelChoiceField(
        label=_("Move to"), queryset=Category.objects.all(), required=False
    )
    silence_days = forms.IntegerField(
        label=_("Silence for (days)"), min_value=1, max_value=365, required=False, initial=1
    )

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action in self.NEED_REASON and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give a reason: it is recorded, and the member is told."))
        if action == "edit" and not cleaned.get("body", "").strip():
            self.add_error("body", _("Enter the edited text."))
        if action == "move" and not cleaned.get("category"):
            self.add_error("category", _("Choose where to move the thread."))
        if action == "silence" and not cleaned.get("silence_days"):
            self.add_error("silence_days", _("Say for how many days."))
        return cleaned


class MemberActionForm(forms.Form):
    ACTIONS = [
        ("warn", _("Warn")),
        ("silence", _("Silence")),
        ("suspend", _("Suspend")),
        ("reinstate", _("Reinstate")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason: it is recorded, and the member is told.")},
    )
    silence_days = forms.IntegerField(
        label=_("Silence for (days)"), min_value=1, max_value=365, required=False, initial=1
    )
