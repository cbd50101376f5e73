from django.db.models import Count, Max, Q, QuerySet

from sharon.accounts.models import User

from .models import Category, Post, Thread


def visible_post_count(*, author: User) -> int:
    return Post.objects.filter(author=author, status=Post.Status.PUBLISHED).count()


def categories_with_activity() -> QuerySet[Category]:
    # Aggregating queries drop Meta.ordering, so the order is restated.
    return Category.objects.annotate(
        thread_count=Count("threads", distinct=True),
        post_count=Count("threads__posts", filter=Q(threads__posts__status=Post.Status.PUBLISHED)),
        last_activity_at=Max("threads__last_activity_at"),
    ).order_by("order", "name")


def threads_in_category(*, category: Category) -> QuerySet[Thread]:
    return (
        Thread.objects.filter(category=category)
        .select_related("author")
        .order_by("-is_pinned", "-last_activity_at")
    )


def posts_in_thread(*, thread: Thread) -> QuerySet[Post]:
    return (
        Post.objects.filter(thread=thread, status=Post.Status.PUBLISHED)
        .select_related("author")
        .order_by("created_at", "id")
    )
