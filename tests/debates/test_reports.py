"""Reports of arguments and comments: a signed-in person reports another's content once, the moderators find it in
the debates' queue (linked from their own queue) and hide it or keep it published, which resolves the reports."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from samen.debates import services
from samen.debates.models import DebateComment, Report
from tests.debates.conftest import make_argument
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _url(name: str, content, kind: str) -> str:
    debate = content.debate
    return reverse(
        f"debates:{name}",
        kwargs={"slug": debate.process.slug, "pk": debate.pk, "kind": kind, "content_pk": content.pk},
    )


@pytest.fixture
def argument(debate):
    return make_argument(debate, text="Buy cheap watches at example.com.")


@pytest.fixture
def comment(debate):
    return DebateComment.objects.create(debate=debate, author=UserFactory(), body="You are all idiots.", language="en")


def test_a_resident_reports_an_argument_once(client, resident, argument):
    client.force_login(resident)
    page = client.get(argument.debate.get_absolute_url()).content.decode()

    first = client.post(_url("report", argument, "argument"), {"reason": "spam", "note": "An advert"}, follow=True)
    again = client.post(_url("report", argument, "argument"), {"reason": "abuse"})

    assert "Report to the moderators" in page
    assert "Thank you. A moderator will look at it." in first.content.decode()
    assert again.status_code == 422
    assert "You have already reported this." in again.content.decode()
    assert list(Report.objects.values_list("argument", "reporter", "reason", "note")) == [
        (argument.pk, resident.pk, "spam", "An advert")
    ]


def test_the_database_keeps_one_report_per_person_and_content(resident, comment):
    Report.objects.create(comment=comment, reporter=resident, reason="abuse")

    with pytest.raises(IntegrityError):
        Report.objects.create(comment=comment, reporter=resident, reason="other")


def test_an_anonymous_visitor_cannot_report(client, argument):
    response = client.post(_url("report", argument, "argument"), {"reason": "spam"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Report.objects.exists()


def test_the_author_cannot_report_their_own_argument_and_sees_no_report_form(client, debate):
    author = UserFactory()
    own = make_argument(debate, author=author)
    client.force_login(author)

    page = client.get(debate.get_absolute_url()).content.decode()
    response = client.post(_url("report", own, "argument"), {"reason": "spam"})

    assert "Report to the moderators" not in page
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_a_report_without_a_reason_is_refused_in_words(client, resident, comment):
    client.force_login(resident)

    response = client.post(_url("report", comment, "comment"), {"reason": "because"})

    assert response.status_code == 422
    assert "Choose what is wrong with it." in response.content.decode()
    assert not Report.objects.exists()


def test_the_moderators_queue_links_to_the_debates_queue_which_shows_the_reasons(client, moderator, comment):
    services.report_content(reporter=UserFactory(), content=comment, reason="abuse", note="Insults")
    client.force_login(moderator)

    queue = client.get(reverse("moderation:queue")).content.decode()
    debates_queue = client.get(reverse("debates:moderation")).content.decode()

    assert f'<a href="{reverse("debates:moderation")}">Arguments and comments in debates</a> · 1 waiting' in queue
    assert "You are all idiots." in debates_queue
    assert 'Insulting, hateful or threatening: <span lang="">Insults</span>' in debates_queue


def test_only_moderators_see_the_debates_queue(client, resident):
    client.force_login(resident)

    assert client.get(reverse("debates:moderation")).status_code == 403


def test_a_moderator_hides_a_reported_comment_from_the_queue_which_resolves_its_reports(client, moderator, comment):
    services.report_content(reporter=UserFactory(), content=comment, reason="abuse")
    client.force_login(moderator)
    queue = reverse("debates:moderation")

    response = client.post(
        _url("moderate", comment, "comment"), {"reason": "Insults.", "action": "hide", "next": queue}
    )

    comment.refresh_from_db()
    assert response.url == queue
    assert (comment.visibility, comment.moderation_reason) == ("hidden", "Insults.")
    assert not Report.objects.filter(resolved_at__isnull=True).exists()
    assert "You are all idiots." not in client.get(queue).content.decode()


def test_keeping_a_reported_argument_published_resolves_its_reports(client, moderator, argument):
    services.report_content(reporter=UserFactory(), content=argument, reason="spam")
    client.force_login(moderator)

    client.post(_url("moderate", argument, "argument"), {"reason": "Fair enough.", "action": "restore"})

    argument.refresh_from_db()
    assert argument.visibility == "published"
    assert not Report.objects.filter(resolved_at__isnull=True).exists()


def test_a_resident_who_is_no_moderator_cannot_decide_on_reports(client, resident, comment):
    services.report_content(reporter=UserFactory(), content=comment, reason="abuse")
    client.force_login(resident)

    response = client.post(_url("moderate", comment, "comment"), {"reason": "Mine now.", "action": "hide"})

    comment.refresh_from_db()
    assert response.status_code == 403
    assert comment.visibility == "published"
    assert Report.objects.filter(resolved_at__isnull=True).count() == 1
