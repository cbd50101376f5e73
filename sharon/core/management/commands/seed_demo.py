"""`manage.py seed_demo`: fill an empty database with a small, realistic demo community.

Safe to run again: everything is looked up by slug, username or (category, title) first,
so a second run creates nothing and leaves existing content (and passwords) as they are.
The content itself lives in sharon/core/demo_content.py.
"""

import datetime as dt
import textwrap

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from forums.models import Category, Post, Thread
from forums.services import post_create, post_edit, reaction_toggle, thread_create, thread_recount
from messaging.models import Message
from messaging.services import message_send
from moderation.models import QueueItem
from moderation.services import item_approve, report_create
from resources.models import ExternalLink, Resource, ResourceCategory, Topic, Worksheet
from resources.services import resource_links_rebuild
from sharon.accounts.models import User
from sharon.accounts.services import moderators_group_ensure
from sharon.accounts.validators import validate_username
from sharon.core import demo_content


class Command(BaseCommand):
    help = "Create demo members, forum threads and CBT resources (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print only the demo sign-ins, not the summary."
        )
        parser.add_argument(
            "--not-production",
            action="store_true",
            help="Run with DEBUG off too (tests, a staging copy): you confirm this is no live site.",
        )

    def handle(self, *args, quiet: bool = False, not_production: bool = False, **options):
        if not settings.DEBUG and not not_production:
            # The demo accounts' passwords are published in the README.
            raise CommandError(
                "seed_demo creates accounts with published passwords, including an admin. "
                "Run it with DEBUG=1, or pass --not-production if this is not a live site."
            )
        _check_content()
        _check_resources()
        with transaction.atomic():
            created = _seed(now=timezone.now())

        if not quiet:
            if any(created.values()):
                self.stdout.write("Demo content created:")
                for what, count in created.items():
                    self.stdout.write(f"  {count:>3} {what}")
            else:
                self.stdout.write("The demo content is already there; nothing new created.")
            self.stdout.write("")
        self.stdout.write("Demo sign-ins (username / password):")
        for label, username, password in demo_content.SIGN_INS:
            self.stdout.write(f"  {label:<10} {username} / {password}")


def _check_content() -> None:
    """Catch mistakes in demo_content before anything is written."""
    passwords = {username: password for _label, username, password in demo_content.SIGN_INS}
    usernames = {member["username"] for member in demo_content.MEMBERS}
    if missing := set(passwords) - usernames:
        raise CommandError(f"demo_content: sign-ins without a member: {sorted(missing)}")
    for member in demo_content.MEMBERS:
        if member["role"] == "admin":
            continue  # staff accounts are made by staff, not through the sign-up rules
        try:
            validate_username(member["username"])
        except ValidationError as error:
            raise CommandError(
                f"demo_content: username {member['username']!r}: {error.messages}"
            ) from None
    for thread in demo_content.THREADS:
        days_ago, time_of_day = thread["started"]
        hour, minute = map(int, time_of_day.split(":"))
        last_hours = max((reply["after_hours"] for reply in thread["replies"]), default=0)
        if hour + minute / 60 + last_hours >= 24 * days_ago:
            raise CommandError(f"demo_content: thread {thread['title']!r} would end in the future")
        authors = {thread["author"], *(reply["author"] for reply in thread["replies"])}
        if unknown := authors - usernames:
            raise CommandError(
                f"demo_content: thread {thread['title']!r} by unknown {sorted(unknown)}"
            )


def _check_resources() -> None:
    categories = {spec["slug"] for spec in demo_content.RESOURCE_CATEGORIES}
    topics = {slug for slug, _name in demo_content.RESOURCE_TOPICS}
    for spec in demo_content.RESOURCES:
        where = f"demo_content: resource {spec['slug']!r}"
        if spec["category"] not in categories:
            raise CommandError(f"{where}: unknown category {spec['category']!r}")
        if unknown := set(spec.get("topics", [])) - topics:
            raise CommandError(f"{where}: unknown topics {sorted(unknown)}")
        if "self-help information, not treatment" not in spec["body"]:
            raise CommandError(f"{where}: the body must say it is self-help, not treatment")
        for sheet in spec.get("worksheets", []):
            try:
                " ".join([sheet["title"], sheet["intro"], *sheet["boxes"]]).encode("cp1252")
            except UnicodeEncodeError:
                raise CommandError(f"{where}: worksheet text the PDF fonts cannot show") from None


