"""Form plumbing shared by every place members write (forum posts, private messages)."""

import re
import unicodedata

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters other than tab, newline and carriage return; they are
# invisible, usually pasted by accident, and can disguise text.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


class MemberTextForm(forms.Form):
    """A form for member-written text. Every limit is explained, and on any error the page
    shows the text exactly as typed (or, for invisible characters, without them)."""

    empty_message = _("Please write something before posting.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Null characters are handled with the other control characters, text kept.
        for field in self.fields.values():
            field.validators = [
                v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
            ]

    def clean_text(self, name: str, value: str) -> str:
        """Refuse invisible control characters, offering the text back without them."""
        value = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
        if _CONTROL.search(value):
            cleaned = _CONTROL.sub("", value)
            self.data = self.data.copy()
            self.data[self.add_prefix(name)] = cleaned
            raise forms.ValidationError(
                _(
                    "This contained invisible formatting characters (often picked up when "
                    "copying and pasting). We've removed them: please check the text and send "
                    "it again."
                ),
                code="control_characters",
            )
        if not value.strip():
            raise forms.ValidationError(self.empty_message, code="empty")
        return value
