"""Downloading one's data and deleting one's account, in Chromium."""

import io
import json
import zipfile

import pytest

from samen.accounts.models import User
from samen.ideas.models import Idea
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import process_in
from tests.factories import IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_download_my_data_then_delete_my_account(page, live_server):
    base = live_server.url
    process = process_in("open")
    person = UserFactory(email="nadia@example.org", display_name="Nadia", preferred_language="en")
    IdeaFactory(process=process, theme=process.themes.first(), author=person, title="Shade on Place Liedts")

    sign_in(page, base, "nadia@example.org")
    page.get_by_role("link", name="My profile").click()
    page.get_by_role("link", name="Your data").click()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my data (ZIP)").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    data = json.loads(archive.read("samen-data.json"))
    assert (data["account"]["display_name"], data["ideas"][0]["title"]) == ("Nadia", "Shade on Place Liedts")

    page.get_by_label("Your password, to confirm").fill("a-good-password-42")
    page.get_by_role("button", name="Delete my account for good").click()
    page.get_by_text("Your account is deleted. Thank you for having taken part.").wait_for()

    assert not User.objects.filter(email="nadia@example.org").exists()
    assert Idea.objects.get().author is None
    page.goto(f"{base}/en/processes/{process.slug}/")
    assert page.get_by_text("deleted account").is_visible()
