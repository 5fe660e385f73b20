from django.core.management.base import BaseCommand

from samen.city.services import compute_indicators


class Command(BaseCommand):
    help = (
        "Run once a day (cron): store today's value of every participation indicator the platform computes "
        "(participants, ideas, ballots, signatures, overdue initiatives, representativeness)."
    )

    def handle(self, *args, **options):
        for code, value in compute_indicators().items():
            self.stdout.write(f"{code}: {'no value (no population table?)' if value is None else value}")
