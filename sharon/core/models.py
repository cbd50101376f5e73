import datetime as dt

from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CACHE_KEY = "core:site-settings"


class SiteSettings(models.Model):
    """The one row of settings admins change without a deploy (A-9)."""

    class SignupMode(models.TextChoices):
        OPEN = "open", _("Open: anyone can sign up")
        INVITATION = "invitation", _("By invitation: a code from a clinician or staff member")

    signup_mode = models.CharField(
        _("sign-up mode"), max_length=20, choices=SignupMode.choices, default=SignupMode.OPEN
    )
    moderators_on_duty_from = models.TimeField(
        _("moderators on duty from"), default=dt.time(9, 0), help_text=_("UK time.")
    )
    moderators_on_duty_until = models.TimeField(
        _("moderators on duty until"), default=dt.time(21, 0), help_text=_("UK time.")
    )
    moderator_days = models.CharField(
        _("days moderators are on duty"),
        max_length=7,
        default="0123456",
        help_text=_("Weekday numbers, Monday = 0 … Sunday = 6. '01234' is Monday to Friday."),
    )
    on_call_email = models.EmailField(
        _("on-call email"), blank=True, help_text=_("Alerts out of hours go here.")
    )
    premoderation_post_count = models.PositiveSmallIntegerField(
        _("posts reviewed before publishing"),
        default=2,
        validators=[MaxValueValidator(50)],
        help_text=_("A new member's first N posts wait for a moderator."),
    )
    report_hide_threshold = models.PositiveSmallIntegerField(
        _("reports that hide content"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Content reported by this many different members is hidden until reviewed."),
    )
    new_member_posts_per_10_minutes = models.PositiveSmallIntegerField(
        _("posts a new member may make in 10 minutes"), default=3, help_text=_("0 means no limit.")
    )
    member_posts_per_10_minutes = models.PositiveSmallIntegerField(
        _("posts any other member may make in 10 minutes"),
        default=10,
        help_text=_("0 means no limit."),
    )
    messages_per_10_minutes = models.PositiveSmallIntegerField(
        _("private messages a member may send in 10 minutes"),
        default=10,
        help_text=_("0 means no limit. Moderators have no limit."),
    )
    conversations_per_day = models.PositiveSmallIntegerField(
        _("new conversations a member may start in a day"),
        default=5,
        help_text=_("0 means no limit. Moderators have no limit."),
    )
    new_member_min_posts = models.PositiveSmallIntegerField(
        _("approved posts before a member is no longer new"), default=5
    )
    new_member_min_days = models.PositiveSmallIntegerField(
        _("days before a member is no longer new"), default=7
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="site_settings_singleton")
        ]

    def __str__(self) -> str:
        return str(_("Site settings"))

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    @classmethod
    def load(cls) -> "SiteSettings":
        settings_row = cache.get(CACHE_KEY)
        if settings_row is None:
            settings_row, _created = cls.objects.get_or_create(pk=1)
            cache.set(CACHE_KEY, settings_row, timeout=300)
        return settings_row

    def moderators_on_duty(self, at: dt.datetime) -> bool:
        """Whether `at` (aware) falls in the moderators' hours, read in UK time.

        A shift that ends before it starts (22:00–06:00) runs past midnight and belongs to
        the day it starts on."""
        local = timezone.localtime(at)
        start, end, now = self.moderators_on_duty_from, self.moderators_on_duty_until, local.time()
        if start <= end:
            return self._duty_day(local.date()) and start <= now < end
        if now >= start:
            return self._duty_day(local.date())
        return now < end and self._duty_day(local.date() - dt.timedelta(days=1))

    def moderators_next_on_duty(self, at: dt.datetime) -> dt.datetime | None:
        """When the next shift after `at` starts, in UK time; None if no day has moderators."""
        local = timezone.localtime(at)
        for offset in range(8):
            day = local.date() + dt.timedelta(days=offset)
            if self._duty_day(day):
                start = timezone.make_aware(dt.datetime.combine(day, self.moderators_on_duty_from))
                if start > at:
                    return start
        return None

    def _duty_day(self, day: dt.date) -> bool:
        return str(day.weekday()) in self.moderator_days