def _seed(*, now: dt.datetime) -> dict[str, int]:
    created = dict.fromkeys(
        [
            "members",
            "forum categories",
            "threads",
            "posts",
            "resource categories",
            "resources",
            "worksheets",
        ],
        0,
    )
    # Resources first: posts that link them then show their cards and are listed on them.
    _resources_seed(created, now=now)

    users = {}
    for member in demo_content.MEMBERS:
        users[member["username"]], is_new = _member_ensure(member, now=now)
        created["members"] += is_new

    categories = {}
    for spec in demo_content.FORUM_CATEGORIES:
        categories[spec["slug"]], is_new = Category.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "order": spec["order"],
                "is_read_only": spec.get("is_read_only", False),
                "requires_approval": spec.get("requires_approval", False),
                "hidden_from_new_members": spec.get("hidden_from_new_members", False),
            },
        )
        created["forum categories"] += is_new

    for spec in demo_content.THREADS:
        category = categories[spec["category"]]
        if Thread.objects.filter(category=category, title=spec["title"]).exists():
            continue
        _thread_seed(spec, category=category, users=users, now=now)
        created["threads"] += 1
        created["posts"] += 1 + len(spec["replies"])

    if created["threads"]:
        _moderate(users)
    if not Message.objects.exists():
        for sender, recipient, body in demo_content.CONVERSATION:
            message_send(sender=users[sender], recipient=users[recipient], body=body)
    return created


def _resources_seed(created: dict[str, int], *, now: dt.datetime) -> None:
    """The resource library: categories, topics, resources with their NHS links and PDF
    worksheets. Whatever is already there is kept as it is."""
    categories = {}
    for spec in demo_content.RESOURCE_CATEGORIES:
        categories[spec["slug"]], is_new = ResourceCategory.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "order": spec["order"],
            },
        )
        created["resource categories"] += is_new
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in demo_content.RESOURCE_TOPICS
    }

    for n, spec in enumerate(demo_content.RESOURCES):
        resource, is_new = Resource.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "category": categories[spec["category"]],
                "title": spec["title"],
                "summary": spec["summary"],
                "body": spec["body"],
                "status": Resource.Status.PUBLISHED,
                "featured": spec.get("featured", False),
                "order": spec.get("order", 0),
                # A library that grew over a few months.
                "published_at": now - dt.timedelta(days=120 - 9 * n),
            },
        )
        created["resources"] += is_new
        resource.topics.add(*(topics[slug] for slug in spec.get("topics", [])))
        for order, (title, url, description) in enumerate(spec.get("links", [])):
            ExternalLink.objects.get_or_create(
                resource=resource,
                url=url,
                defaults={"title": title, "description": description, "order": order},
            )
        for order, sheet in enumerate(spec.get("worksheets", [])):
            if resource.worksheets.filter(title=sheet["title"]).exists():
                continue
            Worksheet.objects.create(
                resource=resource,
                title=sheet["title"],
                description=sheet["description"],
                order=order,
                file=_worksheet_file(sheet),
            )
            created["worksheets"] += 1
        if is_new:
            resource_links_rebuild(resource=resource)


def _worksheet_file(sheet: dict) -> str:
    """The stored name of the demo worksheet's PDF, written if it is not there yet (the demo
    files keep fixed names, so running the demo again reuses them)."""
    name = f"worksheets/demo/{sheet['file']}.pdf"
    if not default_storage.exists(name):
        name = default_storage.save(
            name, ContentFile(_worksheet_pdf(sheet["title"], sheet["intro"], sheet["boxes"]))
        )
    return name


WORKSHEET_FOOTER = (
    "SHaRON self-help worksheet. Self-help, not treatment: if you are struggling, talk to "
    "your GP. Urgent help: Samaritans 116 123 (free, 24/7), NHS 111 option 2 (England), "
    "text SHOUT to 85258, or 999 if a life is at risk."
)


