"""The message lists read through indexes ("indexes for every list ordering"). With
sequential scans off for the test's transaction, the plan shows whether an index can serve
the query (see tests/test_forum_indexes.py)."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from messaging import selectors
from messaging.models import Message, Participant
from messaging.services import message_send
from tests.test_forum_indexes import indexes_used


@pytest.fixture
def no_seqscan(alex, everyone_may_write):
    message_send(sender=alex, recipient=everyone_may_write, body="Hello")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")


def test_a_members_conversations_come_from_participant_user_recent_idx(no_seqscan, alex):
    plan = selectors.conversations_for(alex)[:25].explain()
    assert "participant_user_recent_idx" in indexes_used(plan), plan


def test_a_conversation_page_reads_message_order_idx(no_seqscan, alex):
    participant = Participant.objects.get(user=alex)
    plan = selectors.messages_for(participant)[:20].explain()
    assert "message_order_idx" in indexes_used(plan), plan


def test_the_sending_limit_counts_from_message_sender_recent_idx(no_seqscan, alex):
    since = timezone.now() - dt.timedelta(minutes=10)
    plan = Message.objects.filter(sender=alex, created_at__gte=since).explain()
    assert "message_sender_recent_idx" in indexes_used(plan), plan
