import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from samen.accounts.models import User
from samen.accounts.services import delete_account
from samen.common.privacy import personal_data
from samen.ideas import moderation, services
from samen.ideas.models import Comment, Flag, Follow, Idea, Support
from samen.votes import services as vote_services
from samen.votes.models import Ballot
from tests.factories import CommentFactory, IdeaFactory, SupportFactory, UserFactory
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (0, 90, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile("square.png", buffer.getvalue(), content_type="image/png")


def test_the_download_holds_my_data_and_images_and_nothing_of_others(client, open_process, resident, outsider):
    theme = open_process.themes.first()
    mine = services.create_idea(
        process=open_process, author=resident, theme=theme, title="My idea", body="x", language="fr", image=_png()
    )
    theirs = IdeaFactory(process=open_process, theme=theme, author=outsider, title="Their idea")
    CommentFactory(idea=theirs, author=resident, body="My comment")
    CommentFactory(idea=mine, author=outsider, body="Their comment")
    SupportFactory(idea=theirs, resident=resident)
    moderation.flag_content(flagger=resident, content=theirs, reason="off_topic")
    client.force_login(resident)

    response = client.post(reverse("account_export"))

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("samen-data.json"))
    assert response["Content-Disposition"] == 'attachment; filename="samen-my-data.zip"'
    assert data["account"]["email"] == resident.email
    assert [idea["title"] for idea in data["ideas"]] == ["My idea"]
    assert [comment["body"] for comment in data["comments"]] == ["My comment"]
    assert [support["idea__title"] for support in data["supports"]] == ["Their idea"]
    assert data["follows"] == [mine.pk]
    assert [report["reason"] for report in data["reports"]] == ["off_topic"]
    assert data["ideas"][0]["image"] in archive.namelist()
    assert "Their comment" not in json.dumps(data)


def test_the_download_needs_an_account_and_a_post(client, resident):
    assert client.post(reverse("account_export"))["Location"].startswith(reverse("account_login"))
    client.force_login(resident)
    assert client.get(reverse("account_export")).status_code == 405


def test_deleting_an_account_keeps_posts_signed_deleted_account_and_counts_right(client, open_process, resident):
    theme = open_process.themes.first()
    other = UserFactory()
    idea = IdeaFactory(process=open_process, theme=theme, author=resident, title="Stays")
    elsewhere = IdeaFactory(process=open_process, theme=theme, author=other)
    CommentFactory(idea=elsewhere, author=resident, body="Stays too")
    SupportFactory(idea=elsewhere, resident=resident)
    SupportFactory(idea=elsewhere, resident=other)
    Follow.objects.create(idea=elsewhere, follower=resident)
    Flag.objects.create(idea=elsewhere, flagger=resident, reason="spam")

    delete_account(user=resident)

    assert not User.objects.filter(email="lucas@example.org").exists()
    assert Idea.objects.get(pk=idea.pk).author is None
    assert Comment.objects.get(body="Stays too").author is None
    assert list(Support.objects.values_list("resident", flat=True)) == [other.pk]
    assert not Follow.objects.filter(idea=elsewhere).exclude(follower=other).exists()
    assert not Flag.objects.exists()
    listed = {i.title: i.support_count for i in client.get(open_process.get_absolute_url()).context["page"]}
    assert listed[elsewhere.title] == 1
    assert "deleted account" in client.get(idea.get_absolute_url()).content.decode()


def test_deleting_needs_the_password(client, resident):
    client.force_login(resident)

    response = client.post(reverse("account_delete"), {"password": "not-my-password"})

    assert response.status_code == 422
    assert "This is not your password." in response.content.decode()
    assert User.objects.filter(pk=resident.pk).exists()


def test_deleting_through_the_page_signs_out(client, resident):
    client.force_login(resident)

    response = client.post(reverse("account_delete"), {"password": "a-good-password-42"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=resident.pk).exists()
    assert client.get(reverse("profile")).status_code == 302


def test_the_privacy_page_speaks_three_languages(client):
    pages = [client.get(f"/{language}/privacy/").content.decode() for language in ("nl", "fr", "en")]

    assert "Privacy: what Samen keeps, why, and for how long" in pages[2]
    assert "Privacy: what Samen keeps, why, and for how long" not in pages[0] + pages[1]


def test_the_privacy_page_says_a_ballot_keeps_a_pseudonym_of_the_vote_after_the_account_goes(client):
    page = client.get("/en/privacy/").content.decode()

    assert "a pseudonym of you for that vote only, on your ballot" in page
    assert "It stays on the ballot after you delete your account, so that each person votes once" in page


def test_my_ballot_is_in_my_data_and_stays_anonymous_in_the_vote_when_i_leave(client, resident):
    shortlist = shortlist_at("vote")
    chosen = ideas_of(shortlist)[1]
    vote_services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[chosen.pk])

    exported = personal_data(resident)["ballots"]
    delete_account(user=resident)

    assert [(row["process"], row["ideas"]) for row in exported] == [(shortlist.process.slug, [chosen.pk])]
    assert list(Ballot.objects.values_list("voter", "entries__idea")) == [(None, chosen.pk)]
