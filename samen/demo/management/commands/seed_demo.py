from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samen.demo.identities import invented_document_number
from samen.demo.initiatives import TEST_IDENTITIES
from samen.demo.loader import load_demo
from samen.demo.processes import DEMO_PASSWORD, DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = (
        "Load the Brussels demo (accounts, idea calls, budgets, lotteries, citizens' initiatives). Running it again "
        "adds nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2020, help="the same seed gives the same demo")

    def handle(self, *args, seed, **options):
        if not settings.DEBUG:
            raise CommandError(
                f"seed_demo creates accounts, an administrator among them, whose password ({DEMO_PASSWORD}) is "
                "published: it runs only on a laptop, with DJANGO_DEBUG=true, never on a production database."
            )
        report = load_demo(seed=seed)
        if report.processes_created:
            self.stdout.write(f"Created {', '.join(report.processes_created)} with {report.ideas_created} ideas.")
        else:
            self.stdout.write("The demo processes were already there; nothing added.")
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for email, name in report.accounts:
            self.stdout.write(f"  {email:40} {name}")
        if report.second_factor:
            self.stdout.write(
                f"Staff accounts ({', '.join(report.second_factor)}) also ask for a code: add the secret "
                f"{DEMO_TOTP_SECRET} to an authenticator app, or print the current code with "
                f"`DJANGO_DEBUG=true .venv/bin/python manage.py demo_totp_code {report.second_factor[-1]}`."
            )
        for slug, codes in report.invitation_codes.items():
            self.stdout.write(
                f"Unused invitation codes for /en/processes/{slug}/lottery/ (sign in, then answer): {' '.join(codes)}"
            )
        if report.initiatives_created:
            self.stdout.write("Created three citizens' initiatives of the City of Brussels and its census list.")
        if report.dashboard_created:
            self.stdout.write(
                "Created the City's dashboard (/en/dashboard/): the strategy's indicators with values and a "
                "population table invented for the demo; `manage.py compute_indicators` refreshes the computed ones."
            )
        if report.city_projects_created:
            self.stdout.write(
                f"Created {report.city_projects_created} City projects of the strategy 2030 (/en/projects/), "
                "with updates, places and budgets invented for the demo."
            )
        ballots, signatures, responses, ideas, comments = report.assisted
        if ballots or signatures or responses:
            self.stdout.write(
                f"Assisted participation: facilitator@demo.samen.brussels entered {ballots} budget ballots in "
                f"laeken-budget, {signatures} signatures and {responses} questionnaire responses in "
                "place-du-jeu-de-balle with residents met in person (/en/assisted/); "
                "admin@demo.samen.brussels audits them on /en/assisted/audit/."
            )
        if ideas or comments:
            self.stdout.write(
                f"The facilitator also posted {ideas} idea and {comments} comment for residents, "
                "shown as “Posted with a facilitator”."
            )
        if report.meetings_created:
            self.stdout.write(
                f"Created {report.meetings_created} meetings of the Laeken neighbourhood council "
                "(/en/councils/laeken/calendar/): two past with minutes, one coming, full, with a waiting list."
            )
        identities = ", ".join(
            f"{number} born {born.isoformat()} card {invented_document_number(number)}"
            for number, born, _postcode in TEST_IDENTITIES
        )
        self.stdout.write(f"Test identities to verify a demo account on /en/account/verify/: {identities}")
        if report.letter:
            email, code = report.letter
            self.stdout.write(f"A verification letter is on its way to {email}: its code is {code}")
