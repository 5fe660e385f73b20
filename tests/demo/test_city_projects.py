"""The demo's City projects: the strategy's 69 projects with their real names and statuses, and updates, places,
budgets and descriptions written for the demo and marked so."""

import csv
from datetime import date
from pathlib import Path

import pytest
from django.db.models import Count

from samen.city.models import Project, ProjectUpdate
from samen.demo.city import load_city_demo
from samen.demo.city_projects import load_city_projects

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)
CSV = Path(__file__).resolve().parents[2] / "data" / "brussels" / "city_projects_2030.csv"


@pytest.fixture
def loaded(manager):
    load_city_demo(seed=2020, today=TODAY)
    return load_city_projects(manager=manager, seed=2020, today=TODAY)


def test_every_project_of_the_strategy_is_a_city_project_with_its_names_domain_and_status(loaded):
    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))

    assert loaded == len(rows) == 69
    found = {(p.title_nl, p.title_fr, p.domain.slug, p.status) for p in Project.objects.select_related("domain")}
    assert found == {(r["name_nl"], r["name_fr"], r["domain"], r["status"]) for r in rows}
    cycloparking = Project.objects.get(title_en="Cycloparking")
    assert cycloparking.status == "completed"
    assert cycloparking.description_en.startswith("Digital management of bike boxes")
    assert cycloparking.description_nl.startswith("Cycloparking: een project van de smart-city-strategie 2030")


def test_each_project_has_one_to_three_past_updates_written_for_the_demo_the_last_giving_its_status(loaded):
    counts = set(Project.objects.annotate(n=Count("updates")).values_list("n", flat=True))
    newest = {}
    for update in ProjectUpdate.objects.order_by("published_at"):
        newest[update.project_id] = update.status

    assert counts <= {1, 2, 3}
    assert set(Project.objects.values_list("invented", flat=True)) == {True}
    assert set(ProjectUpdate.objects.values_list("invented", flat=True)) == {True}
    assert not ProjectUpdate.objects.filter(published_at__date__gte=TODAY).exists()
    assert {p.pk: newest[p.pk] for p in Project.objects.all()} == dict(Project.objects.values_list("pk", "status"))
    assert not Project.objects.filter(status="completed", completed_on__isnull=True).exists()


def test_some_projects_have_a_point_or_an_area_in_brussels_with_their_neighbourhoods_and_serve_indicators(loaded):
    points = Project.objects.filter(latitude__isnull=False)
    areas = Project.objects.filter(area__isnull=False)
    cycloparking = Project.objects.get(title_en="Cycloparking")

    assert points.count() >= 10
    assert areas.count() >= 5
    assert list(cycloparking.places.values_list("neighbourhood_code", flat=True)) == [4]
    assert not Project.objects.filter(latitude__isnull=False, places__isnull=True).exists()
    assert list(cycloparking.indicators.values_list("name_en", flat=True)) == [
        "Park&Ride bicycle parkings managed by Cycloparking"
    ]
    assert Project.objects.filter(indicators__isnull=False).distinct().count() >= 10
    assert Project.objects.filter(budget_planned__isnull=False).count() >= 20
    assert Project.objects.exclude(department="").count() == 69


def test_loading_twice_adds_nothing(loaded, manager):
    updates = ProjectUpdate.objects.count()

    assert load_city_projects(manager=manager, seed=2020, today=TODAY) == 0
    assert ProjectUpdate.objects.count() == updates
    assert Project.objects.count() == 69
