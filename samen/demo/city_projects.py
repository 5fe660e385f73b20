"""The City's projects in the demo: the 69 projects of the smart-city strategy 2030 (data/brussels/
city_projects_2030.csv: their Dutch names and statuses are the document's, as of March 2023; the French and English
names are ours) as City projects. Their descriptions, updates, places, departments and budgets are INVENTED for the
demo and marked so (`invented`); some serve the strategy's indicators."""

import csv
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from samen.city.models import Domain, Indicator, Project
from samen.city.services import create_project, post_update
from samen.common import clock
from samen.common.geography import neighbourhood_at, neighbourhoods
from samen.demo.city import DATA, PUBLISHED

NEW, ONGOING, COMPLETED = Project.Status.NEW, Project.Status.ONGOING, Project.Status.COMPLETED

# Where a project happens (a point, or a small area around it, in a neighbourhood); the others are the whole City's.
PLACES = {
    "open-solidary-04": ("point", 10),
    "close-by-01": ("area", 20),
    "close-by-06": ("point", 1),
    "close-by-07": ("point", 19),
    "close-by-08": ("point", 29),
    "changing-01": ("area", 21),
    "changing-02": ("area", 1),
    "changing-06": ("area", 904),
    "changing-07": ("point", 800),
    "healthy-01": ("area", 2),
    "healthy-02": ("area", 8),
    "healthy-04": ("point", 9),
    "moving-01": ("point", 4),
    "moving-04": ("point", 18),
    "moving-05": ("point", 7),
    "moving-06": ("point", 76),
    "dynamic-smart-01": ("point", 10),
    "dynamic-smart-04": ("point", 35),
    "dynamic-smart-05": ("point", 3),
    "participative-exemplary-04": ("point", 1),
}
# The strategy's indicators (by English name) a project serves.
SERVES = {
    "open-solidary-01": ["Schools using the Smartschool platform", "Microsoft Teams users in City schools"],
    "open-solidary-02": ["Number of public computer spaces"],
    "open-solidary-06": ["Community centres with digital-help hours for seniors"],
    "close-by-01": ["Maximum time on foot or by bike to basic facilities"],
    "close-by-07": ["City libraries with Open+ extended opening hours"],
    "changing-01": ["Energy balance of the Northern Quarter (production minus consumption)"],
    "healthy-01": ["Capacity of City of Brussels smart bins relative to ordinary bins"],
    "healthy-03": [
        "City building sites equipped with NRClick energy monitoring",
        "Water meters fitted with leak sensors",
    ],
    "moving-01": ["Park&Ride bicycle parkings managed by Cycloparking"],
    "moving-06": ["Test phases of dynamic parking management"],
    "dynamic-smart-03": ["Pupils in secondary years 4-6 given a laptop"],
    "governance-02": ["Smart City domains with operational objectives and KPIs"],
}
DEPARTMENTS = {
    "open-solidary": "Instruction publique / Openbaar Onderwijs",
    "close-by": "Culture, Jeunesse, Loisirs et Sports / Cultuur, Jeugd, Ontspanning en Sport",
    "changing": "Urbanisme / Stedenbouw",
    "healthy": "Travaux de voirie / Wegeniswerken",
    "moving": "Mobilité et Stationnement / Mobiliteit en Parkeren",
    "dynamic-smart": "Affaires économiques / Economische Zaken",
    "participative-exemplary": "Cellule Smart City / Cel Smart City",
    "governance": "Cellule Smart City / Cel Smart City",
    "data": "Informatique / Informatica",
    "digital-skills": "Ressources humaines / Human Resources",
    "financing": "Finances / Financiën",
}
# The updates the demo writes, by the status they report: (nl, fr, en).
UPDATES = {
    NEW: [
        (
            "Het project staat in de smart-city-strategie 2030. De dienst bereidt de eerste stappen voor.",
            "Le projet figure dans la stratégie smart city 2030. Le service prépare les premières étapes.",
            "The project is part of the smart-city strategy 2030. The department is preparing the first steps.",
        ),
        (
            "Een eerste overleg met de betrokken diensten vond plaats; het bestek wordt opgesteld.",
            "Une première réunion avec les services concernés a eu lieu ; le cahier des charges est en préparation.",
            "A first meeting with the departments involved took place; the specifications are being drafted.",
        ),
    ],
    ONGOING: [
        (
            "Het project is gestart: een projectteam is samengesteld en het werk begint.",
            "Le projet a démarré : une équipe de projet est constituée et le travail commence.",
            "The project has started: a project team is in place and the work begins.",
        ),
        (
            "Een eerste testfase loopt; de opmerkingen van de gebruikers worden verwerkt.",
            "Une première phase de test est en cours ; les remarques des utilisateurs sont prises en compte.",
            "A first test phase is under way; users' comments are being taken into account.",
        ),
    ],
    COMPLETED: [
        (
            "Het project is afgerond en in gebruik. Bedankt aan iedereen die eraan meewerkte.",
            "Le projet est terminé et en service. Merci à toutes celles et ceux qui y ont contribué.",
            "The project is completed and in use. Thanks to everyone who contributed.",
        ),
    ],
}
DESCRIPTION = {
    "nl": "{name}: een project van de smart-city-strategie 2030 van de Stad Brussel, in het domein “{domain}”.",
    "fr": "{name} : un projet de la stratégie smart city 2030 de la Ville de Bruxelles, dans le domaine « {domain} ».",
}


