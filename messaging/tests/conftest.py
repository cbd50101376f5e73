import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_member


def make_established(username: str):
    """A member past the new-member limits: joined a month ago, with posts behind them."""
    return make_member(username, date_joined=timezone.now() - dt.timedelta(days=30), post_count=10)


@pytest.fixture
def alex(db):
    return make_established("alex_test")


@pytest.fixture
def jo(db):
    return make_established("jo_test")


@pytest.fixture
def everyone_may_write(jo):
    from messaging.services import messaging_settings_update

    messaging_settings_update(user=jo, who_can_message="everyone")
    return jo
