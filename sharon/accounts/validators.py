"""Username rules (A-1): a pseudonym that cannot pass for staff, another member or an email."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIN_LENGTH, MAX_LENGTH = 3, 20
_ALLOWED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Characters people swap in to pass one name off as another.
_CONFUSABLE = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "i": "l",
        "|": "l",
        "!": "l",
        "3": "e",
        "4": "a",
        "@": "a",
        "5": "s",
        "$": "s",
        "7": "t",
        "8": "b",
        "9": "g",
        "6": "b",
    }
)
# Names that must not appear anywhere in a username (after look-alike folding).
RESERVED_ANYWHERE = ("moderator", "admin", "official", "samaritans", "sharonteam")
# Names that may not be a whole username, but are fine inside a longer one.
RESERVED_EXACT = (
    "mod",
    "mods",
    "modteam",
    "sharon",
    "staff",
    "support",
    "nhs",
    "root",
    "system",
    "help",
    "helpline",
    "team",
    "crisis",
    "police",
    "doctor",
    "nurse",
    "therapist",
    "anonymous",
    "formermember",
    "deleted",
    "null",
    "none",
    "everyone",
    "here",
    "all",
    "me",
    "you",
)


def username_skeleton(name: str) -> str:
    """Fold a username to the shape a reader sees: case, separators, digit look-alikes,
    repeated letters. Two usernames with one skeleton would be confused for each other."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    folded = folded.replace("rn", "m").replace("vv", "w")
    folded = folded.translate(_CONFUSABLE)
    folded = re.sub(r"[\s._-]+", "", folded)
    return re.sub(r"(.)\1+", r"\1", folded)


_ANYWHERE = tuple(username_skeleton(word) for word in RESERVED_ANYWHERE)
_EXACT = frozenset(username_skeleton(word) for word in RESERVED_EXACT)


def validate_username(value: str) -> None:
    if "@" in value:
        raise ValidationError(
            _(
                "Please don't use an email address: your username is the only thing other members see."
            ),
            code="email",
        )
    if not MIN_LENGTH <= len(value) <= MAX_LENGTH:
        raise ValidationError(
            _("Choose a username of %(min)d to %(max)d characters.")
            % {"min": MIN_LENGTH, "max": MAX_LENGTH},
            code="length",
        )
    if not _ALLOWED.match(value):
        raise ValidationError(
            _(
                "Use only letters A to Z, numbers, full stops, hyphens and underscores, "
                "starting with a letter or number."
            ),
            code="characters",
        )
    if not re.search(r"[A-Za-z]", value):
        raise ValidationError(
            _(
                "Include at least one letter: a username of only numbers can look like a phone number."
            ),
            code="no_letters",
        )
    skeleton = username_skeleton(value)
    if skeleton in _EXACT or any(word in skeleton for word in _ANYWHERE):
        raise ValidationError(
            _(
                "That username could be mistaken for the SHaRON team or a service. Please choose another."
            ),
            code="reserved",
        )


USERNAME_VALIDATORS = [validate_username]
