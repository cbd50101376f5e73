from django import forms
from django.utils.translation import gettext_lazy as _

from sharon.forms import MemberTextForm

from .models import BODY_MAX, TITLE_MAX, TITLE_MIN, ContentWarning


class ComposerForm(MemberTextForm):
    """A reply or an edit."""

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

    def clean_body(self):
        return self.clean_text("body", self.cleaned_data["body"])


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
        title = self.clean_text("title", self.cleaned_data["title"]).strip()
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
