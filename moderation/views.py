import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.models import Post, Thread
from forums.permissions import can_view_thread
from messaging.models import Message
from sharon.accounts.decorators import member_required
from sharon.accounts.models import User

from . import selectors, services
from .forms import ActionForm, MemberActionForm, ReportForm
from .models import AuditEntry, QueueItem
from .permissions import can_report, check_moderator
from .targets import describe, load, load_or_none

ITEMS_PER_PAGE = 25


# --- Members report, and follow their reports (M-1, M-10) ----------------------------------
def get_reportable_for_member(request, kind: str, pk: int):
    """The thing a member wants to report, if they can see it; 404 otherwise."""
    user = request.user
    if kind != "member" and not str(pk).isdigit():
        raise Http404
    if kind == "post":
        target = get_object_or_404(Post.objects.select_related("thread__category", "author"), pk=pk)
        visible = can_view_thread(user, target.thread) and target.status == "published"
    elif kind == "thread":
        target = get_object_or_404(Thread.objects.select_related("category", "author"), pk=pk)
        visible = can_view_thread(user, target) and target.status == "published"
    elif kind == "message":
        target = get_object_or_404(Message.objects.select_related("sender"), pk=pk)
        visible = target.conversation.participants.filter(user=user).exists()
    elif kind == "member":
        target = get_object_or_404(User, username=pk, is_active=True)
        visible = True
    else:
        raise Http404
    if not visible:
        raise Http404
    return target


@member_required
def report(request, kind, pk):
    target = get_reportable_for_member(request, kind, pk)
    described = describe(target)
    if not can_report(request.user, described.author):
        messages.info(
            request, _("You can't report your own posts. You can edit or delete them instead.")
        )
        return redirect(described.url or "forums:index")
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_create(reporter=request.user, target=target, **form.cleaned_data)
        messages.success(
            request,
            _(
                "Thank you for letting us know. A moderator will look at this; you can follow it under Your reports."
            ),
        )
        return redirect(described.url or "moderation:my_reports")
    return render(
        request, "moderation/report.html", {"form": form, "described": described, "kind": kind}
    )


@member_required
def my_reports(request):
    page = Paginator(selectors.reports_by(request.user), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "moderation/my_reports.html", {"page": page})


# --- Moderators ----------------------------------------------------------------------------
def moderator_required(view):
    @member_required
    def wrapper(request, *args, **kwargs):
        check_moderator(request.user)
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@moderator_required
def queue(request):
    state = "closed" if request.GET.get("state") == "closed" else "open"
    reason = request.GET.get("reason", "")
    mine = request.user if request.GET.get("mine") else None
    page = Paginator(
        selectors.queue(state=state, reason=reason, mine=mine), ITEMS_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "moderation/queue.html",
        {
            "page": page,
            "state": state,
            "reason": reason,
            "mine": bool(mine),
            "reasons": selectors.REASON_FILTERS,
        },
    )


def _item_context(item: QueueItem, target) -> dict:
    """What the item page shows besides the form; `target` is None once it was deleted."""
    described = describe(target) if target is not None else None
    thread = None
    context_posts = []
    if isinstance(target, Post):
        thread = target.thread
        context_posts = list(
            Post.objects.filter(thread=thread, created_at__lt=target.created_at)
            .select_related("author")
            .order_by("-created_at")[:3]
        )[::-1]
    elif isinstance(target, Thread):
        thread = target
    return {
        "item": item,
        "target": target,
        "described": described,
        "thread": thread,
        "context_posts": context_posts,
        "reports": item.reports.select_related("reporter").order_by("created_at"),
        "hits": item.hits.order_by("created_at"),
        "history": selectors.author_history(item.author),
        "suggestion": selectors.sanction_suggestion(item.author) if item.author else None,
        "is_message": isinstance(target, Message),
    }


@moderator_required
def item(request, pk):
    queue_item = get_object_or_404(
        QueueItem.objects.select_related("author", "claimed_by", "target_type"), pk=pk
    )
    context = _item_context(queue_item, load_or_none(queue_item.target_type, queue_item.target_id))
    form = ActionForm(initial={"body": getattr(context["target"], "body", "")})
    return render(request, "moderation/item.html", {**context, "form": form})


