from django.core.management.base import BaseCommand

from samen.opendata.build import build
from samen.opendata.tasks import build_open_data


class Command(BaseCommand):
    help = (
        "Run once a day (cron): rebuild the open-data downloads (CSV in a ZIP and JSON per dataset) and their "
        "manifest in the media storage, under opendata/. --queue hands the build to the task worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="store_true", help="Enqueue the build for the task worker.")

    def handle(self, *args, queue=False, **options):
        if queue:
            result = build_open_data.enqueue()
            self.stdout.write(f"queued: {result.id}")
            return
        for dataset in build()["datasets"]:
            sizes = ", ".join(f"{f['path']} {f['size']} bytes" for f in dataset["files"])
            self.stdout.write(f"{dataset['slug']}: {sizes}")
