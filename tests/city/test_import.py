"""Staff import indicator values from a CSV file: good lines saved, each refused line reported with its number and
reason, nothing saved twice; a large file goes to the task worker, which reports its progress."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from samen.city import services, views
from samen.city.models import Domain, ImportJob, IndicatorValue
from samen.city.tasks import import_job
from tests.city.conftest import make_indicator

pytestmark = pytest.mark.django_db

FILE = """indicator,date,value,note
bus-trips,2024-01-01,150,counted in January
bus-trips,2024-13-01,151,
bus-trips,2025-01-01,lots,
nothing,2025-01-01,3,
bus-trips,2025-01-01,"160,5",
bus-trips,2025-01-01,161,
participants,2025-01-01,3,
"""


def upload(client, text: str, name="values.csv"):
    return client.post(
        reverse("city:import"), {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")}, follow=True
    )


@pytest.fixture
def indicators(db):
    services.add_computed_indicator(code="participants", domain=Domain.objects.get(slug="participative-exemplary"))
    return make_indicator("bus-trips")


def test_good_lines_are_saved_and_each_refused_line_says_its_number_and_why(client, manager, indicators):
    client.force_login(manager)

    response = upload(client, FILE)

    page = response.content.decode()
    assert sorted(IndicatorValue.objects.values_list("date", "value", "note")) == [
        (date(2024, 1, 1), 150, "counted in January"),
        (date(2025, 1, 1), 160.5, ""),
    ]
    assert "2 values saved." in page
    assert "5 lines refused." in page
    refused = ImportJob.objects.get().refused
    assert [line for line, _reason in refused] == [3, 4, 5, 7, 8]
    assert "The date is not a date written as YYYY-MM-DD: “2024-13-01”." in page
    assert "The value is not a number: “lots”." in page
    assert "There is no indicator “nothing”." in page
    assert "“Bus trips” already has a value on 2025-01-01." in page
    assert "The platform computes “Participants”: its values are not entered by hand." in page


def test_importing_the_same_file_again_saves_nothing_twice(client, manager, indicators):
    client.force_login(manager)
    upload(client, FILE)

    page = upload(client, FILE).content.decode()

    assert IndicatorValue.objects.count() == 2
    assert "0 values saved." in page
    assert "7 lines refused." in page


def test_a_file_without_the_columns_is_refused_whole_with_a_422(client, manager, indicators):
    client.force_login(manager)

    response = upload(client, "name;when;how much\nbus-trips;2024-01-01;3\n")

    assert response.status_code == 422
    assert "The file needs the columns indicator, date and value" in response.content.decode()
    assert ImportJob.objects.count() == 0


def test_a_file_that_is_not_utf8_is_refused_with_a_422(client, manager, indicators):
    client.force_login(manager)

    response = client.post(
        reverse("city:import"), {"file": SimpleUploadedFile("v.csv", "indicator,date,value\né".encode("latin-1"))}
    )

    assert response.status_code == 422
    assert "The file is not UTF-8 text" in response.content.decode()


def test_a_large_file_is_queued_for_the_worker_which_reports_progress(
    client, manager, indicators, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(views, "INLINE_LINES", 2)
    monkeypatch.setattr(services, "PROGRESS_EVERY", 2)
    client.force_login(manager)
    lines = "".join(f"bus-trips,2024-01-{day:02d},{day}\n" for day in range(1, 6))

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, "indicator,date,value\n" + lines)

    job = ImportJob.objects.get()
    assert "0 of 5 lines read (0%)." in response.content.decode()
    assert IndicatorValue.objects.count() == 0
    assert DBTaskResult.objects.count() == 1

    import_job.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.lines_done, job.saved) == ("done", 5, 5)
    assert "5 values saved." in client.get(reverse("city:import_job", kwargs={"pk": job.pk})).content.decode()
    assert import_job.call(job.pk) == "done"  # a task run twice imports nothing twice
    assert IndicatorValue.objects.count() == 5


def test_an_import_the_worker_never_finished_says_to_upload_again_and_stops_refreshing(client, manager, indicators):
    job = ImportJob.objects.create(content="", total_lines=900, lines_done=300, status=ImportJob.Status.RUNNING)
    ImportJob.objects.filter(pk=job.pk).update(requested_at=job.requested_at - timedelta(hours=2))
    client.force_login(manager)

    page = client.get(reverse("city:import_job", kwargs={"pk": job.pk})).content.decode()

    assert "gave no news of this import for an hour: it stopped after 300 lines. Upload the file again" in page
    assert 'http-equiv="refresh"' not in page


def test_a_running_import_refreshes_its_page(client, manager, indicators):
    job = ImportJob.objects.create(content="", total_lines=900, lines_done=300, status=ImportJob.Status.RUNNING)
    client.force_login(manager)

    page = client.get(reverse("city:import_job", kwargs={"pk": job.pk})).content.decode()

    assert "300 of 900 lines read (33%)." in page
    assert '<meta http-equiv="refresh" content="5">' in page
