"""A member's own data as one machine-readable file (A-5): everything they wrote, whatever
its state now (their own words, hidden or removed by a moderator included), and their
settings. One query per section, so the cost does not grow with the number of rows read.

Other apps' models are read here, not changed: this is the one place that gathers a member's
data from all of them."""

import datetime as dt

from django.utils import timezone

from .models import User

FORMAT = "SHaRON member data export, version 1"


def _when(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _column(rows, field: str) -> list:
    return list(rows.order_by("pk").values_list(field, flat=True))


def member_data(user: User) -> dict:
    from forums.models import Bookmark, CategoryWatch, Draft, Post, Reaction, Thread, ThreadWatch
    from messaging.models import Block, Message, MessagingSettings, Participant
    from moderation.models import Report

    messaging = MessagingSettings.objects.filter(user=user).first()
    others = dict(  # conversation -> the other member, for the messages sent
        Participant.objects.filter(conversation__participants__user=user)
        .exclude(user=user)
        .values_list("conversation_id", "user__username")
    )
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "email": user.email,
            "joined": _when(user.date_joined),
            "about_me": user.bio,
            "avatar": user.avatar,
            "guidelines_version_accepted": user.guidelines_version,
            "guidelines_accepted_at": _when(user.guidelines_accepted_at),
            "last_seen": _when(user.last_seen_at),
        },
        "settings": {
            "email_notifications": user.email_frequency,
            "check_in_reminders": user.reminder_frequency,
            "taking_a_break_until": _when(user.break_until),
            "who_can_message_me": (
                messaging.who_can_message if messaging else MessagingSettings.Who.TALKED
            ),
        },
        "threads_started": [
            {
                "id": t.pk,
                "title": t.title,
                "category": t.category.name,
                "created_at": _when(t.created_at),
                "status": t.status,
                "content_warning": t.content_warning,
            }
            for t in Thread.objects.filter(author=user).select_related("category").order_by("pk")
        ],
        "posts": [
            {
                "id": p.pk,
                "thread_id": p.thread_id,
                "thread_title": p.thread.title,
                "created_at": _when(p.created_at),
                "edited_at": _when(p.edited_at),
                "status": p.status,
                "content_warning": p.content_warning,
                "text": p.body,
            }
            for p in Post.objects.filter(author=user).select_related("thread").order_by("pk")
        ],
        "drafts": [
            {"title": d.title, "text": d.body, "updated_at": _when(d.updated_at)}
            for d in Draft.objects.filter(user=user).order_by("pk")
        ],
        "reactions": [
            {"post_id": post_id, "reaction": kind, "created_at": _when(created)}
            for post_id, kind, created in Reaction.objects.filter(user=user)
            .order_by("pk")
            .values_list("post_id", "kind", "created_at")
        ],
        "bookmarked_post_ids": _column(Bookmark.objects.filter(user=user), "post_id"),
        "watched_thread_ids": _column(ThreadWatch.objects.filter(user=user), "thread_id"),
        "watched_categories": _column(CategoryWatch.objects.filter(user=user), "category__name"),
        "messages_sent": [
            {
                "conversation_id": m.conversation_id,
                "to": others.get(m.conversation_id),
                "created_at": _when(m.created_at),
                "status": m.status,
                "text": m.body,
            }
            for m in Message.objects.filter(sender=user).order_by("pk")
        ],
        "members_blocked": _column(Block.objects.filter(blocker=user), "blocked__username"),
        "reports_made": [
            {
                "reason": r.reason,
                "note": r.note,
                "status": r.status,
                "created_at": _when(r.created_at),
            }
            for r in Report.objects.filter(reporter=user).order_by("pk")
        ],
    }
