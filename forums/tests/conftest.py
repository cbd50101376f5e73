import pytest

from forums.models import Category
from forums.services import post_create, thread_create


@pytest.fixture
def category(db):
    return Category.objects.create(
        name="Anxiety", slug="anxiety", description="Worry and what helps."
    )


@pytest.fixture
def thread(category, member):
    return thread_create(
        author=member, category=category, title="Racing thoughts at night", body="Any tips?"
    )


@pytest.fixture
def reply_by_other(thread, other_member):
    return post_create(author=other_member, thread=thread, body="Writing them down helps me.")