def _apply(request, item: QueueItem, target, data: dict) -> bool:
    moderator, action, reason = request.user, data["action"], data["reason"].strip()
    post = target if isinstance(target, Post) else None
    thread = target if isinstance(target, Thread) else post.thread if post else None
    member = item.author
    if action == "claim":
        return services.item_claim(item=item, moderator=moderator)
    if action == "approve":
        return services.item_approve(item=item, moderator=moderator, reason=reason)
    if action == "close":
        return services.item_close(item=item, moderator=moderator)
    if action in ("hide", "remove"):
        status = "hidden" if action == "hide" else "removed"
        return services.content_set_status(
            target=target, moderator=moderator, status=status, reason=reason, item=item
        )
    if action == "edit" and post is not None:
        return services.content_edit(
            post=post, moderator=moderator, body=data["body"], reason=reason, item=item
        )
    if action in ("lock", "unlock", "pin", "unpin", "move") and thread is not None:
        flags = {
            "lock": {"is_locked": True},
            "unlock": {"is_locked": False},
            "pin": {"is_pinned": True},
            "unpin": {"is_pinned": False},
            "move": {"category": data["category"]},
        }[action]
        return services.thread_moderate(
            thread=thread, moderator=moderator, reason=reason, item=item, **flags
        )
    if member is not None and action in ("warn", "silence", "suspend"):
        return _act_on_member(
            action,
            member=member,
            moderator=moderator,
            reason=reason,
            silence_days=data["silence_days"],
            item=item,
        )
    raise Http404


def _act_on_member(
    action: str,
    *,
    member: User,
    moderator: User,
    reason: str,
    silence_days: int,
    item: QueueItem | None = None,
) -> bool:
    """Warn, silence or suspend (from a queue item or the member's page), or reinstate."""
    if action == "silence":
        until = timezone.now() + dt.timedelta(days=silence_days)
        return services.member_silence(
            member=member, moderator=moderator, until=until, reason=reason, item=item
        )
    if action == "reinstate":
        return services.member_reinstate(member=member, moderator=moderator, reason=reason)
    service = {"warn": services.member_warn, "suspend": services.member_suspend}[action]
    return service(member=member, moderator=moderator, reason=reason, item=item)


@moderator_required
@require_POST
def item_act(request, pk):
    queue_item = get_object_or_404(QueueItem.objects.select_related("author", "target_type"), pk=pk)
    target = load_or_none(queue_item.target_type, queue_item.target_id)
    form = ActionForm(request.POST)
    if not form.is_valid() or target is None:
        if target is None:
            form.add_error(None, _("This content no longer exists."))
        context = _item_context(queue_item, target)
        return render(request, "moderation/item.html", {**context, "form": form}, status=200)
    # The page's context (history, sanction ladder, earlier posts) is only needed to show
    # the form again: a valid action redirects.
    changed = _apply(request, queue_item, target, form.cleaned_data)
    action_label = dict(ActionForm.ACTIONS)[form.cleaned_data["action"]]
    if changed:
        messages.success(request, _("Done: %(action)s.") % {"action": action_label})
    else:
        messages.info(
            request,
            _("Nothing to change: %(action)s was already in place.") % {"action": action_label},
        )
    return redirect("moderation:item", pk=queue_item.pk)


@moderator_required
def conversation(request, pk):
    """The one conversation a reported message belongs to; every opening is audited."""
    queue_item = get_object_or_404(QueueItem, pk=pk)
    target = load(queue_item.target_type, queue_item.target_id)
    if not isinstance(target, Message):
        raise Http404
    conversation = target.conversation
    services.private_conversation_access(
        moderator=request.user, item=queue_item, conversation=conversation
    )
    conversation_messages = conversation.messages.select_related("sender").order_by("created_at")
    return render(
        request,
        "moderation/conversation.html",
        {"item": queue_item, "reported": target, "conversation_messages": conversation_messages},
    )


@moderator_required
def audit(request):
    filters = {key: request.GET.get(key, "").strip() for key in ("action", "actor", "member")}
    page = Paginator(selectors.audit_log(**filters), 50).get_page(request.GET.get("page"))
    actions = AuditEntry.objects.order_by().values_list("action", flat=True).distinct()
    return render(
        request,
        "moderation/audit.html",
        {"page": page, "filters": filters, "actions": sorted(actions)},
    )


@moderator_required
def dashboard(request):
    return render(request, "moderation/dashboard.html", {"d": selectors.dashboard()})


@moderator_required
def member(request, username):
    target = get_object_or_404(User, username=username)
    form = MemberActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changed = _act_on_member(
            data["action"],
            member=target,
            moderator=request.user,
            reason=data["reason"],
            silence_days=data["silence_days"] or 1,
        )
        messages.success(
            request, _("Done.") if changed else _("Nothing to change: that was already in place.")
        )
        return redirect("moderation:member", username=target.username)
    return render(
        request,
        "moderation/member.html",
        {
            "member": target,
            "history": selectors.author_history(target),
            "suggestion": selectors.sanction_suggestion(target),
            "items": QueueItem.objects.filter(author=target).order_by("-created_at")[:20],
            "form": form,
        },
    )
