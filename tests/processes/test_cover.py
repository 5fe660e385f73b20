"""A process's cover picture (issue 16): on its card and its shared link, never without a description, cleaned
like residents' images when a manager uploads it."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from samen.processes.admin import ProcessAdminForm
from samen.processes.models import Process

pytestmark = pytest.mark.django_db


def _png(name="cover.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 40), (0, 120, 60)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_cover_without_its_description_in_dutch_and_french_is_refused(open_process):
    open_process.cover = _png()

    with pytest.raises(ValidationError) as refusal:
        open_process.full_clean()

    assert {"cover_alt_nl", "cover_alt_fr"} <= refusal.value.message_dict.keys()


def test_the_card_and_the_shared_link_show_the_cover_with_its_description(client, open_process, settings):
    settings.SITE_URL = "https://samen.example"
    open_process.cover = _png()
    open_process.cover_alt_en = "Children planting trees on the square"
    open_process.cover_alt_nl = "Kinderen planten bomen op het plein"
    open_process.cover_alt_fr = "Des enfants plantent des arbres sur la place"
    open_process.full_clean()
    open_process.save()

    home = client.get("/en/").content.decode()
    page = client.get(open_process.get_absolute_url()).content.decode()

    assert f'<img class="cover" src="{open_process.cover.url}" alt="Children planting trees on the square"' in home
    assert f'<meta property="og:image" content="https://samen.example{open_process.cover.url}">' in page
    assert '<meta property="og:image:alt" content="Children planting trees on the square">' in page


def test_a_managers_upload_is_stored_as_a_clean_jpeg_and_a_non_image_is_refused(open_process):
    data = {
        field.name: field.value_from_object(open_process)
        for field in Process._meta.concrete_fields
        if field.editable and field.name not in {"cover", "id"}
    }
    data |= {"cover_alt_nl": "Een plein", "cover_alt_fr": "Une place"}
    good = ProcessAdminForm(
        data={k: ("" if v is None else v) for k, v in data.items()}, files={"cover": _png()}, instance=open_process
    )
    bad = ProcessAdminForm(
        data={k: ("" if v is None else v) for k, v in data.items()},
        files={"cover": SimpleUploadedFile("cover.png", b"not an image", content_type="image/png")},
        instance=open_process,
    )

    assert good.is_valid(), good.errors
    assert good.cleaned_data["cover"].name.endswith(".jpg")
    assert not bad.is_valid()
    assert "cover" in bad.errors


def _admin_form(process, **files) -> ProcessAdminForm:
    data = {
        field.name: field.value_from_object(process)
        for field in Process._meta.concrete_fields
        if field.editable and field.name not in {"cover", "id"}
    }
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data |= {"cover_alt_nl": "Een plein", "cover_alt_fr": "Une place"}
    if files.pop("clear", False):
        data["cover-clear"] = "on"
    return ProcessAdminForm(data=data, files=files, instance=process)


@pytest.mark.django_db(transaction=True)
def test_a_replaced_or_cleared_cover_leaves_the_storage(open_process):
    first = _admin_form(open_process, cover=_png("first.png"))
    assert first.is_valid(), first.errors
    first.save()
    old = Process.objects.get(pk=open_process.pk).cover
    assert old.storage.exists(old.name)

    second = _admin_form(Process.objects.get(pk=open_process.pk), cover=_png("second.png"))
    assert second.is_valid(), second.errors
    second.save()
    new = Process.objects.get(pk=open_process.pk).cover

    assert not old.storage.exists(old.name)
    assert new.storage.exists(new.name)

    cleared = _admin_form(Process.objects.get(pk=open_process.pk), clear=True)
    assert cleared.is_valid(), cleared.errors
    cleared.save()

    assert Process.objects.get(pk=open_process.pk).cover.name == ""
    assert not new.storage.exists(new.name)
