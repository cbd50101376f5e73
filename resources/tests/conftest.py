import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resources.models import Resource, ResourceCategory, Topic

# The smallest file that starts like a PDF; the library checks the first bytes, not the name.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name: str = "worksheet.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded worksheets go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def category(db):
    return ResourceCategory.objects.create(
        name="Thinking traps", slug="thinking-traps", description="Unhelpful patterns.", order=1
    )


@pytest.fixture
def other_category(db):
    return ResourceCategory.objects.create(name="Sleep", slug="sleep", order=2)


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Worry", slug="worry")


def make_resource(category, slug: str, *, status=Resource.Status.PUBLISHED, **fields) -> Resource:
    fields = {
        "title": slug.replace("-", " ").capitalize(),
        "summary": f"A summary of {slug}.",
        "body": f"## About {slug}\n\nSome *helpful* words.",
        **fields,
    }
    return Resource.objects.create(category=category, slug=slug, status=status, **fields)


@pytest.fixture
def published(category, topic):
    resource = make_resource(
        category,
        "thought-records",
        title="How to use a thought record",
        summary="Slow a difficult moment down on paper.",
        body="## The steps\n\n1. Situation\n2. Feelings\n\nThis is self-help, not treatment.",
    )
    resource.topics.add(topic)
    return resource


@pytest.fixture
def draft(category):
    return make_resource(
        category,
        "secret-draft",
        status=Resource.Status.DRAFT,
        title="Unfinished guide to rumination",
        summary="Not ready yet.",
    )
