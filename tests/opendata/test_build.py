"""The bulk downloads: CSV files in a ZIP and one JSON file per dataset, with a manifest; public data only."""

import csv
import io
import json
import os
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from samen.opendata.build import build, read_manifest
from samen.opendata.tasks import build_open_data
from tests.notifications.conftest import run_worker

pytestmark = pytest.mark.django_db

SLUGS = ["processes", "ideas", "indicators", "results", "ballots", "lotteries", "initiatives", "projects"]


def read_json(slug: str) -> dict:
    with default_storage.open(f"opendata/{slug}.json", "rb") as handle:
        return json.loads(handle.read())


def read_csv(slug: str, table: str) -> list[dict]:
    with default_storage.open(f"opendata/{slug}.zip", "rb") as handle, zipfile.ZipFile(handle) as archive:
        return list(csv.DictReader(io.StringIO(archive.read(f"{table}.csv").decode("utf-8"))))


def all_bytes() -> bytes:
    """Every file's content, the CSV files out of their ZIP."""
    contents = []
    for name in sorted(default_storage.listdir("opendata")[1]):
        with default_storage.open(f"opendata/{name}", "rb") as handle:
            if name.endswith(".zip"):
                with zipfile.ZipFile(handle) as archive:
                    contents += [archive.read(member) for member in archive.namelist()]
            else:
                contents.append(handle.read())
    return b"\n".join(contents)


def test_each_dataset_is_a_zip_of_csv_and_a_json_file_listed_in_the_manifest(public_data):
    manifest = build()

    assert [d["slug"] for d in manifest["datasets"]] == SLUGS
    assert sorted(default_storage.listdir("opendata")[1]) == sorted(
        ["manifest.json", *(f"{slug}.{extension}" for slug in SLUGS for extension in ("json", "zip"))]
    )
    assert read_manifest() == manifest
    ideas = manifest["datasets"][1]
    assert ideas["licence"] == "http://creativecommons.org/publicdomain/zero/1.0/"
    for file in ideas["files"]:
        assert file["size"] == default_storage.size(file["path"])
    [idea] = read_csv("ideas", "ideas")
    assert idea["title"] == "Benches on the Place Bockstael"
    assert idea["support_count"] == "2"
    assert idea["comment_count"] == "1"
    assert read_json("ideas")["tables"]["ideas"][0]["support_count"] == 2
    [phase] = read_csv("processes", "phases")
    assert phase["process_id"] == str(public_data["process"].pk)
    [value] = read_json("indicators")["tables"]["values"]
    assert value == {"indicator_id": public_data["indicator"].pk, "date": "2025-01-01", "value": "13.500", "note": ""}


def test_a_draft_process_and_hidden_or_pending_ideas_never_appear(public_data):
    build()

    assert [p["slug"] for p in read_csv("processes", "processes")] == ["benches"]
    assert [i["title"] for i in read_json("ideas")["tables"]["ideas"]] == ["Benches on the Place Bockstael"]
    everything = all_bytes()
    for secret in (b"secret-draft", b"Secret draft", b"Idea in a draft", b"Hidden idea", b"Pending idea"):
        assert secret not in everything
    assert b"Hidden insult" not in everything


def test_the_files_hold_no_personal_data_and_no_author_column(public_data):
    build()

    everything = all_bytes()
    assert b"@" not in everything
    for name in (b"Alice Author", b"Bob Backer", b"Carla Commenter"):
        assert name not in everything
    for slug in SLUGS:
        for rows in read_json(slug)["tables"].values():
            for row in rows:
                assert not {"author", "author_id", "email", "display_name", "resident", "user"} & row.keys()


def test_the_licence_is_the_setting(public_data, settings):
    settings.SAMEN_OPEN_DATA_LICENCE = "https://creativecommons.org/licenses/by/4.0/"

    manifest = build()

    assert {d["licence"] for d in manifest["datasets"]} == {"https://creativecommons.org/licenses/by/4.0/"}
    assert read_json("ideas")["licence"] == "https://creativecommons.org/licenses/by/4.0/"


def test_a_second_build_changes_nothing_and_a_change_replaces_the_files(public_data):
    first = build()
    stamps = {name: os.stat(default_storage.path(f"opendata/{name}")).st_mtime_ns for name in ("ideas.zip",)}

    assert build() == first
    assert os.stat(default_storage.path("opendata/ideas.zip")).st_mtime_ns == stamps["ideas.zip"]

    public_data["idea"].title = "Benches and trees"
    public_data["idea"].save()
    second = build()

    assert len(default_storage.listdir("opendata")[1]) == 1 + 2 * len(
        SLUGS
    )  # replaced, not saved beside under another name
    assert [i["title"] for i in read_csv("ideas", "ideas")] == ["Benches and trees"]
    assert second["datasets"][1]["files"][0]["sha256"] != first["datasets"][1]["files"][0]["sha256"]
    assert second["datasets"][0] == first["datasets"][0]  # the processes did not change: nor their dates


def test_the_command_builds(public_data):
    out = io.StringIO()

    call_command("opendata_build", stdout=out)

    assert "ideas: opendata/ideas.zip" in out.getvalue()
    assert default_storage.exists("opendata/manifest.json")


def test_the_build_runs_as_a_task_through_the_worker(public_data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("opendata_build", "--queue", stdout=io.StringIO())
    assert not default_storage.exists("opendata/manifest.json")  # queued, not built yet

    run_worker()

    assert [d["slug"] for d in read_manifest()["datasets"]] == SLUGS
    assert build_open_data.name == "build_open_data"
