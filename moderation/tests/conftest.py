import pytest

from forums.services import post_create, thread_create


@pytest.fixture
def thread(category, member):
    return thread_create(
        author=member, category=category, title="Flat all week", body="Anyone else?"
    )


@pytest.fixture
def reply(thread, other_member):
    return post_create(author=other_member, thread=thread, body="Yes, me. Small walks help a bit.")


@pytest.fixture
def reporters(db):
    from conftest import make_member

    return [make_member(f"reporter_{n}") for n in range(3)]


@pytest.fixture
def on_call(site_settings):
    """Out of hours, with an on-call address."""
    site_settings.moderator_days = ""
    site_settings.on_call_email = "oncall@example.org"
    site_settings.premoderation_post_count = 0
    site_settings.new_member_posts_per_10_minutes = 0
    site_settings.member_posts_per_10_minutes = 0
    site_settings.save()
    return site_settings
