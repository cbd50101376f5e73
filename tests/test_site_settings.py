"""Site settings (A-9) and moderator hours (A-4), read in UK time."""

import datetime as dt
import zoneinfo

import pytest

from sharon.core.models import SiteSettings

LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    # December 2026: the 7th is a Monday; 11th Friday, 12th Saturday.
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=LONDON)


def weekday_hours() -> SiteSettings:
    return SiteSettings(
        moderator_days="01234",
        moderators_on_duty_from=dt.time(9),
        moderators_on_duty_until=dt.time(17),
    )


def test_moderators_are_on_duty_inside_their_hours_on_their_days():
    site = weekday_hours()
    assert site.moderators_on_duty(at(7, 9))
    assert site.moderators_on_duty(at(11, 16, 59))
    assert not site.moderators_on_duty(at(11, 17))
    assert not site.moderators_on_duty(at(7, 8, 59))
    assert not site.moderators_on_duty(at(12, 12))  # Saturday


def test_hours_are_read_in_uk_time_whatever_the_clock_zone():
    site = weekday_hours()
    assert site.moderators_on_duty(dt.datetime(2026, 7, 6, 8, 30, tzinfo=dt.UTC))  # 09:30 BST
    assert not site.moderators_on_duty(dt.datetime(2026, 12, 7, 8, 30, tzinfo=dt.UTC))  # 08:30 GMT


def test_a_night_shift_runs_past_midnight_and_belongs_to_the_day_it_starts():
    site = SiteSettings(
        moderator_days="4", moderators_on_duty_from=dt.time(22), moderators_on_duty_until=dt.time(6)
    )
    assert site.moderators_on_duty(at(11, 23))  # Friday night
    assert site.moderators_on_duty(at(12, 5))  # early Saturday, still Friday's shift
    assert not site.moderators_on_duty(at(12, 23))  # Saturday night: no shift


def test_next_shift_skips_days_without_moderators():
    site = weekday_hours()
    assert site.moderators_next_on_duty(at(11, 18)) == at(14, 9)  # Friday evening -> Monday
    assert site.moderators_next_on_duty(at(8, 7)) == at(8, 9)  # Tuesday early -> same morning
    assert SiteSettings(moderator_days="").moderators_next_on_duty(at(8, 7)) is None


@pytest.mark.django_db
def test_there_is_one_settings_object_and_admin_edits_it(client_for, admin_user):
    client = client_for(admin_user)
    response = client.get("/admin/core/sitesettings/")
    assert response.status_code == 302
    change_url = response["Location"]
    data = {
        "signup_mode": "invitation",
        "moderators_on_duty_from": "08:00",
        "moderators_on_duty_until": "20:00",
        "moderator_days": "01234",
        "on_call_email": "oncall@example.org",
        "premoderation_post_count": "3",
        "report_hide_threshold": "4",
        "new_member_min_posts": "5",
        "new_member_min_days": "7",
        "new_member_posts_per_10_minutes": "3",
        "member_posts_per_10_minutes": "10",
        "messages_per_10_minutes": "10",
        "conversations_per_day": "5",
    }
    assert client.post(change_url, data).status_code == 302
    site = SiteSettings.load()
    assert (site.signup_mode, site.report_hide_threshold) == ("invitation", 4)
    assert SiteSettings.objects.count() == 1
    assert client.get("/admin/core/sitesettings/add/").status_code == 403


@pytest.mark.django_db
def test_members_and_moderators_cannot_change_site_settings(client_for, member, moderator):
    for user in (member, moderator):
        assert client_for(user).get("/admin/core/sitesettings/1/change/").status_code == 302
