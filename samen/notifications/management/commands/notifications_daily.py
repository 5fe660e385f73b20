from django.conf import settings
from django.core.management.base import BaseCommand

from samen.common import clock
from samen.notifications.delivery import daily_jobs, send_digests
from samen.notifications.models import Rhythm


class Command(BaseCommand):
    help = (
        "Run once a day (cron): tell what starts today (a vote opening, to who took part in its process), then queue "
        "the daily digests, and the weekly ones on SAMEN_WEEKLY_DIGEST_WEEKDAY (0 is Monday). Running it twice sends "
        "nothing twice: an announcement is recorded once, a notice leaves the database with its digest."
    )

    def handle(self, *args, **options):
        for job in daily_jobs():
            job()
        rhythms = [Rhythm.DAILY]
        if clock.today().weekday() == settings.SAMEN_WEEKLY_DIGEST_WEEKDAY:
            rhythms.append(Rhythm.WEEKLY)
        for rhythm in rhythms:
            send_digests.enqueue(rhythm.value)
        self.stdout.write("queued digests: " + ", ".join(rhythm.value for rhythm in rhythms))
