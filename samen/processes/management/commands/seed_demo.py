from django.core.management.base import BaseCommand

from samen.processes.demo.loader import load_demo
from samen.processes.demo.processes import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the Brussels demo (accounts, two processes, about 60 ideas). Running it again adds nothing twice."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2020, help="the same seed gives the same demo")

    def handle(self, *args, seed, **options):
        report = load_demo(seed=seed)
        if report.processes_created:
            self.stdout.write(f"Created {', '.join(report.processes_created)} with {report.ideas_created} ideas.")
        else:
            self.stdout.write("The demo processes were already there; nothing added.")
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, name in report.accounts:
            self.stdout.write(f"  {email:40} {name}")
