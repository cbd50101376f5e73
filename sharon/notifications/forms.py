import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sharon.accounts.models import EmailFrequency, ReminderFrequency


class PreferencesForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=_("Emails about your notifications"),
        help_text=_(
            "Replies in threads you watch, mentions, private messages and messages from the "
            "moderators. Emails never show a private message's text."
        ),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
    )
    reminder_frequency = forms.ChoiceField(
        label=_("Check-in reminders"),
        help_text=_(
            "If you haven't visited for a while, a short email with what has happened in your "
            "threads and any new self-help resources."
        ),
        choices=ReminderFrequency.choices,
        widget=forms.RadioSelect,
    )


BREAK_LENGTHS = {
    "1d": (_("1 day"), dt.timedelta(days=1)),
    "1w": (_("1 week"), dt.timedelta(weeks=1)),
    "2w": (_("2 weeks"), dt.timedelta(weeks=2)),
    "1m": (_("1 month"), dt.timedelta(days=30)),
}
LONGEST_BREAK = dt.timedelta(days=366)


class BreakForm(forms.Form):
    length = forms.ChoiceField(
        label=_("How long would you like a break for?"),
        choices=[(key, label) for key, (label, _length) in BREAK_LENGTHS.items()]
        + [("date", _("Until a date I choose"))],
        widget=forms.RadioSelect,
    )
    until = forms.DateField(
        label=_("Date you'd like to come back"),
        help_text=_("For example, 27/03/2027. Only needed if you choose a date."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, now: dt.datetime | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()

    def clean(self):
        data = super().clean()
        length = data.get("length")
        if length in BREAK_LENGTHS:
            data["break_until"] = self.now + BREAK_LENGTHS[length][1]
        elif length == "date":
            until = data.get("until")
            today = timezone.localdate(self.now)
            if until is None:
                self.add_error("until", _("Enter the date you'd like to come back."))
            elif until <= today:
                self.add_error("until", _("Choose a date after today."))
            elif until > today + LONGEST_BREAK:
                self.add_error("until", _("Choose a date within the next year."))
            else:
                # The break ends as the chosen day begins, London time.
                data["break_until"] = timezone.make_aware(dt.datetime.combine(until, dt.time()))
        return data
