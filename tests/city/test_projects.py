"""City projects: a winning idea or a funded proposal becomes one in one step, staff report its progress on one
timeline, followers are mailed in their language; outsiders are refused and nothing is saved."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from samen.accounts.models import User
from samen.budgets import services as budget_services
from samen.budgets.models import BudgetBallot
from samen.city import services
from samen.city.models import Project, ProjectFollow, ProjectUpdate
from samen.common import clock
from samen.ideas.models import Follow
from samen.votes import services as vote_services
from samen.votes.models import Ballot
from tests.budgets.conftest import budget_at, proposals_of
from tests.city.conftest import make_project
from tests.conftest import process_in
from tests.factories import UserFactory
from tests.ideas.test_notifications import _run_worker
from tests.texts import shows
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db

BOTH_LANGUAGES = {"status": "ongoing", "text_nl": "De bouw is begonnen.", "text_fr": "Le chantier a commencé."}


@pytest.fixture
def winner():
    """The winning idea of an ended vote, followed by Jan, who reads Dutch."""
    shortlist = shortlist_at("ended")
    first = ideas_of(shortlist)[0]
    Ballot.objects.create(shortlist=shortlist, voter=UserFactory()).entries.set(shortlist.entries.filter(idea=first))
    vote_services.count_votes(shortlist=shortlist)
    Follow.objects.create(idea=first, follower=UserFactory(email="jan@example.org", preferred_language="nl"))
    return first


@pytest.fixture
def counted_budget():
    """A closed budget of three 45,000 € projects; one voter chose the first two, which the count funded."""
    budget = budget_at("closed")
    budget.proposals.update(estimated_cost=45_000, cost=45_000)
    BudgetBallot.objects.create(budget=budget, voter=UserFactory()).proposals.set(proposals_of(budget)[:2])
    budget_services.count_budget(budget=budget)
    return budget


@pytest.fixture
def project():
    return make_project("tram-to-laeken")


def _new_from(process, **origin) -> str:
    query = "&".join(f"{key}={value}" for key, value in origin.items())
    return reverse("city:project_new") + f"?process={process.slug}&{query}"


def _form(**fields) -> dict:
    return {
        "title_nl": "Laptops voor leerlingen",
        "title_fr": "Des portables pour les élèves",
        "description_nl": "De bibliotheek leent laptops uit.",
        "description_fr": "La bibliothèque prête des portables.",
        "domain": "1",
    } | fields


# Made in one step ----------------------------------------------------------------------------------------------


def test_a_winning_idea_becomes_a_city_project_in_one_step_and_its_followers_follow_it(client, winner, manager):
    client.force_login(manager)
    page = client.get(_new_from(winner.process, idea=winner.pk))
    assert page.status_code == 200
    assert page.context["form"].initial["title_fr"] == winner.title  # pre-filled from the idea

    response = client.post(
        _new_from(winner.process, idea=winner.pk), _form(domain=page.context["form"].initial["domain"])
    )

    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert project.idea == winner
    assert project.process == winner.process
    followers = set(ProjectFollow.objects.filter(project=project).values_list("follower__email", flat=True))
    assert "jan@example.org" in followers
    detail = client.get(project.get_absolute_url()).content.decode()
    assert winner.title in detail  # where it comes from
    assert winner.get_absolute_url() in detail


def test_a_funded_proposal_becomes_a_project_with_its_cost_as_planned_budget(client, counted_budget, manager):
    funded = proposals_of(counted_budget)[0]
    client.force_login(manager)

    page = client.get(_new_from(counted_budget.process, proposal=funded.pk))
    initial = page.context["form"].initial
    response = client.post(
        _new_from(counted_budget.process, proposal=funded.pk),
        _form(title_nl=initial["title_nl"], title_fr=initial["title_fr"], budget_planned=initial["budget_planned"]),
    )

    project = Project.objects.get()
    assert response.status_code == 302
    assert project.proposal == funded
    assert project.budget_planned == 45_000
    assert list(project.follows.values_list("follower", flat=True)) == [funded.author_id]


def test_an_idea_that_did_not_win_or_a_proposal_not_funded_cannot_become_a_project_this_way(
    client, winner, counted_budget, manager
):
    loser = ideas_of(winner.process.shortlist)[3]
    unfunded = proposals_of(counted_budget)[2]
    client.force_login(manager)

    assert client.get(_new_from(winner.process, idea=loser.pk)).status_code == 404
    assert client.post(_new_from(counted_budget.process, proposal=unfunded.pk), _form()).status_code == 404
    assert Project.objects.count() == 0


def test_the_same_idea_does_not_become_two_projects(client, winner, manager):
    client.force_login(manager)
    client.post(_new_from(winner.process, idea=winner.pk), _form())

    second = client.post(_new_from(winner.process, idea=winner.pk), _form(title_fr="Encore"))

    assert second.status_code == 404  # it is no longer waiting to become one
    assert Project.objects.count() == 1


@pytest.mark.parametrize("who", ["outsider", "resident"])
def test_only_staff_create_projects(client, winner, who, request):
    client.force_login(request.getfixturevalue(who))

    assert client.get(_new_from(winner.process, idea=winner.pk)).status_code == 403
    assert client.post(reverse("city:project_new"), _form()).status_code == 403
    assert Project.objects.count() == 0


def test_a_project_without_french_is_refused_and_the_field_named(client, manager):
    client.force_login(manager)

    response = client.post(reverse("city:project_new"), _form(title_fr="", description_fr=""))

    assert response.status_code == 422
    assert "Write the French version too" in response.content.decode()
    assert Project.objects.count() == 0


def test_the_follow_up_page_offers_staff_the_decisions_not_yet_projects(client, winner, manager, resident):
    url = reverse("city:follow_up", args=[winner.process.slug])
    client.force_login(manager)
    assert "Make it a City project" in client.get(url).content.decode()

    client.force_login(resident)
    page = client.get(url).content.decode()
    assert "Make it a City project" not in page
    assert "No City project has come out of this process yet." in page


# The timeline --------------------------------------------------------------------------------------------------


def test_a_manager_reports_progress_and_followers_are_mailed_in_their_language_by_the_worker(
    client, project, manager, django_capture_on_commit_callbacks
):
    jan = UserFactory(email="jan@example.org", preferred_language="nl")
    ProjectFollow.objects.create(project=project, follower=jan)
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("city:project_update", args=[project.slug]), BOTH_LANGUAGES)
    sent_during_request = len(mail.outbox)
    _run_worker()

    assert response.status_code == 302
    assert sent_during_request == 0
    assert [message.to for message in mail.outbox] == [["jan@example.org"]]
    assert "Lopend" in mail.outbox[0].subject
    assert "De bouw is begonnen." in mail.outbox[0].body
    assert f"/nl/projects/{project.slug}/#update-" in mail.outbox[0].body
    assert "/projects/unfollow/" in mail.outbox[0].body
    project.refresh_from_db()
    assert project.status == "ongoing"
    assert ProjectUpdate.objects.get().author == manager


@pytest.mark.parametrize("who", ["outsider", "resident"])
def test_only_staff_report_progress_and_nothing_is_saved(client, project, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.post(reverse("city:project_update", args=[project.slug]), BOTH_LANGUAGES)

    assert response.status_code == 403
    assert ProjectUpdate.objects.count() == 0
    with pytest.raises(PermissionDenied):
        services.post_update(
            project=project, author=request.getfixturevalue(who), status="ongoing", text={"nl": "x", "fr": "x"}
        )


def test_an_update_without_french_is_refused_and_the_french_field_is_named(client, project, manager):
    client.force_login(manager)

    response = client.post(
        reverse("city:project_update", args=[project.slug]),
        {"status": "new", "text_nl": "Gepland.", "text_en": "Planned."},
    )

    assert response.status_code == 422
    assert response.context["form"].errors == {
        "text_fr": ["Write the French version too: Brussels publishes in Dutch and French."]
    }
    assert ProjectUpdate.objects.count() == 0
    project.refresh_from_db()
    assert project.status == "new"


def test_an_abandoned_project_says_why(project, manager):
    services.post_update(
        project=project, author=manager, status="abandoned", text={"nl": "Geen vergunning.", "fr": "Pas de permis."}
    )

    project.refresh_from_db()
    assert project.status == "abandoned"
    assert project.abandoned_reason_fr == "Pas de permis."
    with pytest.raises(ValidationError):
        Project(slug="x", title_nl="x", title_fr="x", status="abandoned", domain=project.domain).full_clean()


def test_the_project_page_shows_its_timeline_newest_first(client, project, manager):
    for days_ago, status, english in ((30, "new", "Ordered."), (2, "completed", "Planted.")):
        with clock.replaying(timezone.now() - timedelta(days=days_ago)):
            services.post_update(
                project=project, author=manager, status=status, text={"nl": "Klaar.", "fr": "Prêt.", "en": english}
            )

    page = client.get(reverse("city:project", args=[project.slug]), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert page.index("Planted.") < page.index("Ordered.")
    assert "Completed" in page


# Following -----------------------------------------------------------------------------------------------------


def test_a_resident_follows_and_stops_following_a_project(client, project, resident):
    client.force_login(resident)
    url = reverse("city:project_follow", args=[project.slug])

    client.post(url, {"action": "follow"})
    assert ProjectFollow.objects.filter(project=project, follower=resident).exists()
    client.post(url, {"action": "follow"})  # twice: still once
    assert ProjectFollow.objects.filter(project=project).count() == 1
    client.post(url, {"action": "unfollow"})
    assert not ProjectFollow.objects.exists()


def test_a_visitor_must_sign_in_to_follow(client, project):
    response = client.post(reverse("city:project_follow", args=[project.slug]), {"action": "follow"})

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not ProjectFollow.objects.exists()


def test_the_link_in_the_mail_asks_on_get_and_stops_on_post(client, project, resident):
    from samen.city.notifications import unfollow_token

    follow = ProjectFollow.objects.create(project=project, follower=resident)
    url = reverse("city:project_unfollow", args=[unfollow_token(follow)])

    assert client.get(url).status_code == 200
    assert ProjectFollow.objects.exists()  # a mail scanner opening the link changes nothing
    client.post(url, {"action": "unfollow"})
    assert not ProjectFollow.objects.exists()


def test_a_forged_unfollow_link_is_refused(client, project, resident):
    ProjectFollow.objects.create(project=project, follower=resident)

    response = client.post(reverse("city:project_unfollow", args=["forged:token"]), {"action": "unfollow"})

    assert response.status_code == 400
    assert ProjectFollow.objects.exists()


def test_a_closed_account_gets_no_mail(project, manager, django_capture_on_commit_callbacks):
    gone = UserFactory(email="gone@example.org", is_active=False)
    ProjectFollow.objects.create(project=project, follower=gone)

    with django_capture_on_commit_callbacks(execute=True):
        services.post_update(project=project, author=manager, status="ongoing", text={"nl": "x", "fr": "x"})
    _run_worker()

    assert mail.outbox == []


# Place ---------------------------------------------------------------------------------------------------------


def test_the_neighbourhoods_follow_from_a_point_or_an_area():
    at_grand_place = make_project("grand-place", latitude=50.8467, longitude=4.3525)
    codes = list(at_grand_place.places.values_list("neighbourhood_code", flat=True))
    assert len(codes) == 1

    area = {
        "type": "Polygon",
        "coordinates": [[[4.34, 50.84], [4.37, 50.84], [4.37, 50.855], [4.34, 50.855], [4.34, 50.84]]],
    }
    wide = make_project("pentagon-wide", area=area)
    assert len(wide.places.all()) > 1
    assert set(codes) <= set(wide.places.values_list("neighbourhood_code", flat=True))

    wide.area = None
    wide.save()
    assert not wide.places.exists()  # no place: the whole City


def test_a_status_saved_alone_leaves_the_neighbourhoods_as_they_were(django_assert_num_queries):
    make_project("grand-place", latitude=50.8467, longitude=4.3525)
    project = Project.objects.get(slug="grand-place")
    codes = list(project.places.values_list("neighbourhood_code", flat=True))

    project.status = Project.Status.ONGOING
    with django_assert_num_queries(1):  # the UPDATE alone: no neighbourhood is looked up, deleted or added again
        project.save()

    project.latitude, project.longitude = 50.8777, 4.3530  # moved to Laeken: derived again
    project.save()
    moved = list(project.places.values_list("neighbourhood_code", flat=True))
    assert len(moved) == 1
    assert moved != codes


def test_a_project_moved_to_another_process_leaves_the_first_ones_page_at_once(client):
    first, second = process_in("open"), process_in("open")
    make_project("benches", process=first)
    assert shows(client.get(first.get_absolute_url()).content.decode(), "What became of it: 1 City project")

    project = Project.objects.get(slug="benches")
    project.process = second
    project.save()

    assert "What became of it" not in client.get(first.get_absolute_url()).content.decode()
    assert shows(client.get(second.get_absolute_url()).content.decode(), "What became of it: 1 City project")


def test_a_broken_area_is_refused_with_a_clear_error(project):
    project.area = {"type": "Polygon", "coordinates": [[[4.3, 50.8]]]}

    with pytest.raises(ValidationError) as refusal:
        project.full_clean()

    assert "area" in refusal.value.message_dict


def test_deleting_an_account_keeps_its_updates_unsigned(project, manager):
    services.post_update(project=project, author=manager, status="ongoing", text={"nl": "x", "fr": "x"})

    User.objects.filter(pk=manager.pk).delete()

    assert ProjectUpdate.objects.get().author is None


# The admin -----------------------------------------------------------------------------------------------------


def test_staff_edit_a_project_in_the_admin_and_its_places_follow(client, project, manager):
    client.force_login(manager)
    change = reverse("admin:city_project_change", args=[project.pk])
    form = client.get(change)
    assert form.status_code == 200

    data = {
        "slug": project.slug,
        "title_nl": project.title_nl,
        "title_fr": "Le tram vers Laeken",
        "description_nl": project.description_nl,
        "description_fr": project.description_fr,
        "domain": project.domain_id,
        "status": "new",
        "latitude": "50.8467",
        "longitude": "4.3525",
        "updates-TOTAL_FORMS": "0",
        "updates-INITIAL_FORMS": "0",
    }
    response = client.post(change, data)

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title_fr == "Le tram vers Laeken"
    assert project.places.count() == 1


def test_a_resident_cannot_open_the_projects_admin(client, project, resident):
    client.force_login(resident)

    response = client.get(reverse("admin:city_project_change", args=[project.pk]))

    assert response.status_code == 302  # to the admin's sign-in: not staff
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("projects", [1, 3])
def test_the_follow_up_page_takes_as_many_queries_for_one_project_as_for_three(
    client, manager, projects, django_assert_num_queries
):
    process = budget_at("closed").process
    for n in range(projects):
        services.post_update(
            project=make_project(f"p{n}", process=process), author=manager, status="new", text={"nl": "x", "fr": "x"}
        )

    with django_assert_num_queries(4):  # the process, its projects with their domains, their updates; its minutes
        response = client.get(reverse("city:follow_up", args=[process.slug]))

    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == projects


def test_the_project_page_names_no_hidden_idea_and_no_draft_process(client, winner, manager):
    from samen.ideas.models import Visibility

    project = make_project("from-a-hidden-idea", process=winner.process, idea=winner)
    winner.visibility = Visibility.HIDDEN
    winner.save()

    page = client.get(project.get_absolute_url()).content.decode()
    assert winner.title not in page
    assert winner.process.get_absolute_url() in page  # the process is still public

    winner.process.status = "draft"
    winner.process.save()
    page = client.get(project.get_absolute_url()).content.decode()
    assert winner.process.get_absolute_url() not in page
