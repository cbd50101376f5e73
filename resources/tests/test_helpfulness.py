""" "Was this helpful?" (R-3): one answer per member, which they can change; admins see counts."""

import pytest
from django.db import IntegrityError

from resources.models import HelpfulnessVote

pytestmark = pytest.mark.django_db


def vote(client, resource, answer: str):
    return client.post(f"{resource.get_absolute_url()}helpful/", {"helpful": answer})


def test_a_member_votes_once_and_can_change_their_answer(client_for, member, published):
    reader = client_for(member)
    response = vote(reader, published, "yes")
    assert response.status_code == 302
    assert response["Location"] == "/resources/thought-records/#helpful"
    page = reader.get(published.get_absolute_url()).content.decode()
    assert "You said this was helpful." in page
    assert 'value="yes" aria-pressed="true"' in page and 'value="no" aria-pressed="false"' in page

    vote(reader, published, "yes")
    vote(reader, published, "no")
    assert HelpfulnessVote.objects.count() == 1
    assert HelpfulnessVote.objects.get().helpful is False
    page = reader.get(published.get_absolute_url()).content.decode()
    assert "You said this was not helpful." in page
    assert 'value="no" aria-pressed="true"' in page


def test_each_member_has_their_own_vote(client_for, member, other_member, published):
    vote(client_for(member), published, "yes")
    vote(client_for(other_member), published, "no")
    answers = dict(HelpfulnessVote.objects.values_list("user__username", "helpful"))
    assert answers == {member.username: True, other_member.username: False}
    # Members see only their own answer, never the counts.
    page = client_for(other_member).get(published.get_absolute_url()).content.decode()
    assert "You said this was not helpful." in page and "said yes" not in page


def test_the_database_allows_one_vote_per_member(member, published):
    HelpfulnessVote.objects.create(resource=published, user=member, helpful=True)
    with pytest.raises(IntegrityError):
        HelpfulnessVote.objects.create(resource=published, user=member, helpful=False)


def test_visitors_are_asked_to_sign_in_and_cannot_vote(client, published):
    page = client.get(published.get_absolute_url()).content.decode()
    assert "to tell us." in page and 'action="/resources/thought-records/helpful/"' not in page
    response = vote(client, published, "yes")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not HelpfulnessVote.objects.exists()


def test_odd_answers_and_get_requests_change_nothing(client_for, member, published):
    reader = client_for(member)
    assert vote(reader, published, "maybe").status_code == 400
    assert reader.get(f"{published.get_absolute_url()}helpful/").status_code == 405
    assert not HelpfulnessVote.objects.exists()


def test_drafts_cannot_be_voted_on(client_for, member, draft):
    assert vote(client_for(member), draft, "yes").status_code == 404
    assert not HelpfulnessVote.objects.exists()
