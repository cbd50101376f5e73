"""State changes in the resource library."""

from django.core.files.storage import default_storage
from django.db import transaction

from forums.models import Post
from sharon.accounts.models import User

from .models import (
    HelpfulnessVote,
    Resource,
    ResourceLink,
    UrgentHelpContact,
    UrgentHelpPage,
    Worksheet,
)
from .selectors import resource_slugs_in

# What the urgent-help page says until an admin changes it. 999 / A&E is in the
# page's emergency box (UrgentHelpPage's defaults).
URGENT_HELP_CONTACTS = [
    {
        "name": "Samaritans",
        "kind": UrgentHelpContact.Kind.CALL,
        "number": "116 123",
        "details": "free, any time, day or night",
    },
    {
        "name": "NHS 111",
        "kind": UrgentHelpContact.Kind.CALL,
        "number": "111",
        "details": "choose option 2 for the mental health crisis line (England)",
    },
    {
        "name": "Shout",
        "kind": UrgentHelpContact.Kind.TEXT,
        "number": "85258",
        "keyword": "SHOUT",
        "details": "free, 24/7, if you'd rather not talk",
    },
]


def resource_publish(*, resource: Resource) -> bool:
    """Publish a resource; it keeps its publish date if it had one. False if it already was."""
    if resource.status == Resource.Status.PUBLISHED:
        return False
    resource.status = Resource.Status.PUBLISHED
    # Resource.save() dates a newly published resource.
    resource.save(update_fields=["status", "published_at", "updated_at"])
    return True


def resource_unpublish(*, resource: Resource) -> bool:
    """Take a resource back to draft: members and visitors no longer see it. False if it
    already was a draft."""
    if resource.status == Resource.Status.DRAFT:
        return False
    resource.status = Resource.Status.DRAFT
    resource.save(update_fields=["status", "updated_at"])
    return True


def helpfulness_vote(*, resource: Resource, user: User, helpful: bool) -> HelpfulnessVote:
    """Record the member's answer to "Was this helpful?"; a second answer replaces the first."""
    vote, _created = HelpfulnessVote.objects.update_or_create(
        resource=resource, user=user, defaults={"helpful": helpful}
    )
    return vote


def resource_links_sync(*, post: Post, created: bool = False) -> None:
    """Record which resources the post's text links to (R-4). Runs whenever a post is created
    or edited (the `sharon.content.saved` signal), inside the saving transaction."""
    slugs = resource_slugs_in(post.body_html)
    if created and not slugs:
        return  # the common case costs no query
    linked = set(Resource.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    ResourceLink.objects.filter(post=post).exclude(resource__in=linked).delete()
    ResourceLink.objects.bulk_create(
        [ResourceLink(post=post, resource_id=pk) for pk in linked], ignore_conflicts=True
    )


def resource_links_rebuild(*, resource: Resource) -> int:
    """Find the posts that link `resource` at its current address, after it was created or
    its slug changed; posts written earlier were saved before it existed. Returns how many
    posts link it. Scans post text, so it is for these rare moments only."""
    candidates = Post.objects.filter(body_html__contains=f"/resources/{resource.slug}/").only(
        "pk", "body_html"
    )
    post_ids = {
        post.pk for post in candidates if resource.slug in resource_slugs_in(post.body_html)
    }
    with transaction.atomic():
        ResourceLink.objects.filter(resource=resource).exclude(post__in=post_ids).delete()
        ResourceLink.objects.bulk_create(
            [ResourceLink(post_id=pk, resource=resource) for pk in post_ids],
            ignore_conflicts=True,
        )
    return len(post_ids)


def worksheet_file_discard(*, name: str) -> None:
    """Delete a worksheet's stored file once the change that dropped it is committed."""
    if name and not Worksheet.objects.filter(file=name).exists():
        transaction.on_commit(lambda: default_storage.delete(name))


def urgent_help_contacts() -> list[UrgentHelpContact]:
    """The services on the urgent-help page, in the order admins set (A-3)."""
    return list(urgent_help_page_ensure().contacts.all())


def urgent_help_page_ensure() -> UrgentHelpPage:
    """The urgent-help page, created with the default crisis services if it is missing."""
    page = UrgentHelpPage.objects.filter(pk=1).first()
    if page is not None:
        return page
    with transaction.atomic():
        page, created = UrgentHelpPage.objects.get_or_create(pk=1)
        if created:
            UrgentHelpContact.objects.bulk_create(
                UrgentHelpContact(page=page, order=n, **contact)
                for n, contact in enumerate(URGENT_HELP_CONTACTS)
            )
    return page
