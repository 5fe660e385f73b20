"""The open-data build runs on the task worker (queued by the opendata_build command or by staff), never in a
web request."""

from django_tasks import task

from samen.opendata.build import build


@task()
def build_open_data() -> int:
    """Rebuild the downloads; return how many datasets were written."""
    return len(build()["datasets"])
