"""Sign-up, verification, sign-in, username rules and invitations (A-1, A-1b, A-2)."""

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from conftest import PASSWORD, make_member
from sharon.accounts.models import Invitation, User, format_code
from sharon.core.models import SiteSettings

SIGNUP = "/accounts/signup/"


def signup_data(**overrides):
    data = {
        "email": "new.person@example.org",
        "username": "quiet_reader",
        "password1": "steady-breathing-2026",
        "password2": "steady-breathing-2026",
        "accept_guidelines": "on",
    }
    data.update(overrides)
    return data


def verification_link(message_body: str) -> str:
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message_body).group(0)


@pytest.mark.django_db
def test_signup_sends_a_verification_email_and_blocks_sign_in_until_verified(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(username="quiet_reader")
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]
    link = verification_link(mail.outbox[0].body)

    response = client.post(
        "/accounts/login/", {"login": "quiet_reader", "password": "steady-breathing-2026"}
    )
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200
    client.post("/" + path)
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        "/accounts/login/", {"login": "quiet_reader", "password": "steady-breathing-2026"}
    )
    assert response["Location"] == "/forums/"
    assert client.get("/forums/").status_code == 200


@pytest.mark.django_db
def test_signup_records_the_guidelines_version_and_time(client, settings):
    before = timezone.now()
    client.post(SIGNUP, signup_data())
    user = User.objects.get(username="quiet_reader")
    assert user.guidelines_version == settings.COMMUNITY_GUIDELINES_VERSION
    assert before <= user.guidelines_accepted_at <= timezone.now()


@pytest.mark.django_db
def test_signup_without_accepting_guidelines_is_refused_and_keeps_what_was_typed(client):
    response = client.post(SIGNUP, signup_data(accept_guidelines=""))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Please read and accept the community guidelines to join." in page
    assert 'value="new.person@example.org"' in page
    assert 'value="quiet_reader"' in page
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("moderator", "could be mistaken for the SHaRON team"),
        ("M0der4tor_Jo", "could be mistaken for the SHaRON team"),
        ("the-admin", "could be mistaken for the SHaRON team"),
        ("Sharon", "could be mistaken for the SHaRON team"),
        ("mods", "could be mistaken for the SHaRON team"),
        ("аdmin", "Use only letters A to Z"),  # Cyrillic а
        ("jo@example.org", "Please don&#x27;t use an email address"),
        ("jo", "Choose a username of 3 to 20 characters."),
        ("a_very_long_username_indeed", "Choose a username of 3 to 20 characters."),
        ("07700900123", "Include at least one letter"),
        ("_hidden", "Use only letters A to Z"),
        ("two words", "Use only letters A to Z"),
    ],
)
@pytest.mark.django_db
def test_username_rules_explain_what_is_wrong(client, username, message):
    response = client.post(SIGNUP, signup_data(username=username))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="new.person@example.org").exists()


@pytest.mark.parametrize("lookalike", ["Robin_Test", "robin.test", "r0bin-test", "robbin_test"])
@pytest.mark.django_db
def test_a_username_too_like_an_existing_member_is_refused(client, member, lookalike):
    response = client.post(SIGNUP, signup_data(username=lookalike))
    assert "too like an existing member" in response.content.decode()


@pytest.mark.parametrize("username", ["quiet_reader", "Jo.B", "walker-2", "mod_squadron"])
@pytest.mark.django_db
def test_ordinary_usernames_are_accepted(client, username):
    response = client.post(SIGNUP, signup_data(username=username))
    assert response.status_code == 302
    assert User.objects.filter(username=username).exists()


# --- Invitations (A-1b) ------------------------------------------------------------------
@pytest.fixture
def invitation_mode(db):
    site = SiteSettings.load()
    site.signup_mode = SiteSettings.SignupMode.INVITATION
    site.save()


def make_invitation(**fields) -> Invitation:
    fields.setdefault("expires_at", timezone.now() + dt.timedelta(days=7))
    return Invitation.objects.create(**fields)


