from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from messaging.selectors import blocked_ids
from resources.selectors import search_resources
from sharon.accounts.decorators import member_required
from sharon.content import support_offer

from . import selectors, services
from .forms import ComposerForm, ReadingPreferencesForm, ThreadForm
from .models import (
    INTRODUCTIONS_SLUG,
    Category,
    CategoryWatch,
    ContentWarning,
    Draft,
    Post,
    Reaction,
    Status,
    Thread,
)
from .permissions import (
    can_delete_post,
    can_edit_post,
    can_react,
    can_reply,
    can_see_history,
    can_start_thread,
    can_view_category,
    can_view_post,
    can_view_thread,
    check,
    is_moderator,
    posting_refusal,
)

THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 20
RESULTS_PER_PAGE = 20


# --- Fetch and authorise ------------------------------------------------------------------
def get_category_for_member(request, slug: str) -> Category:
    category = get_object_or_404(Category, slug=slug)
    if not can_view_category(request.user, category):
        raise Http404
    return category


def get_thread_for_member(request, pk: int) -> Thread:
    thread = get_object_or_404(Thread.objects.select_related("category", "author"), pk=pk)
    if not can_view_thread(request.user, thread):
        raise Http404
    return thread


def get_post_for_member(request, pk: int) -> Post:
    post = get_object_or_404(
        Post.objects.select_related("thread__category", "thread__author", "author"), pk=pk
    )
    if not can_view_thread(request.user, post.thread) or not (
        can_view_post(request.user, post) or post.status == Status.DELETED
    ):
        raise Http404
    return post


def _post_url(request, post: Post) -> str:
    page = selectors.page_of_post(user=request.user, post=post, per_page=POSTS_PER_PAGE)
    return f"{reverse('forums:thread', args=[post.thread_id])}?page={page}#post-{post.pk}"


# --- Reading ----------------------------------------------------------------------------
@member_required
def index(request):
    categories = list(selectors.visible_categories(request.user))
    introductions = next((c for c in categories if c.slug == INTRODUCTIONS_SLUG), None)
    return render(
        request,
        "forums/index.html",
        {
            "categories": categories,
            "introductions": introductions,
            "first_visit": request.user.post_count == 0,
        },
    )


