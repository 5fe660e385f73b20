from django.core.management.base import BaseCommand

from samen.initiatives.services import run_daily


class Command(BaseCommand):
    help = (
        "Run once a day (cron): close ended collections, transmit initiatives to the council, send the deadline "
        "reminders, mark overdue ones, and erase signatories' data after the retention period."
    )

    def handle(self, *args, **options):
        report = run_daily()
        self.stdout.write(
            f"transmitted {report.transmitted}, closed without enough signatures {report.failed}, "
            f"reminders {report.reminders}, signatories' data erased {report.erased}"
        )
