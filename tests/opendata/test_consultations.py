"""A consultation in the downloads once its results are public: the anonymous responses, and the two JSON files
from which `samen questionnaire tally` recounts exactly what its results page shows."""

import json
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from pyshacl import validate
from rdflib import URIRef
from rdflib.namespace import DCAT

from samen.algorithms import cli
from samen.consultations import services
from samen.demo.loader import load_demo
from samen.opendata.build import build
from samen.processes.models import Phase, Process
from tests.consultations.conftest import ANSWERS, consultation_at
from tests.factories import UserFactory
from tests.opendata.test_build import all_bytes, read_csv
from tests.opendata.test_catalogue import SITE, harvest, official_shapes

pytestmark = pytest.mark.django_db


def _answered_then_ended(moderator):
    """Three responses while open, one free text listed by a moderator and one not; then the consultation ends."""
    questionnaire = consultation_at("open")
    alice = UserFactory(email="alice.answers@example.org", display_name="Alice Answers")
    services.submit_response(questionnaire=questionnaire, user=alice, raw_answers=ANSWERS)
    services.submit_response(
        questionnaire=questionnaire,
        user=UserFactory(),
        raw_answers={"cycling": "no", "priorities": ["parking", "lanes", "lights"], "remarks": "Call Bob on 0470 12"},
    )
    listed = services.submit_response(
        questionnaire=questionnaire,
        user=UserFactory(),
        raw_answers={"cycling": "yes", "routes": ["centre"], "safety": 2, "name_it": "Canal ride"},
    )
    services.review_text_answer(response=listed, question_key="name_it", moderator=moderator, approve=True)
    today = timezone.localdate()
    Phase.objects.filter(process=questionnaire.process).update(
        first_day=today - timedelta(20), last_day=today - timedelta(1)
    )
    return questionnaire


def _read(path: str) -> bytes:
    with default_storage.open(path, "rb") as handle:
        return handle.read()


def test_the_recount_of_the_published_files_gives_the_results_pages_figures(client, moderator, tmp_path, capsys):
    questionnaire = _answered_then_ended(moderator)
    slug = f"consultation-{questionnaire.process.slug}"
    build()
    for name in ("questionnaire", "responses"):
        (tmp_path / f"{name}.json").write_bytes(_read(f"opendata/{slug}-{name}.json"))

    code = cli.main(["questionnaire", "tally", str(tmp_path / "questionnaire.json"), str(tmp_path / "responses.json")])
    recount = json.loads(capsys.readouterr().out)
    page = client.get(reverse("consultations:results", args=[questionnaire.process.slug])).context

    assert code == 0
    assert recount["responses"] == page["responses"] == 3
    by_key = {question["key"]: question for question in recount["questions"]}
    for shown in page["questions"]:
        counted = by_key[shown["question"].key]
        assert (counted["seen"], counted["answered"]) == (shown["seen"], shown["answered"])
        if "borda" in counted:
            assert [row["count"] for row in shown["rows"]] == sorted(counted["borda"].values(), reverse=True)
        elif "counts" in counted:
            assert [row["count"] for row in shown["rows"]] == list(counted["counts"].values())
        elif "distribution" in counted:
            assert [row["count"] for row in shown["rows"]] == list(counted["distribution"].values())
    assert by_key["safety"]["mean"] == "3"


def test_the_responses_table_is_the_pages_export_and_names_nobody(client, moderator):
    questionnaire = _answered_then_ended(moderator)
    slug = f"consultation-{questionnaire.process.slug}"

    build()

    export = client.get(reverse("consultations:export", args=[questionnaire.process.slug])).content.decode()
    assert [list(row.values()) for row in read_csv(slug, "responses")] == [
        line.split(",") for line in export.splitlines()[1:]
    ]
    published = all_bytes()
    for personal in (b"alice.answers@example.org", b"Alice Answers", b"Call Bob", b"0470"):
        assert personal not in published
    assert b"Canal ride" in published  # the listed free text


def test_a_running_a_draft_or_an_unfinished_consultation_publishes_nothing(moderator):
    consultation_at("open")
    consultation_at("future")
    draft = consultation_at("ended")
    Process.objects.filter(pk=draft.process_id).update(status=Process.Status.DRAFT)
    ended = consultation_at("ended")

    manifest = build()

    assert [d["slug"] for d in manifest["datasets"] if d["slug"].startswith("consultation-")] == [
        f"consultation-{ended.process.slug}"
    ]
    files = next(d["files"] for d in manifest["datasets"] if d["slug"] == f"consultation-{ended.process.slug}")
    assert [(f.get("name"), f["format"]) for f in files] == [
        (None, "CSV"),
        (None, "JSON"),
        ("questionnaire", "JSON"),
        ("responses", "JSON"),
    ]


def test_the_catalogue_with_a_consultations_files_conforms_to_dcat_ap_3(client, moderator):
    questionnaire = _answered_then_ended(moderator)
    build()

    graph, _ = harvest(client)

    conforms, _, report = validate(graph, shacl_graph=official_shapes())
    assert conforms, report
    dataset = URIRef(f"{SITE}/opendata/catalog#consultation-{questionnaire.process.slug}")
    assert len(list(graph.objects(dataset, DCAT.distribution))) == 4


def test_the_demos_consultation_recounts_to_the_apis_results(client, tmp_path, capsys):
    load_demo(slugs={"place-du-jeu-de-balle"})
    today = timezone.localdate()
    Phase.objects.filter(process__slug="place-du-jeu-de-balle", kind="consultation").update(
        first_day=today - timedelta(20), last_day=today - timedelta(1)
    )
    build()
    for name in ("questionnaire", "responses"):
        (tmp_path / f"{name}.json").write_bytes(_read(f"opendata/consultation-place-du-jeu-de-balle-{name}.json"))

    cli.main(["questionnaire", "tally", str(tmp_path / "questionnaire.json"), str(tmp_path / "responses.json")])
    recount = json.loads(capsys.readouterr().out)
    api = client.get("/api/v1/consultations/place-du-jeu-de-balle/results").json()

    assert recount["responses"] == api["responses"] > 0
    fields = ("key", "type", "seen", "answered", "counts", "shares", "first_places", "borda", "distribution", "mean")
    assert [{f: q.get(f) for f in fields} for q in recount["questions"]] == [
        {f: q[f] for f in fields} for q in api["questions"]
    ]


def test_a_consultation_taken_back_to_draft_loses_its_files_at_the_next_build():
    ended = consultation_at("ended")
    slug = f"consultation-{ended.process.slug}"
    build()
    Process.objects.filter(pk=ended.process_id).update(status=Process.Status.DRAFT)

    manifest = build()

    assert slug not in [d["slug"] for d in manifest["datasets"]]
    assert [name for name in default_storage.listdir("opendata")[1] if name.startswith(slug)] == []
