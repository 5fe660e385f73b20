"""Uploaded media on an S3-compatible object store (moto's server, started by the tests), and the URL that sets it."""

import io
import re
import uuid
import zipfile

import boto3
import pytest
import requests
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image

from samen.common.storage_url import media_storage
from samen.ideas.models import Idea
from tests.ideas.test_views import _form

KEYS = {"access_key": "samen-test-key", "secret_key": "samen-test-secret"}


@pytest.fixture(scope="session")
def object_store():
    """An S3-compatible server on a free port of this machine, for the whole test run."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(object_store, settings):
    """A new private bucket that holds the site's media for one test."""
    name = f"samen-media-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=object_store, region_name="us-east-1", **_boto_keys())
    client.create_bucket(Bucket=name)
    storage = media_storage(f"s3://{name}/media?endpoint_url={object_store}&region_name=us-east-1", **KEYS)
    settings.STORAGES = {**settings.STORAGES, "default": storage.backend}
    return client, name


def _boto_keys():
    return {"aws_access_key_id": KEYS["access_key"], "aws_secret_access_key": KEYS["secret_key"]}


def _keys(bucket) -> list[str]:
    client, name = bucket
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", []))


def _png(colour=(0, 120, 0)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("park.png", buffer.getvalue(), content_type="image/png")


def _post_idea_with_image(client, process, resident) -> Idea:
    client.force_login(resident)
    client.post(reverse("ideas:create", args=[process.slug]), _form(process, image=_png()))
    return Idea.objects.get()


@pytest.mark.django_db
def test_an_image_posted_with_an_idea_lands_in_the_bucket_and_its_page_shows_it(client, bucket, open_process, resident):
    idea = _post_idea_with_image(client, open_process, resident)

    page = client.get(idea.get_absolute_url()).content.decode()

    source = re.search(r'<img class="idea-image" src="([^"]+)"', page).group(1).replace("&amp;", "&")
    served = requests.get(source, timeout=10)
    assert _keys(bucket) == [f"media/{idea.image.name}"]
    assert served.status_code == 200
    assert served.content[:3] == b"\xff\xd8\xff"  # the re-encoded JPEG, not the PNG that was sent


@pytest.mark.django_db
def test_stored_images_are_not_public_read_only_signed_links_open_them(client, bucket, open_process, resident):
    idea = _post_idea_with_image(client, open_process, resident)
    client_s3, name = bucket

    grants = client_s3.get_object_acl(Bucket=name, Key=f"media/{idea.image.name}")["Grants"]
    unsigned = requests.get(idea.image.url.split("?")[0], timeout=10)

    assert [grant["Grantee"].get("URI") for grant in grants] == [None]  # the owner only, no AllUsers
    assert unsigned.status_code == 403
    assert "X-Amz-Signature=" in idea.image.url


@pytest.mark.django_db
def test_a_replaced_image_and_a_deleted_idea_leave_the_bucket(
    client, bucket, open_process, resident, django_capture_on_commit_callbacks
):
    idea = _post_idea_with_image(client, open_process, resident)
    first = f"media/{idea.image.name}"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:edit", args=[idea.pk]), _form(open_process, image=_png((200, 0, 0))))
    idea.refresh_from_db()
    after_edit = _keys(bucket)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:delete", args=[idea.pk]))

    assert after_edit == [f"media/{idea.image.name}"]
    assert first not in after_edit
    assert _keys(bucket) == []


@pytest.mark.django_db
def test_removing_the_image_of_an_idea_deletes_the_file(
    client, bucket, open_process, resident, django_capture_on_commit_callbacks
):
    idea = _post_idea_with_image(client, open_process, resident)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:edit", args=[idea.pk]), _form(open_process, remove_image="on"))

    assert _keys(bucket) == []


@pytest.mark.django_db
def test_my_data_export_reads_my_image_from_the_bucket_and_stores_nothing_there(client, bucket, open_process, resident):
    idea = _post_idea_with_image(client, open_process, resident)

    response = client.post(reverse("account_export"))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.read(f"images/{idea.image.name.rsplit('/', 1)[-1]}")[:3] == b"\xff\xd8\xff"
    assert _keys(bucket) == [f"media/{idea.image.name}"]  # the personal ZIP is made in memory, never stored


def test_no_url_keeps_the_media_folder():
    assert media_storage("") == media_storage("file:")
    assert media_storage("").backend == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_public_host_gives_plain_links_and_is_allowed_by_the_content_security_policy():
    storage = media_storage("s3://samen/media?endpoint_url=https://s3.example.net&custom_domain=media.samen.example")

    assert storage.backend["OPTIONS"]["querystring_auth"] is False
    assert storage.backend["OPTIONS"]["default_acl"] is None
    assert storage.origin == "https://media.samen.example"


def test_a_virtual_hosted_bucket_is_the_origin_of_its_images():
    storage = media_storage("s3://samen?endpoint_url=https://s3.example.net&addressing_style=virtual")

    assert storage.origin == "https://samen.s3.example.net"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://samen",
        "s3://samen",
        "s3://samen?endpoint_url=s3.example.net",
        "s3://samen?endpoint_url=https://s3.example.net&acl=public-read",
        "s3://samen?endpoint_url=https://s3.example.net&addressing_style=sideways",
        "s3://samen?endpoint_url=https://s3.example.net&querystring_expire=soon",
    ],
)
def test_a_malformed_storage_url_stops_the_start_with_a_reason(url):
    with pytest.raises(ImproperlyConfigured):
        media_storage(url)