@member_required
def category(request, slug):
    category = get_category_for_member(request, slug)
    preferences = selectors.reading_preferences(request.user)
    threads = selectors.threads_in_category(
        user=request.user, category=category, hidden_topics=preferences.hidden_topics
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    selectors.mark_unread(request.user, page.object_list)
    return render(
        request,
        "forums/category.html",
        {
            "category": category,
            "page": page,
            "can_start_thread": can_start_thread(request.user, category),
            "watching": CategoryWatch.objects.filter(user=request.user, category=category).exists(),
        },
    )


def _decorate_posts(request, thread: Thread, posts: list[Post], preferences) -> None:
    """Attach what the post partial needs: display mode, reactions, what the reader may do."""
    user = request.user
    extras = selectors.post_extras(user=user, posts=posts)
    blocked = blocked_ids(user)
    for post in posts:
        post.thread = thread  # already loaded with its category: no query per post
        if post.status == Status.DELETED:
            post.display = "deleted"
        elif post.status == Status.REMOVED and not is_moderator(user):
            post.display = "removed"
        elif post.status == Status.HIDDEN and not is_moderator(user):
            post.display = "hidden"
        elif post.author_id in blocked:
            post.display = "blocked"
        elif post.content_warning in preferences.hidden_topics and post.author_id != user.pk:
            post.display = "hidden-by-preference"
        elif post.content_warning and post.content_warning not in preferences.shown_topics:
            post.display = "collapsed"
        else:
            post.display = "open"
        counts = extras.reaction_counts.get(post.pk, {})
        post.reaction_list = [
            (kind, label, counts.get(kind, 0), (post.pk, kind) in extras.my_reactions)
            for kind, label in Reaction.Kind.choices
        ]
        post.bookmarked = post.pk in extras.my_bookmarks
        post.can_react = can_react(user, post)
        post.can_edit = can_edit_post(user, post)
        post.can_delete = can_delete_post(user, post)


@member_required
def thread(request, pk):
    thread = get_thread_for_member(request, pk)
    preferences = selectors.reading_preferences(request.user)
    paginator = Paginator(
        selectors.posts_for_thread(user=request.user, thread=thread), POSTS_PER_PAGE
    )
    page = paginator.get_page(request.GET.get("page"))
    posts = list(page.object_list)
    _decorate_posts(request, thread, posts, preferences)
    if posts:
        services.thread_mark_read(
            user=request.user, thread=thread, up_to=max(p.created_at for p in posts)
        )
    services.thread_count_view(thread=thread)
    reply_allowed = can_reply(request.user, thread)
    form = None
    if reply_allowed and not page.has_next():
        draft = Draft.objects.filter(user=request.user, thread=thread).first()
        form = ComposerForm(initial={"body": draft.body} if draft else None)
    return render(
        request,
        "forums/thread.html",
        {
            "thread": thread,
            "page": page,
            "posts": posts,
            "form": form,
            "reply_allowed": reply_allowed,
            "refusal": posting_refusal(request.user, thread.category, thread),
            "watching": selectors.is_watching(user=request.user, thread=thread),
            "can_moderate": is_moderator(request.user),
        },
    )


@member_required
def thread_unread(request, pk):
    thread = get_thread_for_member(request, pk)
    post = selectors.first_unread_post(user=request.user, thread=thread)
    if post is None:
        return thread_last(request, pk)
    return redirect(_post_url(request, post))


@member_required
def thread_last(request, pk):
    thread = get_thread_for_member(request, pk)
    post = selectors.posts_for_thread(user=request.user, thread=thread).last()
    return redirect(_post_url(request, post) if post else thread.get_absolute_url())


@member_required
def post_permalink(request, pk):
    return redirect(_post_url(request, get_post_for_member(request, pk)))


# --- Writing ----------------------------------------------------------------------------
def _action(request) -> str:
    return request.POST.get("action", "post")


def _typed(request) -> dict[str, str]:
    """The composer's fields as typed, for a draft: any text, no validation."""
    warning = request.POST.get("content_warning", "")
    return {
        "title": request.POST.get("title", ""),
        "body": request.POST.get("body", ""),
        "content_warning": warning if warning in ContentWarning.values else "",
    }


def _compose(
    request, *, form_class, place: dict, refusal: str | None, create, url_of, here: str, away: str
):
    """Handle a composer POST: save or discard the draft, preview, or post through `create`.
    Returns (form, preview, response); a response means the request is answered. On any
    refusal the text comes back as typed (and is kept as a draft)."""
    user, action, typed = request.user, _action(request), _typed(request)
    if action == "save_draft":
        services.draft_save(user=user, **place, **typed)
        messages.success(request, _("Draft saved. It will be here when you come back."))
        return None, None, redirect(here)
    if action == "discard_draft":
        services.draft_discard(user=user, **place)
        messages.success(request, _("Draft discarded."))
        return None, None, redirect(away)
    form = form_class(request.POST)
    if refusal:
        # The thread may have been locked while they typed: keep what they wrote.
        form.add_error(None, refusal)
        services.draft_save(user=user, **place, **typed)
        return form, None, None
    if not form.is_valid():
        return form, None, None
    if action == "preview":
        return form, services.preview_render(form.cleaned_data["body"]), None
    try:
        created = create(form.cleaned_data)
    except services.PostingRefused as refused:
        form.add_error(None, str(refused))
        return form, None, None
    _posted_message(request, created.status, created.screening)
    return form, None, redirect(url_of(created))


@member_required
def thread_new(request, slug):
    category = get_category_for_member(request, slug)
    user = request.user
    refusal = posting_refusal(user, category)
    draft = Draft.objects.filter(user=user, category=category, thread__isnull=True).first()
    preview = None
    if request.method == "POST":
        form, preview, response = _compose(
            request,
            form_class=ThreadForm,
            place={"category": category},
            refusal=refusal,
            create=lambda data: services.thread_create(author=user, category=category, **data),
            url_of=lambda thread: thread.get_absolute_url(),
            here=reverse("forums:thread_new", args=[category.slug]),
            away=category.get_absolute_url(),
        )
        if response:
            return response
    else:
        fields = ("title", "body", "content_warning")
        form = ThreadForm(
            initial={name: getattr(draft, name) for name in fields} if draft else None
        )
    return render(
        request,
        "forums/thread_new.html",
        {
            "category": category,
            "form": form,
            "preview": preview,
            "draft": draft,
            "refusal": refusal,
        },
        status=403 if refusal and request.method == "GET" else 200,
    )


def _posted_message(request, status: str, screening, *, edited: bool = False) -> None:
    if screening.support:
        support_offer(request)
    if edited and status != Status.PENDING:
        messages.success(request, _("Your changes are saved."))
    elif status == Status.PENDING:
        messages.info(
            request,
            _(
                "Thank you. Posts here are read by a moderator before others see them; yours is "
                "awaiting review and only you can see it for now."
            ),
        )
    else:
        messages.success(request, _("Your post is up. Thank you for sharing."))


def _quote(request, post_id: str | None) -> str:
    if not post_id or not post_id.isdigit():
        return ""
    post = Post.objects.filter(pk=post_id).select_related("thread__category", "author").first()
    if (
        post is None
        or post.status != Status.PUBLISHED
        or not can_view_thread(request.user, post.thread)
    ):
        return ""
    name = post.author.username if post.author else _("a former member")
    quoted = "\n".join(f"> {line}" if line else ">" for line in post.body.strip().splitlines())
    return f"{quoted}\n>\n> — @{name}\n\n" if post.author else f"{quoted}\n>\n> — {name}\n\n"


@member_required
def reply(request, pk):
    thread = get_thread_for_member(request, pk)
    user = request.user
    refusal = (
        None
        if can_reply(user, thread)
        else posting_refusal(user, thread.category, thread) or _("You can't reply to this thread.")
    )
    draft = Draft.objects.filter(user=user, thread=thread).first()
    preview = None
    if request.method == "POST":
        form, preview, response = _compose(
            request,
            form_class=ComposerForm,
            place={"thread": thread},
            refusal=refusal,
            create=lambda data: services.post_create(author=user, thread=thread, **data),
            url_of=lambda post: _post_url(request, post),
            here=reverse("forums:reply", args=[thread.pk]),
            away=thread.get_absolute_url(),
        )
        if response:
            return response
    else:
        quote = _quote(request, request.GET.get("quote"))
        body = (draft.body + ("\n\n" if draft.body else "") if draft else "") + quote
        form = ComposerForm(
            initial={"body": body, "content_warning": draft.content_warning if draft else ""}
        )
    return render(
        request,
        "forums/reply.html",
        {"thread": thread, "form": form, "preview": preview, "draft": draft, "refusal": refusal},
        status=403 if refusal and request.method == "GET" else 200,
    )


@member_required
def post_edit(request, pk):
    post = get_post_for_member(request, pk)
    check(
        can_edit_post(request.user, post),
        _("You can only edit your own posts, while the thread is open."),
    )
    preview = None
    if request.method == "POST":
        form = ComposerForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if _action(request) == "preview":
                preview = services.preview_render(data["body"])
            else:
                try:
                    changed = services.post_edit(
                        post=post,
                        editor=request.user,
                        body=data["body"],
                        content_warning=data["content_warning"],
                    )
                except services.PostingRefused as refused:
                    form.add_error(None, str(refused))
                else:
                    if changed:
                        _posted_message(request, post.status, post.screening, edited=True)
                    return redirect(_post_url(request, post))
    else:
        form = ComposerForm(initial={"body": post.body, "content_warning": post.content_warning})
    return render(
        request, "forums/post_edit.html", {"post": post, "form": form, "preview": preview}
    )


@member_required
def post_delete(request, pk):
    post = get_post_for_member(request, pk)
    check(can_delete_post(request.user, post), _("You can only delete your own posts."))
    if request.method == "POST":
        services.post_delete(post=post, by=request.user)
        messages.success(request, _("Your post has been deleted."))
        post.thread.refresh_from_db(fields=["status"])  # gone if it was the only post
        if post.thread.status == Status.DELETED:
            return redirect(post.thread.category.get_absolute_url())
        return redirect(_post_url(request, post))
    return render(request, "forums/post_delete.html", {"post": post})


@member_required
def post_history(request, pk):
    post = get_post_for_member(request, pk)
    check(
        can_see_history(request.user, post),
        _("Only the author and moderators can see a post's history."),
    )
    return render(
        request,
        "forums/post_history.html",
        {
            "post": post,
            "revisions": post.revisions.select_related("replaced_by").order_by("-replaced_at"),
        },
    )


@member_required
@require_POST
def react(request, pk):
    post = get_post_for_member(request, pk)
    check(can_react(request.user, post), _("You can't react to this post."))
    kind = request.POST.get("kind", "")
    if kind not in Reaction.Kind.values:
        raise Http404
    services.reaction_toggle(post=post, user=request.user, kind=kind)
    return redirect(_post_url(request, post))


@member_required
@require_POST
def bookmark(request, pk):
    post = get_post_for_member(request, pk)
    added = services.bookmark_toggle(user=request.user, post=post)
    messages.success(request, _("Bookmarked.") if added else _("Bookmark removed."))
    return redirect(_post_url(request, post))


@member_required
@require_POST
def thread_watch(request, pk):
    thread = get_thread_for_member(request, pk)
    watching = request.POST.get("watch") == "1"
    services.thread_watch_set(user=request.user, thread=thread, watching=watching)
    messages.success(
        request,
        _("You're watching this thread.")
        if watching
        else _("You've stopped watching this thread."),
    )
    return redirect(thread.get_absolute_url())


@member_required
@require_POST
def category_watch(request, slug):
    category = get_category_for_member(request, slug)
    watching = request.POST.get("watch") == "1"
    services.category_watch_set(user=request.user, category=category, watching=watching)
    messages.success(
        request,
        _("You're watching %(name)s.") % {"name": category.name}
        if watching
        else _("You've stopped watching %(name)s.") % {"name": category.name},
    )
    return redirect(category.get_absolute_url())


@member_required
@require_POST
def draft_autosave(request):
    """Called by composer.js as the member types; the same data as the 'Save draft' button."""
    thread_id, category_slug = request.POST.get("thread"), request.POST.get("category")
    if thread_id:
        thread = get_thread_for_member(request, int(thread_id) if thread_id.isdigit() else 0)
        place = {"thread": thread}
    elif category_slug:
        place = {"category": get_category_for_member(request, category_slug)}
    else:
        raise Http404
    draft = services.draft_save(user=request.user, **place, **_typed(request))
    saved = time_format(timezone.localtime(draft.updated_at), "H:i")
    return JsonResponse(
        {"saved_at": saved, "message": _("Draft saved at %(time)s") % {"time": saved}}
    )


# --- Lists -------------------------------------------------------------------------------
@member_required
def bookmarks(request):
    page = Paginator(selectors.bookmarks_of(request.user), THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "forums/bookmarks.html", {"page": page})


@member_required
def unanswered(request):
    page = Paginator(selectors.unanswered_threads(user=request.user), THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "forums/unanswered.html", {"page": page})


@member_required
def search(request):
    query = " ".join(request.GET.get("q", "").split())[:200]
    page, resources = None, []
    if query:
        preferences = selectors.reading_preferences(request.user)
        results = selectors.search_posts(user=request.user, query=query).exclude(
            content_warning__in=preferences.hidden_topics
        )
        page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        for post in page.object_list:
            post.snippet = selectors.snippet(post)
        if page.number == 1:
            # The one search box also finds self-help resources.
            resources = search_resources(query=query)
    return render(
        request, "forums/search.html", {"query": query, "page": page, "resources": resources}
    )


@member_required
def preferences(request):
    current = selectors.reading_preferences(request.user)
    form = ReadingPreferencesForm(request.POST or None, preferences=current)
    if request.method == "POST" and form.is_valid():
        services.reading_preferences_update(
            user=request.user, hidden_topics=form.topics("hide"), shown_topics=form.topics("show")
        )
        messages.success(request, _("Your reading preferences are saved."))
        return redirect("forums:preferences")
    return render(request, "forums/preferences.html", {"form": form})
