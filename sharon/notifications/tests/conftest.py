import pytest

from forums.services import thread_create


@pytest.fixture
def thread(category, member):
    """robin_test's thread, which robin_test watches."""
    return thread_create(
        author=member, category=category, title="Bad days at work", body="How do you cope?"
    )
