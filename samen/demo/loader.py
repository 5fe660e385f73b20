"""Build the Brussels demo through the same services the site uses; identical for one seed, safe to run twice."""

import json
import random
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from samen.accounts.models import User
from samen.accounts.second_factor import has_second_factor, needs_second_factor, set_up_authenticator_app
from samen.accounts.services import assign_role, update_profile
from samen.common import clock, mail
from samen.common.geography import neighbourhood_at, neighbourhoods
from samen.demo import assisted as assisted_demo
from samen.demo import city as city_demo
from samen.demo import city_projects as city_projects_demo
from samen.demo import consultation as consultation_demo
from samen.demo import initiatives as initiatives_demo
from samen.demo import meetings as meetings_demo
from samen.demo import panels as panels_demo
from samen.demo.budgets import STORIES as BUDGET_STORIES
from samen.demo.processes import (
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    DEMO_PROCESSES,
    DEMO_RESIDENTS,
    DEMO_STAFF,
    DEMO_TOTP_SECRET,
)
from samen.demo.votes import STORIES as VOTE_STORIES
from samen.ideas import services as idea_services
from samen.ideas.models import Idea
from samen.processes import services
from samen.processes.models import Process
from samen.processes.queries import running_phase

STORIES = VOTE_STORIES | BUDGET_STORIES | panels_demo.STORIES | consultation_demo.STORIES

HERE = Path(__file__).resolve().parent
THEMES_FILE = Path(__file__).resolve().parents[2] / "data" / "brussels" / "participation_themes.json"


@dataclass
class Report:
    accounts: list[tuple[str, str]] = field(default_factory=list)
    second_factor: list[str] = field(default_factory=list)  # staff: they sign in with DEMO_TOTP_SECRET's codes
    processes_created: list[str] = field(default_factory=list)
    ideas_created: int = 0
    invitation_codes: dict[str, list[str]] = field(default_factory=dict)  # open lotteries: unused codes
    initiatives_created: bool = False
    dashboard_created: bool = False
    city_projects_created: int = 0
    meetings_created: int = 0
    letter: tuple[str, str] | None = None  # (account's e-mail, code) of a verification letter on its way
    # budget ballots, signatures, responses, ideas and comments the facilitator entered
    assisted: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)


