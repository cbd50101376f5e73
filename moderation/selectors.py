import datetime as dt
from dataclasses import dataclass
from statistics import median

from django.db.models import Count, F, Min, Q, QuerySet
from django.utils import timezone

from forums import selectors as forum_selectors
from sharon.accounts.models import User

from .models import AuditEntry, QueueItem, Report

REASON_FILTERS = [
    *Report.Reason.choices,
    ("check", "Automatic checks"),
    ("queued", "Waiting for approval"),
]


def queue(
    *, state: str = "open", reason: str = "", mine: User | None = None
) -> QuerySet[QueueItem]:
    """Items in priority order: risk first, then score, then the oldest (M-2)."""
    items = QueueItem.objects.filter(state=state).select_related(
        "author", "claimed_by", "target_type"
    )
    if reason == "check":
        items = items.filter(hits__isnull=False)
    elif reason == "queued":
        items = items.exclude(queued_because="")
    elif reason:
        items = items.filter(reports__reason=reason)
    if mine is not None:
        items = items.filter(claimed_by=mine)
    items = items.annotate(
        report_count=Count("reports", distinct=True), hit_count=Count("hits", distinct=True)
    )
    if state == "open":
        return items.order_by("-is_risk", "-score", "created_at", "id")
    return items.order_by("-closed_at", "-id")


@dataclass
class AuthorHistory:
    member: User
    account_age_days: int
    actions: list[AuditEntry]
    previous_items: int


def author_history(member: User | None) -> AuthorHistory | None:
    if member is None:
        return None
    return AuthorHistory(
        member=member,
        account_age_days=(timezone.now() - member.date_joined).days,
        # What was done about the member or their content; approvals and access are routine.
        actions=list(
            AuditEntry.objects.filter(member=member)
            .exclude(action__in=["approve", "view_conversation"])
            .select_related("actor")
            .order_by("-created_at")[:10]
        ),
        previous_items=QueueItem.objects.filter(
            author=member, state=QueueItem.State.CLOSED
        ).count(),
    )


LADDER = [
    ("warn", "A private warning explaining which guideline was broken"),
    ("silence-1", "Read-only for 24 hours"),
    ("silence-7", "Read-only for 7 days"),
    ("suspend", "Suspend the account, and review it with the team"),
]


def sanction_suggestion(member: User) -> tuple[str, str]:
    """The next step on the ladder, from the member's sanctions in the last 180 days."""
    since = timezone.now() - dt.timedelta(days=180)
    counts = dict(
        AuditEntry.objects.filter(
            member=member, created_at__gte=since, action__in=["warn", "silence", "suspend"]
        )
        .values_list("action")
        .annotate(n=Count("id"))
    )
    if counts.get("suspend") or counts.get("silence", 0) >= 2:
        return LADDER[3]
    if counts.get("silence"):
        return LADDER[2]
    if counts.get("warn"):
        return LADDER[1]
    return LADDER[0]


def audit_log(*, action: str = "", actor: str = "", member: str = "") -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.select_related("actor", "member", "target_type").order_by(
        "-created_at", "-id"
    )
    if action:
        entries = entries.filter(action=action)
    if actor:
        entries = entries.filter(actor__username__iexact=actor)
    if member:
        entries = entries.filter(member__username__iexact=member)
    return entries


@dataclass
class Dashboard:
    open_by_priority: dict[str, int]
    oldest_open_age: dt.timedelta | None
    median_first_action_7: dt.timedelta | None
    median_first_action_30: dt.timedelta | None
    risk_waiting: int
    unanswered_threads: int


def _median_first_action(days: int) -> dt.timedelta | None:
    since = timezone.now() - dt.timedelta(days=days)
    waits = list(
        QueueItem.objects.filter(created_at__gte=since, first_action_at__isnull=False)
        .annotate(wait=F("first_action_at") - F("created_at"))
        .values_list("wait", flat=True)
    )
    return median(waits) if waits else None


def dashboard() -> Dashboard:
    counts = QueueItem.objects.filter(state=QueueItem.State.OPEN).aggregate(
        risk=Count("id", filter=Q(is_risk=True), distinct=True),
        reported=Count("id", filter=Q(is_risk=False, reports__isnull=False), distinct=True),
        total=Count("id", distinct=True),
        risk_waiting=Count(
            "id", filter=Q(is_risk=True, first_action_at__isnull=True), distinct=True
        ),
        oldest=Min("created_at"),
    )
    oldest = counts["oldest"]
    return Dashboard(
        open_by_priority={
            "risk": counts["risk"],
            "reported": counts["reported"],
            "other": counts["total"] - counts["risk"] - counts["reported"],
        },
        oldest_open_age=timezone.now() - oldest if oldest else None,
        median_first_action_7=_median_first_action(7),
        median_first_action_30=_median_first_action(30),
        risk_waiting=counts["risk_waiting"],
        unanswered_threads=forum_selectors.unanswered_count(),
    )


def reports_by(member: User) -> QuerySet[Report]:
    return (
        Report.objects.filter(reporter=member).select_related("target_type").order_by("-created_at")
    )