def test_invitation_mode_asks_for_a_code(client, invitation_mode):
    page = client.get(SIGNUP).content.decode()
    assert "Invitation code" in page
    response = client.post(SIGNUP, signup_data())
    assert "Enter the invitation code you were given." in response.content.decode()
    assert not User.objects.exists()


def test_a_valid_code_signs_up_once_and_is_recorded_on_the_account(client, invitation_mode):
    invitation = make_invitation()
    typed = format_code(invitation.code).lower().replace("-", " ")  # as someone might type it
    response = client.post(SIGNUP, signup_data(invitation_code=typed))
    assert response.status_code == 302
    user = User.objects.get(username="quiet_reader")
    invitation.refresh_from_db()
    assert invitation.used_by == user and invitation.used_at is not None
    assert user.invitation == invitation

    second = client.post(
        SIGNUP,
        signup_data(
            invitation_code=invitation.code, email="another@example.org", username="second_one"
        ),
    )
    assert "That code isn&#x27;t valid" in second.content.decode()
    assert not User.objects.filter(username="second_one").exists()


@pytest.mark.parametrize(
    "invitation_fields",
    [
        {"expires_at": timezone.now() - dt.timedelta(minutes=1)},
        {"email": "someone.else@example.org"},
    ],
    ids=["expired", "for-another-email"],
)
def test_expired_or_other_peoples_codes_are_refused(client, invitation_mode, invitation_fields):
    invitation = make_invitation(**invitation_fields)
    response = client.post(SIGNUP, signup_data(invitation_code=invitation.code))
    assert "That code isn&#x27;t valid" in response.content.decode()
    assert 'value="quiet_reader"' in response.content.decode()
    assert not User.objects.exists()


def test_a_code_for_an_email_address_works_for_that_address(client, invitation_mode):
    invitation = make_invitation(email="New.Person@example.org")
    assert client.post(SIGNUP, signup_data(invitation_code=invitation.code)).status_code == 302


def test_staff_create_a_batch_of_codes_in_admin(client_for, admin_user):
    client = client_for(admin_user)
    response = client.post(
        "/admin/accounts/invitation/create/", {"count": 5, "valid_days": 14, "note": "GP surgery"}
    )
    assert response.status_code == 200
    codes = list(Invitation.objects.all())
    assert len(codes) == 5
    assert all(
        c.note == "GP surgery" and c.created_by == admin_user and c.status == "unused"
        for c in codes
    )
    assert all(c.display_code in response.content.decode() for c in codes)
    assert len({c.code for c in codes}) == 5


def test_a_single_code_can_be_tied_to_an_email_address_but_not_a_batch(client_for, admin_user):
    client = client_for(admin_user)
    response = client.post(
        "/admin/accounts/invitation/create/",
        {"count": 3, "valid_days": 14, "email": "pat@example.org"},
    )
    assert "created one at a time" in response.content.decode()
    assert not Invitation.objects.exists()
    client.post(
        "/admin/accounts/invitation/create/",
        {"count": 1, "valid_days": 14, "email": "pat@example.org"},
    )
    assert Invitation.objects.get().email == "pat@example.org"


def test_members_and_moderators_cannot_create_codes(client_for, member, moderator):
    for user in (member, moderator):
        response = client_for(user).post(
            "/admin/accounts/invitation/create/", {"count": 5, "valid_days": 14}
        )
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    assert not Invitation.objects.exists()


# --- Profiles (A-2) ----------------------------------------------------------------------
def test_profile_shows_username_avatar_bio_join_date_and_posts_but_never_the_email(
    client_for, member, other_member
):
    member.bio = "Walking helps me."
    member.save()
    page = client_for(other_member).get(f"/accounts/members/{member.username}/").content.decode()
    assert member.username in page
    assert "Walking helps me." in page
    assert member.date_joined.strftime("%B %Y") in page
    assert "/static/avatars/leaf.svg" in page
    assert "Posts" in page
    assert member.email not in page


def test_member_picks_a_built_in_avatar_and_writes_a_bio(client_for, member):
    client = client_for(member)
    response = client.post(
        "/accounts/profile/", {"avatar": "moon", "bio": "  Here most evenings.  "}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.avatar, member.bio) == ("moon", "Here most evenings.")