def _account(
    key: str, display_name: str, neighbourhood_code: int | None, report: Report, *, superuser: bool = False
) -> User:
    email = f"{key}@{DEMO_DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:  # the administrator as `manage.py createsuperuser` makes one
        create = User.objects.create_superuser if superuser else User.objects.create_user
        user = create(email, DEMO_PASSWORD)
        update_profile(
            user=user,
            display_name=display_name,
            neighbourhood_code=neighbourhood_code,
            preferred_language="fr",
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    report.accounts.append((email, display_name))
    return user


def _theme_labels() -> dict[str, dict[str, str]]:
    sets = json.loads(THEMES_FILE.read_text(encoding="utf-8"))["theme_sets"]
    return {theme["id"]: theme for theme_set in sets for theme in theme_set["themes"]}


def _point_in(code: int, rng: random.Random) -> tuple[float, float]:
    """A point near the neighbourhood's label point that is still inside it."""
    longitude, latitude = neighbourhoods()[code].label_point
    for _attempt in range(5):
        candidate = (longitude + rng.uniform(-0.002, 0.002), latitude + rng.uniform(-0.0013, 0.0013))
        found = neighbourhood_at(longitude=candidate[0], latitude=candidate[1])
        if found and found.code == code:
            return candidate
    return longitude, latitude


def _create_process(spec: dict, today: date) -> Process:
    process = services.create_process(
        slug=spec["slug"],
        title=spec["title"],
        description=spec["description"],
        scope=spec["scope"],
        municipality_nis=spec.get("municipality_nis", ""),
        neighbourhood_code=spec.get("neighbourhood_code"),
        voters=spec.get("voters", Process.Voters.VERIFIED),
        topics=spec.get("topics", []),
    )
    labels = _theme_labels()
    for position, slug in enumerate(spec["themes"]):
        label = labels[slug]
        services.add_theme(
            process=process,
            slug=slug,
            position=position,
            name={language: label[language] for language in ("nl", "fr", "en")},
        )
    for kind, first, last, title in spec["phases"]:
        services.add_phase(
            process=process,
            kind=kind,
            title=title,
            first_day=today + timedelta(days=first),
            last_day=today + timedelta(days=last),
        )
    return services.publish_process(process=process)


def _collecting_at(process: Process) -> datetime:
    """Now if the idea call is open; for a finished call, an instant of its past when it was."""
    collection = next((phase for phase in process.phases.all() if phase.kind == "idea_collection"), None)
    if collection is not None and collection.period.closes_at() <= timezone.now():
        return collection.period.closes_at() - timedelta(days=2)
    return timezone.now()


# (idea, demo resident) of the supports waiting for their supporter's verification, in the order of the ideas file.
LATE_SUPPORTS: list[tuple[int, str]] = []


def _late_supports(people: dict[str, User]) -> int:
    """The supports of demo residents the census has verified since, in processes for verified residents; the
    others are left out (a support counts a person the process asks for). Returns how many were given."""
    given = 0
    for idea_pk, supporter in LATE_SUPPORTS:
        idea = Idea.objects.select_related("process").get(pk=idea_pk)
        resident = User.objects.select_related("verification").get(pk=people[supporter].pk)
        with clock.replaying(_collecting_at(idea.process)):
            if resident.has_perm("ideas.support_idea", idea) and not idea.supports.filter(resident=resident).exists():
                idea_services.support_idea(idea=idea, resident=resident)
                given += 1
    LATE_SUPPORTS.clear()
    return given


def _post_ideas(process: Process, rows: list[dict], people: dict[str, User], rng: random.Random) -> dict[str, Idea]:
    themes = {theme.slug: theme for theme in process.themes.all()}
    now = clock.now()
    running = running_phase(process, now=now)  # the phase the ideas are posted in (an idea call, mostly)
    opened = running.period.opens_at() if running else now
    posted = {}
    for row in rows:
        code = row["neighbourhood_code"]
        place = idea_services.Place()
        if code is not None:
            longitude, latitude = _point_in(code, rng)
            place = idea_services.locate(latitude=latitude, longitude=longitude, neighbourhood_code=None)
        # Posted on a day of the idea call, spread over it (the newest first in the list is not the file's order).
        spread = rng.randint(60, 11 * 24 * 60) / (11 * 24 * 60)
        with clock.replaying(opened + (now - opened) * (1 - spread)):
            idea = idea_services.create_idea(
                process=process,
                author=people[row["author"]],
                theme=themes[row["theme"]],
                title=row["title"],
                body=row["body"],
                language=row["language"],
                place=place,
            )
        posted[row["key"]] = idea
        for supporter in row["supporters"]:
            # Supports count the people the process asks for: where it asks for verified residents, a demo
            # resident verified later (the initiatives' census) supports then (`_late_supports`).
            if people[supporter].has_perm("ideas.support_idea", idea):
                idea_services.support_idea(idea=idea, resident=people[supporter])
            else:
                LATE_SUPPORTS.append((idea.pk, supporter))
        for comment in row["comments"]:
            parent = idea_services.add_comment(
                idea=idea,
                author=people[comment["author"]],
                body=comment["body"],
                language=comment["language"],
            )
            for reply in comment["replies"]:
                idea_services.add_comment(
                    idea=idea,
                    author=people[reply["author"]],
                    body=reply["body"],
                    language=reply["language"],
                    parent=parent,
                )
    return posted


def load_demo(*, seed: int = 2020, today: date | None = None, slugs: Collection[str] | None = None) -> Report:
    """Create what is missing: accounts always, a process and its ideas only if its slug is new (and in `slugs`,
    when given)."""
    today = today or timezone.localdate()
    rng = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
    report = Report()
    LATE_SUPPORTS.clear()
    with transaction.atomic(), mail.silenced():
        people = {key: _account(key, name, code, report) for key, (name, code) in DEMO_RESIDENTS.items()}
        for key, (name, role) in DEMO_STAFF.items():
            user = people[key] = _account(key, name, None, report, superuser=role == "administrator")
            if user.role != role:
                assign_role(user=user, role=role)
            if needs_second_factor(user):
                if not has_second_factor(user):
                    set_up_authenticator_app(user=user, secret=DEMO_TOTP_SECRET)
                report.second_factor.append(user.email)
        rows = json.loads((HERE / "ideas.json").read_text(encoding="utf-8"))["ideas"]
        for spec in DEMO_PROCESSES:
            if Process.objects.filter(slug=spec["slug"]).exists() or (slugs is not None and spec["slug"] not in slugs):
                continue
            process = _create_process(spec, today)
            report.processes_created.append(spec["slug"])
            with clock.replaying(_collecting_at(process)):
                ideas = _post_ideas(process, [row for row in rows if row["process"] == spec["slug"]], people, rng)
            report.ideas_created += len(ideas)
            if "story" in spec:  # the jury, the shortlist, the vote and the follow-up
                STORIES[spec["story"]](process, ideas, people=people, manager=people["manager"], rng=rng)
        # The Laeken council's meetings, once its council is seated.
        report.meetings_created = meetings_demo.load_council_meetings(
            people=people, manager=people["manager"], today=today
        )
        if slugs is None:  # the citizens' initiatives are not processes: with the whole demo only
            report.initiatives_created = initiatives_demo.load_initiatives_demo(
                people=people, manager=people["manager"], administrator=people["admin"], seed=seed, today=today
            )
            _late_supports(people)
            # The facilitator's ballots and signatures need the census the initiatives' demo uploads.
            report.assisted = assisted_demo.load_assisted_demo(facilitator=people["facilitator"], seed=seed)
            if code := initiatives_demo.demo_letter(people=people, administrator=people["admin"]):
                report.letter = (people[initiatives_demo.LETTER_ACCOUNT].email, code)
            # After every process: the computed participation indicators count what the demo did.
            report.dashboard_created = city_demo.load_city_demo(seed=seed, today=today)
            report.city_projects_created = city_projects_demo.load_city_projects(
                manager=people["manager"], seed=seed, today=today
            )
    for spec in DEMO_PROCESSES:
        if spec.get("story") == "open_panel" and (codes := panels_demo.unused_codes(spec["slug"])):
            report.invitation_codes[spec["slug"]] = codes
    return report