def _worksheet_pdf(title: str, intro: str, boxes: list[str]) -> bytes:
    """A one-page A4 PDF: a title, a short introduction and a box to write in under each
    heading. Small enough to write by hand, so the demo needs no PDF library."""

    def text(x: float, y: float, size: int, font: str, line: str) -> str:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"BT /{font} {size} Tf {x} {y:.1f} Td ({escaped}) Tj ET"

    ops, y = [text(50, 790, 20, "F2", title)], 764
    for line in textwrap.wrap(intro, 92):
        ops.append(text(50, y, 10, "F1", line))
        y -= 14
    y -= 10
    box_height = (y - 90) / len(boxes) - 30
    for heading in boxes:
        ops.append(text(50, y, 11, "F2", heading))
        y -= 8 + box_height
        ops.append(f"0.6 G 50 {y:.1f} 495 {box_height:.1f} re S 0 G")
        y -= 22
    for n, line in enumerate(textwrap.wrap(WORKSHEET_FOOTER, 110)):
        ops.append(text(50, 60 - 11 * n, 8, "F1", line))
    stream = "\n".join(ops).encode("cp1252")

    font = "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        font.format("Helvetica").encode(),
        font.format("Helvetica-Bold").encode(),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def _moderate(users: dict) -> None:
    """The demo members are new, so their first posts were held for review (M-4), as on the
    live site. The demo moderator approves them, as a moderator would on shift, and one
    member's report is left open so the queue has something to show."""
    moderator = users[demo_content.MODERATOR]
    for item in QueueItem.objects.filter(state=QueueItem.State.OPEN):
        item_approve(item=item, moderator=moderator, reason="Welcome post approved")
    reported = Post.objects.filter(
        thread__title=demo_content.REPORTED_THREAD, is_first=False
    ).first()
    if reported is not None:
        report_create(
            reporter=users[demo_content.REPORTER],
            target=reported,
            reason="off-topic",
            note="Not sure this belongs here, but it might help someone?",
        )


def _member_ensure(spec: dict, *, now: dt.datetime) -> tuple[User, bool]:
    """The demo member, created if missing. An existing account keeps its password and
    profile; only what the sign-ins need (role, verified email, guidelines) is made sure of."""
    username = spec["username"]
    passwords = {name: password for _label, name, password in demo_content.SIGN_INS}
    user = User.objects.filter(username=username).first()
    is_new = user is None
    if is_new:
        joined = now - dt.timedelta(days=spec["joined_days_ago"])
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=passwords.get(username),  # None: an unusable password
            avatar=spec["avatar"],
            bio=spec["bio"],
            date_joined=joined,
            guidelines_version=settings.COMMUNITY_GUIDELINES_VERSION,
            guidelines_accepted_at=joined,
        )
    else:
        user.guidelines_version = settings.COMMUNITY_GUIDELINES_VERSION
        user.guidelines_accepted_at = user.guidelines_accepted_at or now

    if spec["role"] == "admin":
        user.is_staff = user.is_superuser = True
    user.save()
    if spec["role"] == "moderator":
        user.groups.add(moderators_group_ensure())

    if user.email:
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    return user, is_new


def _thread_seed(spec: dict, *, category: Category, users: dict, now: dt.datetime) -> Thread:
    """Create the thread and its replies through the forum services, then move their
    timestamps back to when the demo says they were written."""
    thread = thread_create(
        author=users[spec["author"]],
        category=category,
        title=spec["title"],
        body=spec["body"],
        content_warning=spec.get("content_warning", ""),
    )
    days_ago, time_of_day = spec["started"]
    day = timezone.localdate(now) - dt.timedelta(days=days_ago)
    opened = timezone.make_aware(dt.datetime.combine(day, dt.time.fromisoformat(time_of_day)))
    Post.objects.filter(thread=thread).update(created_at=opened)

    last_activity = opened
    for reply in spec["replies"]:
        post = post_create(author=users[reply["author"]], thread=thread, body=reply["body"])
        last_activity = opened + dt.timedelta(hours=reply["after_hours"])
        Post.objects.filter(pk=post.pk).update(created_at=last_activity)

    Thread.objects.filter(pk=thread.pk).update(
        created_at=opened,
        last_activity_at=last_activity,
        is_pinned=spec.get("pinned", False),
        # Readers outnumber posters (lurkers are welcome), so a thread has been seen a few times.
        view_count=9 + 7 * len(spec["replies"]) + 2 * days_ago,
    )
    thread_recount(thread=thread)
    _react(thread)
    if spec.get("edit_note"):
        opening = thread.posts.get(is_first=True)
        post_edit(
            post=opening,
            editor=opening.author,
            body=f"{opening.body}\n\n*Edit: {spec['edit_note']}*",
            content_warning=opening.content_warning,
        )
        Post.objects.filter(pk=opening.pk).update(edited_at=last_activity)
    return thread


def _react(thread: Thread) -> None:
    """Members answer each other with the supportive reactions (F-7): repliers send the
    opener support, and the opener finds the first reply helpful."""
    posts = list(thread.posts.order_by("created_at", "id").select_related("author"))
    opening, replies = posts[0], posts[1:]
    repliers = []
    for reply in replies:
        if reply.author_id != opening.author_id and reply.author not in repliers:
            repliers.append(reply.author)
    for member in repliers[:3]:
        reaction_toggle(post=opening, user=member, kind="support")
    if repliers:
        reaction_toggle(post=opening, user=repliers[0], kind="me-too")
    if replies and replies[0].author_id != opening.author_id:
        reaction_toggle(post=replies[0], user=opening.author, kind="helpful")
