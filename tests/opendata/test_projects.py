"""The `projects` dataset: the City's projects and their updates in the bulk downloads and the catalogue, without an
update's author or a project's follower."""

import pytest

from samen.city.models import ProjectFollow, ProjectUpdate
from samen.opendata.build import build
from samen.opendata.catalogue import graph
from samen.processes.models import Process
from tests.city.conftest import make_indicator
from tests.city.test_project_list import make_project
from tests.factories import IdeaFactory, ProcessFactory, UserFactory
from tests.opendata.test_build import all_bytes, read_csv, read_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(db):
    staff = UserFactory(email="stan.staff@example.org", display_name="Stan Staff")
    follower = UserFactory(email="fay.follower@example.org", display_name="Fay Follower")
    process = ProcessFactory(slug="parks")
    idea = IdeaFactory(process=process, title="Benches")
    lane = make_project(
        "bike-lane", latitude=50.8467, longitude=4.3525, budget_planned=120000, process=process, idea=idea
    )
    lane.indicators.add(make_indicator("bike-trips"))
    ProjectUpdate.objects.create(
        project=lane, author=staff, status="ongoing", text_nl="Gestart", text_fr="Démarré", link="https://example.org"
    )
    ProjectFollow.objects.create(project=lane, follower=follower)
    secret = ProcessFactory(slug="secret", status=Process.Status.DRAFT)
    make_project("trees", domain="healthy", process=secret, idea=IdeaFactory(process=secret, title="Secret idea"))
    return {"lane": lane, "idea": idea}


def test_the_projects_and_their_updates_are_a_zip_of_csv_and_a_json_file(projects):
    manifest = build()

    assert manifest["datasets"][-1]["slug"] == "projects"
    lane, trees = read_csv("projects", "projects")
    assert (lane["slug"], lane["domain"], lane["status"], lane["budget_planned"]) == (
        "bike-lane",
        "moving",
        "new",
        "120000.00",
    )
    assert (lane["neighbourhood_codes"], lane["indicators"]) == ("1", "bike-trips")
    assert (lane["process"], lane["idea_id"]) == ("parks", str(projects["idea"].pk))
    assert (trees["process"], trees["idea_id"]) == ("", "")  # a draft process's idea is nobody's to know yet
    [update] = read_json("projects")["tables"]["project_updates"]
    assert update["project_id"] == projects["lane"].pk
    assert (update["status"], update["text_nl"], update["text_fr"], update["link"]) == (
        "ongoing",
        "Gestart",
        "Démarré",
        "https://example.org",
    )
    assert update["photo_url"] is None


def test_no_author_and_no_follower_appears(projects):
    build()

    everything = all_bytes()
    assert b"@" not in everything.replace(b"https://example.org", b"")
    for secret in (b"Stan Staff", b"Fay Follower", b"Secret idea", b"secret"):
        assert secret not in everything
    for rows in read_json("projects")["tables"].values():
        for row in rows:
            assert not {"author", "author_id", "follower", "followers", "email", "display_name"} & row.keys()


def test_the_catalogue_lists_the_projects_dataset(projects):
    build()

    turtle = graph().serialize(format="turtle")

    assert "The City's projects" in turtle
    assert "projects.zip" in turtle