def test_an_unknown_avatar_or_overlong_bio_is_refused_and_the_bio_kept(client_for, member):
    response = client_for(member).post(
        "/accounts/profile/", {"avatar": "photo.jpg", "bio": "x" * 501}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in page
    assert "Ensure this value has at most 500 characters" in page
    assert "x" * 501 in page
    member.refresh_from_db()
    assert member.avatar == "leaf"


def test_password_reset_sends_an_email(client, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": member.email})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_demo_like_sign_in_by_username_or_email(client, member):
    for login in (member.username, member.email):
        response = client.post("/accounts/login/", {"login": login, "password": PASSWORD})
        assert response["Location"] == "/forums/"
        client.logout()


def test_unverified_member_cannot_sign_in(client, db):
    make_member("not_yet", verified=False)
    response = client.post("/accounts/login/", {"login": "not_yet", "password": PASSWORD})
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session


def test_repeated_failed_sign_ins_are_rate_limited(client, member):
    for _ in range(5):
        client.post("/accounts/login/", {"login": member.username, "password": "wrong-password"})
    response = client.post("/accounts/login/", {"login": member.username, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_sign_out_is_a_post_from_the_header(client_for, member):
    client = client_for(member)
    page = client.get("/forums/").content.decode()
    assert 'action="/accounts/logout/" method="post"' in page
    client.post("/accounts/logout/")
    assert client.get("/forums/").status_code == 302


def test_member_adds_a_new_email_address_which_must_be_verified(
    client_for, member, django_capture_on_commit_callbacks
):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/email/", {"action_add": "", "email": "robin.new@example.org"})
    address = EmailAddress.objects.get(user=member, email="robin.new@example.org")
    assert not address.verified
    assert mail.outbox[-1].to == ["robin.new@example.org"]


FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def test_a_member_sees_where_they_are_signed_in_and_signs_out_everywhere_else(member):
    from django.test import Client

    laptop, phone = Client(HTTP_USER_AGENT=FIREFOX_WINDOWS), Client(HTTP_USER_AGENT=SAFARI_IPHONE)
    for browser in (laptop, phone):
        browser.post("/accounts/login/", {"login": member.username, "password": PASSWORD})
        assert browser.get("/forums/").status_code == 200

    profile = laptop.get(f"/accounts/members/{member.username}/").content.decode()
    assert 'href="/accounts/sessions/"' in profile
    page = laptop.get("/accounts/sessions/").content.decode()
    assert "Firefox on Windows" in page and "Safari on an iPhone" in page
    assert page.count("This one") == 1
    assert "Sign out everywhere else" in page

    laptop.post("/accounts/sessions/")
    assert phone.get("/forums/")["Location"].startswith("/accounts/login/")
    page = laptop.get("/accounts/sessions/").content.decode()
    assert "Safari on an iPhone" not in page and "You're only signed in here." in page


def test_a_member_downloads_everything_they_wrote_and_nothing_of_others(
    client, client_for, member, other_member, moderator, category
):
    import json

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from forums.models import Status
    from forums.services import post_create, post_set_status, reaction_toggle, thread_create
    from messaging.models import MessagingSettings
    from messaging.services import message_send
    from moderation.services import report_create

    # A member of a while, who may start a conversation.
    User.objects.filter(pk=member.pk).update(
        date_joined=timezone.now() - dt.timedelta(days=60), post_count=20
    )
    member.refresh_from_db()
    thread = thread_create(author=member, category=category, title="Flat week", body="Anyone?")
    theirs = post_create(author=other_member, thread=thread, body="Their words, not mine.")
    hidden = post_create(author=member, thread=thread, body="A post a moderator hid.")
    post_set_status(post=hidden, status=Status.HIDDEN)
    reaction_toggle(user=member, post=theirs, kind="support")
    MessagingSettings.objects.create(user=other_member, who_can_message="everyone")
    message_send(sender=member, recipient=other_member, body="Thanks for your reply.")
    message_send(sender=other_member, recipient=member, body="Their private reply.")
    report_create(reporter=member, target=theirs, reason="spam", note="Looks like an advert")

    browser = client_for(member)
    page = browser.get("/accounts/export/").content.decode()
    assert "Download my data" in page and 'method="post"' in page
    response = browser.post("/accounts/export/")
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="sharon-{member.username}-'
    )
    data = json.loads(response.content)
    assert data["account"]["username"] == member.username
    assert data["account"]["email"] == member.email
    assert [t["title"] for t in data["threads_started"]] == ["Flat week"]
    texts = {p["text"]: p["status"] for p in data["posts"]}
    assert texts == {"Anyone?": "published", "A post a moderator hid.": "hidden"}
    assert data["reactions"] == [
        {
            "post_id": theirs.pk,
            "reaction": "support",
            "created_at": data["reactions"][0]["created_at"],
        }
    ]
    ((sent),) = data["messages_sent"]
    assert (sent["to"], sent["text"]) == (other_member.username, "Thanks for your reply.")
    assert [(r["reason"], r["note"]) for r in data["reports_made"]] == [
        ("spam", "Looks like an advert")
    ]
    assert data["settings"]["who_can_message_me"] == "talked"
    assert "Their words" not in response.content.decode()
    assert "Their private reply" not in response.content.decode()

    # The same number of queries for a longer history.
    with CaptureQueriesContext(connection) as few:
        browser.post("/accounts/export/")
    for n in range(5):
        post_create(author=member, thread=thread, body=f"Reply number {n}")
        message_send(sender=member, recipient=other_member, body=f"Message {n}")
    with CaptureQueriesContext(connection) as many:
        assert len(json.loads(browser.post("/accounts/export/").content)["posts"]) == 7
    assert len(many) == len(few)

    assert client.post("/accounts/export/")["Location"].startswith("/accounts/login/")


@pytest.fixture
def history(member, other_member, moderator, category):
    """A member with posts, a thread nobody answered, a message, a draft and a warning."""
    from forums.services import draft_save, post_create, thread_create
    from messaging.services import message_send
    from moderation.services import member_warn

    theirs = thread_create(author=other_member, category=category, title="Mornings", body="Hi")
    reply = post_create(author=member, thread=theirs, body="Walking helps me in the mornings.")
    alone = thread_create(author=member, category=category, title="Unanswered", body="Anyone?")
    message_send(sender=moderator, recipient=member, body="Welcome to SHaRON.")
    message_send(sender=member, recipient=moderator, body="Thank you, that was kind.")
    draft_save(user=member, category=category, thread=None, title="Half", body="Half-written")
    member_warn(member=member, moderator=moderator, reason="Please keep it kind.")
    return {"reply": reply, "theirs": theirs, "alone": alone}


def test_deleting_an_account_keeps_posts_as_a_former_members_and_erases_the_rest(
    client, client_for, member, moderator, history
):
    from django.test import Client

    from forums.models import Draft
    from moderation.models import AuditEntry
    from sharon.notifications.models import Notification

    other_device = Client()
    other_device.post("/accounts/login/", {"login": member.username, "password": PASSWORD})
    browser = client_for(member)
    assert (
        "Delete your account"
        in browser.get(f"/accounts/members/{member.username}/").content.decode()
    )

    response = browser.post("/accounts/delete/", {"posts": "keep", "password": "not-it"})
    page = response.content.decode()
    assert "That isn&#x27;t your password. Nothing has been deleted." in page
    assert 'value="keep" checked' in page  # the choice is kept
    assert User.objects.get(pk=member.pk).is_active

    response = browser.post("/accounts/delete/", {"posts": "keep", "password": PASSWORD})
    assert response["Location"] == "/"
    assert "Your account has been deleted" in browser.get("/").content.decode()
    assert other_device.get("/forums/")["Location"].startswith("/accounts/login/")
    assert (
        "_auth_user_id"
        not in Client()
        .post("/accounts/login/", {"login": member.username, "password": PASSWORD})
        .wsgi_request.session
    )

    closed = User.objects.get(pk=member.pk)
    assert (closed.email, closed.bio, closed.is_active, closed.has_usable_password()) == (
        "",
        "",
        False,
        False,
    )
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not Draft.objects.filter(user=closed).exists()
    assert not Notification.objects.filter(user=closed).exists()
    assert AuditEntry.objects.filter(member=closed, action="warn").exists()  # kept as it was

    thread_page = client_for(moderator).get(history["theirs"].get_absolute_url()).content.decode()
    assert "Walking helps me in the mornings." in thread_page
    assert "a former member" in thread_page.lower() and member.username not in thread_page
    conversation = client_for(moderator).get("/messages/").content.decode()
    assert member.username not in conversation and "a former member" in conversation.lower()
    assert client_for(moderator).get(f"/accounts/members/{member.username}/").status_code == 404

    # The email address can be used to join again.
    signup = client.post(
        "/accounts/signup/",
        {
            "email": member.email,
            "username": "robin_again",
            "password1": "a-long-new-passphrase",
            "password2": "a-long-new-passphrase",
            "accept_guidelines": "on",
        },
    )
    assert signup.status_code == 302 and User.objects.filter(username="robin_again").exists()


def test_deleting_an_account_can_remove_its_posts_too(client_for, member, moderator, history):
    from forums.models import Post, Status

    client_for(member).post("/accounts/delete/", {"posts": "remove", "password": PASSWORD})

    reply = Post.objects.get(pk=history["reply"].pk)
    assert (reply.status, reply.author) == (Status.DELETED, None)
    page = client_for(moderator).get(history["theirs"].get_absolute_url()).content.decode()
    assert "This post was deleted by its author." in page
    assert "Walking helps me" not in page
    # The thread nobody answered went with its first post.
    assert client_for(moderator).get("/forums/low-mood/").content.decode().count("Unanswered") == 0


# --- Two-step sign-in (A-8) ----------------------------------------------------------------
def test_a_moderator_without_two_step_sign_in_must_set_it_up_first(client_for):
    from conftest import totp_code
    from sharon.accounts.services import moderators_group_ensure

    newcomer = make_member("lee_test")
    newcomer.groups.add(moderators_group_ensure())
    browser = client_for(newcomer)

    assert browser.get("/forums/")["Location"] == "/accounts/2fa/totp/activate/"
    assert browser.get("/urgent-help/").status_code == 200  # help is always open
    response = browser.get("/moderation/", follow=True)
    assert response.redirect_chain[0] == ("/accounts/2fa/totp/activate/", 302)
    assert "Moderators and admins need two-step sign-in" in response.content.decode()
    # allauth asks for the password again before changing how the account signs in.
    reauthenticate = response.redirect_chain[-1][0]
    assert reauthenticate.startswith("/accounts/reauthenticate/")
    response = browser.post(reauthenticate, {"password": PASSWORD}, follow=True)
    page = response.content.decode()
    assert "Set up two-step sign-in" in page
    secret = re.search(r'<code id="authenticator-key">(\w+)</code>', page)[1]
    assert "<svg" in page  # the QR code, inline (no data: image for the CSP to allow)

    wrong = browser.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert "Incorrect code" in wrong.content.decode()
    response = browser.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert browser.get("/moderation/").status_code == 200


def test_signing_in_with_two_step_asks_for_the_code(client, moderator):
    from conftest import totp_code

    response = client.post("/accounts/login/", {"login": moderator.username, "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    page = client.post("/accounts/2fa/authenticate/", {"code": "123456"}).content.decode()
    assert "Incorrect code" in page and "_auth_user_id" not in client.session
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(moderator.pk)
    assert client.get("/moderation/").status_code == 200


def test_members_choose_two_step_and_the_embedded_demo_does_not_require_it(
    client_for, member, settings
):
    from sharon.accounts.services import moderators_group_ensure

    assert client_for(member).get("/forums/").status_code == 200
    profile = client_for(member).get(f"/accounts/members/{member.username}/").content.decode()
    assert 'href="/accounts/2fa/"' in profile

    settings.STAFF_TWO_STEP_REQUIRED = False  # DEBUG's default: kim and admin are shared
    member.groups.add(moderators_group_ensure())
    assert client_for(member).get("/moderation/").status_code == 200
