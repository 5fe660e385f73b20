from django.conf import settings
from django.core.management.base import BaseCommand

from samen.common import clock
from samen.notifications.delivery import send_digests
from samen.notifications.models import Rhythm


class Command(BaseCommand):
    help = (
        "Run once a day (cron): queue the daily digests, and the weekly ones on SAMEN_WEEKLY_DIGEST_WEEKDAY "
        "(0 is Monday). Running it twice sends nothing twice: a notice leaves the database with its digest."
    )

    def handle(self, *args, **options):
        rhythms = [Rhythm.DAILY]
        if clock.today().weekday() == settings.SAMEN_WEEKLY_DIGEST_WEEKDAY:
            rhythms.append(Rhythm.WEEKLY)
        for rhythm in rhythms:
            send_digests.enqueue(rhythm.value)
        self.stdout.write("queued digests: " + ", ".join(rhythm.value for rhythm in rhythms))
