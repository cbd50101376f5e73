import re
import unicodedata

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from .models import BODY_MAX, TITLE_MAX, TITLE_MIN, ContentWarning

# C0 and C1 control characters other than tab, newline and carriage return; they are
# invisible, usually pasted by accident, and can disguise text.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


def _clean_text(form: forms.Form, name: str, value: str) -> str:
    """Refuse invisible control characters, offering the text back without them."""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
    if _CONTROL.search(value):
        cleaned = _CONTROL.sub("", value)
        form.data = form.data.copy()
        form.data[form.add_prefix(name)] = cleaned
        raise forms.ValidationError(
            _(
                "This contained invisible formatting characters (often picked up when copying "
                "and pasting). We've removed them: please check the text and send it again."
            ),
            code="control_characters",
        )
    if not value.strip():
        raise forms.ValidationError(_("Please write something before posting."), code="empty")
    return value


class ComposerForm(forms.Form):
    """A reply or an edit. Every limit is explained, and on any error the page shows the
    text exactly as typed (or, for invisible characters, without them)."""

    body = forms.CharField(
        label=_("Your message"),
        max_length=BODY_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10, "data-composer-body": ""}),
        error_messages={
            "required": _("Please write something before posting."),
            "max_length": _(
                "Posts can be up to %(limit_value)d characters; this one is %(show_value)d. "
                "You could split it into two posts."
            ),
        },
        help_text=_("You can use Markdown: *italic*, **bold**, lists, > quotes and links."),
    )
    content_warning = forms.ChoiceField(
        label=_("Content warning (optional)"),
        choices=[("", _("None"))] + list(ContentWarning.choices),
        required=False,
        help_text=_("Readers will see only this label until they choose to open the post."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Null characters are handled with the other control characters, text kept.
        for field in self.fields.values():
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]

    def clean_body(self):
        return _clean_text(self, "body", self.cleaned_data["body"])


class ThreadForm(ComposerForm):
    title = forms.CharField(
        label=_("Title"),
        min_length=TITLE_MIN,
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Give your thread a title, so others know what it's about."),
            "min_length": _("Titles need at least %(limit_value)d characters."),
            "max_length": _(
                "Titles can be up to %(limit_value)d characters; this one is %(show_value)d."
            ),
        },
        help_text=_("A few words that sum up what you'd like to talk about."),
    )
    field_order = ["title", "body", "content_warning"]

    def clean_title(self):
        title = _clean_text(self, "title", self.cleaned_data["title"]).strip()
        if len(title) < TITLE_MIN:
            raise forms.ValidationError(
                self.fields["title"].error_messages["min_length"] % {"limit_value": TITLE_MIN}
            )
        return " ".join(title.split())


class ReadingPreferencesForm(forms.Form):
    CHOICES = [
        ("collapse", _("Collapse behind the warning (default)")),
        ("hide", _("Hide completely")),
        ("show", _("Show without collapsing")),
    ]

    def __init__(self, *args, preferences=None, **kwargs):
        super().__init__(*args, **kwargs)
        for topic, label in ContentWarning.choices:
            initial = "collapse"
            if preferences is not None and topic in preferences.hidden_topics:
                initial = "hide"
            elif preferences is not None and topic in preferences.shown_topics:
                initial = "show"
            self.fields[topic] = forms.ChoiceField(
                label=label, choices=self.CHOICES, initial=initial, widget=forms.RadioSelect
            )

    def topics(self, choice: str) -> list[str]:
        return [topic for topic in ContentWarning.values if self.cleaned_data[topic] == choice]
