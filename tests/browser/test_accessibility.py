"""axe-core on the pages the journeys do not cross, in the three languages."""

import pytest

from samen.city import services as city_services
from samen.city.origins import Outcome, draft_project, followers_of
from samen.opendata.build import build
from samen.votes import services
from tests.browser.conftest import assert_accessible, sign_in
from tests.conftest import process_in
from tests.factories import CommentFactory, IdeaFactory, UserFactory
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db(transaction=True)


def test_account_idea_and_error_pages_have_no_serious_violation(page, live_server):
    base = live_server.url
    process = process_in("open")
    author = UserFactory(email="author@example.org", preferred_language="en")
    idea = IdeaFactory(process=process, theme=process.themes.first(), author=author, latitude=50.8776, longitude=4.3489)
    comment = CommentFactory(idea=idea, author=author)
    CommentFactory(idea=idea, parent=comment)

    for path in ("/en/account/login/", "/en/account/password/reset/", "/en/no-such-page/"):
        page.goto(base + path)
        assert_accessible(page)

    sign_in(page, base, "author@example.org")
    for path in (
        "/en/account/profile/",
        f"/en/ideas/{idea.pk}/",
        f"/en/ideas/{idea.pk}/edit/",
        f"/en/ideas/{idea.pk}/delete/",
        f"/en/comments/{comment.pk}/edit/",
        f"/nl/processes/{process.slug}/",
        f"/fr/processes/{process.slug}/?sort=random",
    ):
        page.goto(base + path)
        assert_accessible(page)


def test_error_summaries_are_announced_and_accessible(page, live_server):
    base = live_server.url
    process = process_in("open")
    UserFactory(email="author@example.org", preferred_language="en")
    sign_in(page, base, "author@example.org")

    page.goto(f"{base}/en/processes/{process.slug}/ideas/new/")
    page.get_by_role("button", name="Publish my idea").click()

    assert page.get_by_role("alert").is_visible()
    assert_accessible(page)


def test_a_refusal_page_explains_itself(page, live_server):
    base = live_server.url
    process = process_in("past")
    UserFactory(email="late@example.org", preferred_language="en")
    sign_in(page, base, "late@example.org")

    response = page.goto(f"{base}/en/processes/{process.slug}/ideas/new/")

    assert response.status == 403
    assert "This is not possible in the current phase of the process." in page.get_by_role("alert").inner_text()
    assert_accessible(page)


def test_vote_pages_have_no_serious_violation_in_the_three_languages(page, live_server):
    base = live_server.url
    ended = shortlist_at("ended")
    winner = ideas_of(ended)[0]
    services.count_votes(shortlist=ended)
    manager = UserFactory(email="manager@example.org", preferred_language="en", role="process_manager")
    project = city_services.create_project(
        staff=manager, project=draft_project(Outcome(idea=winner)), followers=followers_of(Outcome(idea=winner))
    )
    city_services.post_update(project=project, author=manager, status="new", text={"nl": "Gepland", "fr": "Prévu"})
    voting = shortlist_at("vote")
    sign_in(page, base, "manager@example.org")

    for language in ("nl", "fr", "en"):
        for path in (
            f"/processes/{voting.process.slug}/shortlist/",
            f"/processes/{ended.process.slug}/results/",
            f"/processes/{ended.process.slug}/follow-up/",
            f"/projects/{project.slug}/",
            f"/projects/{project.slug}/update/",
            "/projects/new/",
            f"/processes/{voting.process.slug}/jury/ranking/",
        ):
            page.goto(f"{base}/{language}{path}")
            assert_accessible(page)


def test_initiative_and_verification_pages_have_no_serious_violation_in_the_three_languages(page, live_server):
    from samen.initiatives.models import Initiative
    from samen.initiatives.services import create_kind
    from tests.initiatives.conftest import Census, initiative_at

    base = live_server.url
    census = Census(UserFactory(role="administrator", is_staff=True))
    manager = UserFactory(email="manager@example.org", preferred_language="en", role="process_manager")
    kind = create_kind(
        name={"nl": "Burgerinitiatief", "fr": "Initiative citoyenne"},
        municipality_nis="21004",
        committee_size=2,
        threshold=3,
    )
    collecting = initiative_at("collecting", kind=kind, census=census, manager=manager)
    transmitted = initiative_at("transmitted", kind=kind, census=census, manager=manager)
    sign_in(page, base, "manager@example.org")

    for language in ("nl", "fr", "en"):
        for path in (
            "/initiatives/",
            "/initiatives/overdue/",
            f"/initiatives/{collecting.pk}/",
            f"/initiatives/{transmitted.pk}/",
            f"/initiatives/{collecting.pk}/paper/",
            "/account/verify/",
        ):
            page.goto(f"{base}/{language}{path}")
            assert_accessible(page)
    # the form to start one is for verified residents
    page.context.clear_cookies()
    census.verified(email="resident@example.org", preferred_language="en")
    sign_in(page, base, "resident@example.org")
    for language in ("nl", "fr", "en"):
        page.goto(f"{base}/{language}/initiatives/new/")
        assert page.locator("form select[name=kind]").count() == 1
        assert_accessible(page)
    assert Initiative.objects.count() == 2


def test_the_open_data_page_has_no_serious_violation(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    IdeaFactory(process=process_in("open"))
    build()

    for language in ("en", "nl", "fr"):
        page.goto(f"{live_server.url}/{language}/open-data/")
        assert page.get_by_role("link", name="JSON").first.is_visible()
        assert_accessible(page)
