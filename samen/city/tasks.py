"""The CSV import of indicator values runs on the task worker when the file is large."""

from django.utils import translation
from django_tasks import task

from samen.city.models import ImportJob
from samen.city.services import run_import


@task()
def import_job(job_id: int) -> str:
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    with translation.override(job.language):
        return run_import(job).status