def _at(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 16), rng.choice((0, 15, 30, 45)))))


def _point_in(code: int, rng: random.Random) -> tuple[float, float]:
    """A point near the neighbourhood's label point that is still inside it."""
    longitude, latitude = neighbourhoods()[code].label_point
    for _attempt in range(5):
        candidate = (longitude + rng.uniform(-0.0015, 0.0015), latitude + rng.uniform(-0.001, 0.001))
        found = neighbourhood_at(longitude=candidate[0], latitude=candidate[1])
        if found and found.code == code:
            return candidate
    return longitude, latitude


def _place(project_id: str, rng: random.Random) -> dict:
    if project_id not in PLACES:
        return {}
    kind, code = PLACES[project_id]
    longitude, latitude = _point_in(code, rng)
    if kind == "point":
        return {"latitude": round(latitude, 6), "longitude": round(longitude, 6)}
    dx, dy = 0.0025, 0.0015
    corners = [(-dx, -dy), (dx, -dy), (dx, dy), (-dx, dy), (-dx, -dy)]
    ring = [[round(longitude + x, 6), round(latitude + y, 6)] for x, y in corners]
    return {"area": {"type": "Polygon", "coordinates": [ring]}}


def _steps(status: str, rng: random.Random, today: date) -> list[tuple[str, date]]:
    """The statuses the project's updates report, oldest first, on days before today: the last is the CSV's status
    (as of March 2023; an ongoing one may have news since)."""

    def day(start: date, end: date) -> date:
        end = min(end, today - timedelta(days=1))
        return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))

    if status == COMPLETED:
        started = day(date(2020, 3, 1), date(2021, 9, 30))
        steps = [(ONGOING, started), (COMPLETED, day(started + timedelta(days=200), date(2023, 2, 28)))]
        return ([(NEW, started - timedelta(days=rng.randint(60, 180)))] if rng.random() < 0.5 else []) + steps
    if status == ONGOING:
        started = day(date(2021, 6, 1), date(2023, 2, 28))
        steps = [(ONGOING, started)]
        if rng.random() < 0.6:
            steps.append((ONGOING, day(PUBLISHED + timedelta(days=60), date(2025, 12, 31))))
        return steps
    steps = [(NEW, day(PUBLISHED + timedelta(days=7), PUBLISHED + timedelta(days=120)))]
    if rng.random() < 0.4:
        steps.append((NEW, day(date(2024, 1, 1), date(2026, 6, 30))))
    return steps


def _budget(status: str, rng: random.Random) -> dict:
    if rng.random() < 0.5:
        return {}
    planned = Decimal(rng.randint(4, 400) * 5_000)
    share = {COMPLETED: rng.uniform(0.9, 1.05), ONGOING: rng.uniform(0.15, 0.7), NEW: 0}[status]
    return {"budget_planned": planned, "budget_spent": Decimal(round(float(planned) * share, -2))}


def load_city_projects(*, manager, seed: int, today: date) -> int:
    """The strategy's projects with their updates, each once (by its address): how many were created."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
    domains = {domain.slug: domain for domain in Domain.objects.all()}
    indicators = {indicator.name_en: indicator for indicator in Indicator.objects.filter(name_en__gt="")}
    created = 0
    with (DATA / "city_projects_2030.csv").open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows):
            # Drawn for every row, created or not: the same seed gives the same demo whatever was there.
            steps = _steps(row["status"], rng, today)
            place, budget = _place(row["id"], rng), _budget(row["status"], rng)
            slug = slugify(row["name_en"])[:60].strip("-")
            if Project.objects.filter(slug=slug).exists():
                continue
            domain = domains[row["domain"]]
            started = next((on for status, on in steps if status != NEW), None)
            draft = Project(
                slug=slug,
                domain=domain,
                title_nl=row["name_nl"],
                title_fr=row["name_fr"],
                title_en=row["name_en"],
                description_nl=DESCRIPTION["nl"].format(name=row["name_nl"], domain=domain.name_nl),
                description_fr=DESCRIPTION["fr"].format(name=row["name_fr"], domain=domain.name_fr),
                description_en=row["summary_en"],
                starts_on=started,
                ends_on=date(rng.randint(max(2026, today.year), 2030), 12, 31) if row["status"] != COMPLETED else None,
                department=DEPARTMENTS.get(row["domain"], ""),
                invented=True,
                **place,
                **budget,
            )
            with clock.replaying(_at(steps[0][1], rng) - timedelta(days=1)):
                project = create_project(staff=manager, project=draft)
            project.indicators.set([indicators[name] for name in SERVES.get(row["id"], []) if name in indicators])
            said = {NEW: 0, ONGOING: 0, COMPLETED: 0}
            for status, on in steps:
                nl, fr, en = UPDATES[status][min(said[status], len(UPDATES[status]) - 1)]
                said[status] += 1
                with clock.replaying(_at(on, rng)):
                    post_update(
                        project=project,
                        author=manager,
                        status=status,
                        text={"nl": nl, "fr": fr, "en": en},
                        invented=True,
                    )
            created += 1
    return created
