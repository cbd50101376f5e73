"""Worksheets: PDFs only, checked by content and size, and served with safe headers through a
view (never from MEDIA), to the people who may see their resource."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

from resources.models import WORKSHEET_MAX_BYTES, Resource, Worksheet, validate_pdf

from .conftest import PDF, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def worksheet(published):
    return Worksheet.objects.create(
        resource=published, title="Thought record (one page)", file=pdf_upload("tr.pdf")
    )


def test_a_worksheet_downloads_as_an_attachment_with_safe_headers(client, worksheet):
    response = client.get(worksheet.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="thought-record-one-page.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_draft_resource_worksheet_is_for_staff_only(
    client, client_for, member, admin_user, worksheet
):
    resource = worksheet.resource
    resource.status = Resource.Status.DRAFT
    resource.save()
    assert client.get(worksheet.get_absolute_url()).status_code == 404
    assert client_for(member).get(worksheet.get_absolute_url()).status_code == 404
    response = client_for(admin_user).get(worksheet.get_absolute_url())
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_a_worksheet_is_found_only_under_its_own_resource(client, category, worksheet):
    from .conftest import make_resource

    other = make_resource(category, "worry-time")
    assert client.get(f"/resources/{other.slug}/worksheets/{worksheet.pk}/").status_code == 404


def test_a_missing_file_is_a_404_not_an_error(client, worksheet):
    default_storage.delete(worksheet.file.name)
    assert client.get(worksheet.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"GIF89a not a pdf", "not_pdf"),
        (b"", "not_pdf"),
        (b" %PDF-1.4 but not at the start", "not_pdf"),
        (b"%PDF-" + b"x" * WORKSHEET_MAX_BYTES, "too_big"),
    ],
)
def test_the_validator_checks_the_first_bytes_and_the_size(content, code):
    with pytest.raises(ValidationError) as error:
        validate_pdf(pdf_upload("worksheet.pdf", content))
    assert error.value.code == code


def test_a_pdf_of_the_maximum_size_is_accepted():
    upload = pdf_upload("big.pdf", b"%PDF-" + b"x" * (WORKSHEET_MAX_BYTES - 5))
    validate_pdf(upload)
    assert upload.tell() == 0  # left ready to be saved


def test_files_are_removed_from_storage_when_a_worksheet_is_deleted_or_replaced(
    django_capture_on_commit_callbacks, worksheet
):
    first = worksheet.file.name
    with django_capture_on_commit_callbacks(execute=True):
        worksheet.file = pdf_upload("new.pdf")
        worksheet.save()
    second = worksheet.file.name
    assert not default_storage.exists(first) and default_storage.exists(second)
    with django_capture_on_commit_callbacks(execute=True):
        worksheet.delete()
    assert not default_storage.exists(second)
