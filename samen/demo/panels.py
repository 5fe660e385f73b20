"""The demo's panels drawn by lot (CC0: residents, streets' inhabitants and associations invented for the demo).

"Laeken" is told to its end: a register extract of 1,500 residents, 900 invitations, about 300 volunteers, quotas on
gender, age and neighbourhood, the pool frozen, the invitations and the panel drawn with EuroMillions results
announced beforehand, and a council whose term runs today, with three approved delegates (a fourth waits) and a
member who resigned, replaced from the reserve list. The "Marolles" panel is answering its invitations now:
`seed_demo` prints unused codes. Each past step is replayed through the services on the day it happened
(`common/clock.py`).
"""

import csv
import io
import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password

from samen.accounts.models import User
from samen.algorithms.timeline import BRUSSELS
from samen.common import clock
from samen.demo.votes import replaying_during
from samen.panels import services
from samen.panels.models import Lottery, RegisterEntry, Seat
from samen.panels.queries import REGISTRATION
from samen.processes.queries import phase_of_kind

# Neighbourhood code: (share of the register, streets).
LAEKEN = {
    19: (35, ["Rue Reper-Vreven", "Rue Fransman", "Rue Tielemans", "Rue Mellery", "Rue Ernest Salu", "Rue Steyls"]),
    20: (
        45,
        [
            "Rue Marie-Christine",
            "Avenue de la Reine",
            "Rue Stéphanie",
            "Rue des Palais Outre-Ponts",
            "Rue Champ de l'Église",
            "Rue Alfred Stevens",
            "Rue Léopold Ier",
        ],
    ),
    75: (20, ["Avenue Houba de Strooper", "Rue Émile Delva", "Avenue Jean Sobieski", "Rue de Wand"]),
}
MAROLLES = {
    8: (
        100,
        [
            "Rue Haute",
            "Rue Blaes",
            "Rue des Renards",
            "Rue de la Prévoyance",
            "Rue des Capucins",
            "Rue Saint-Ghislain",
            "Rue Montserrat",
            "Rue de l'Épée",
            "Rue Pieremans",
        ],
    ),
}
GENDERS = {"woman": 51, "man": 49}
AGE_BANDS = {"16-24": 13, "25-34": 21, "35-44": 20, "45-54": 17, "55-64": 14, "65+": 15}
ANSWER_RATES = {"16-24": 0.22, "25-34": 0.3, "35-44": 0.34, "45-54": 0.36, "55-64": 0.4, "65+": 0.36}
FIRST_NAMES = {
    "woman": (  # space-separated
        "Amina Anna Aïcha Camille Chloé Els Emma Fatima Hanna Inès Julie Karolina Kenza Lea Leen Lina Lore Louise "
        "Manon Maria Marie Mira Nadia Nour Rania Sara Sofia Yasmina Zeynep Ioana Marta Lucía Giulia Grace Mbuyi"
    ),
    "man": (
        "Adam Ahmed Alexandre Arthur Bram Elias Emre Hamza Jan Jonas Karim Kevin Lucas Mamadou Mehdi Milan Mohamed "
        "Noah Omar Pieter Piotr Rayan Thomas Tom Vincent Wout Youssef Yassine Andrei Mateo Luca Jean-Pierre Kofi"
    ),
    "x": "Alex Charlie Noa Sacha",
}
NOMINATIONS = [
    # (who nominates, association, delegate, statement, approved)
    ("karim", "Comité de quartier Marie-Christine", "Nadia El Idrissi", "Elle anime le comité depuis six ans.", True),
    ("lucas", "Buurthuis Oud-Laken", "Wim Peeters", "Hij kent elke straat van Oud-Laken.", True),
    ("jan", "Atelier vélo Bockstael", "Sofia Martins", "Elle répare les vélos du quartier le samedi.", True),
    ("els", "Potager collectif du Houba", "Bruno Lambert", "Il coordonne les jardiniers du Houba.", False),
]


def _weighted(weights: dict, rng: random.Random):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def register_csv(neighbourhoods: dict, *, prefix: str, postcode: str, size: int, rng: random.Random) -> str:
    """A register extract of invented residents, in households: up to five people share an address."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "address", "neighbourhood", "gender", "age_band"])
    shares = {code: share for code, (share, _streets) in neighbourhoods.items()}
    count = 0
    while count < size:
        code = _weighted(shares, rng)
        address = f"{rng.choice(neighbourhoods[code][1])} {rng.randint(1, 160)}, {postcode} Bruxelles"
        household = _weighted({1: 40, 2: 30, 3: 15, 4: 10, 5: 5}, rng)
        for _person in range(min(household, size - count)):
            count += 1
            writer.writerow(
                [f"{prefix}-{count:05d}", address, code, _weighted(GENDERS, rng), _weighted(AGE_BANDS, rng)]
            )
    return out.getvalue()


def _residents(prefix: str, first_names: list[str]) -> list[User]:
    """Invented residents who cannot sign in (no password): they answer the invitations of the demo's lotteries."""
    unusable = make_password(None)
    emails = [f"{prefix}-{number:03d}@residents.demo.samen.brussels" for number in range(1, len(first_names) + 1)]
    User.objects.bulk_create(
        (
            User(email=email, display_name=name, password=unusable)
            for email, name in zip(emails, first_names, strict=True)
        ),
        ignore_conflicts=True,
    )
    return list(User.objects.filter(email__in=emails).order_by("email"))


def _answer(lottery: Lottery, entry: RegisterEntry, user: User, first_name: str, gender: str, rng: random.Random):
    services.register_volunteer(
        lottery=lottery,
        user=user,
        code=entry.code,
        first_name=first_name,
        features={"gender": gender, "age_band": entry.features["age_band"]},
        consent=True,
        show_name=rng.random() < 0.7,
    )


def _volunteers(lottery: Lottery, *, prefix: str, rng: random.Random, limit: int | None = None, first=None) -> None:
    """The invited who answer: the young less often, as in real lotteries; a few declare another gender.
    `first` is a demo account (key, first name, neighbourhood) who answers the first invitation to that neighbourhood.
    """
    invited = list(lottery.register.order_by("register_id"))
    if first is not None:
        user, name, code = first
        entry = next(entry for entry in invited if entry.neighbourhood_code == code)
        invited.remove(entry)
        _answer(lottery, entry, user, name, "man", rng)
    answering = [entry for entry in invited if rng.random() < ANSWER_RATES[entry.features["age_band"]]][:limit]
    genders = [_weighted({"x": 2, entry.features["gender"]: 98}, rng) for entry in answering]
    names = [rng.choice(FIRST_NAMES[gender].split()) for gender in genders]
    users = _residents(prefix, names)
    for entry, user, name, gender in zip(answering, users, names, genders, strict=True):
        _answer(lottery, entry, user, name, gender, rng)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BRUSSELS)


def _next_weekday(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _announcement(draw_day: date, game: str, numbers: dict[str, str]) -> dict[str, str]:
    weekday = {"nl": "dinsdag", "fr": "mardi", "en": "Tuesday"} if draw_day.weekday() == 1 else {}
    weekday = weekday or {"nl": "zaterdag", "fr": "samedi", "en": "Saturday"}
    day = draw_day.isoformat()
    return {
        "nl": f"De uitslag van de {game}-trekking van {weekday['nl']} {day}, geschreven als "
        f"“{game} {day}: {numbers['nl']}”, in de volgorde van de officiële uitslag.",
        "fr": f"Le résultat du tirage {game} du {weekday['fr']} {day}, écrit « {game} {day} : {numbers['fr']} », "
        "dans l'ordre du résultat officiel.",
        "en": f"The result of the {game} draw of {weekday['en']} {day}, written “{game} {day}: {numbers['en']}”, "
        "in the order of the official result.",
    }


def _numbers(game: str, rng: random.Random) -> str:
    """Invented numbers in the shape of the game's result: EuroMillions 5 of 50 + 2 of 12, Lotto 6 of 45 + bonus."""
    if game == "EuroMillions":
        main, extra = rng.sample(range(1, 51), 5), rng.sample(range(1, 13), 2)
    else:
        drawn = rng.sample(range(1, 46), 7)
        main, extra = drawn[:6], drawn[6:]
    return f"{' '.join(map(str, sorted(main)))} + {' '.join(map(str, sorted(extra)))}"


def _invitations(lottery: Lottery, manager, *, game: str, weekday: int, placeholder: dict, rng: random.Random):
    """Announce today that the invitations' seed is the result of the game's next draw, then draw them with it."""
    draw_day = _next_weekday(clock.today() + timedelta(days=3), weekday)
    services.announce_invitation_seed(
        lottery=lottery, manager=manager, source=_announcement(draw_day, game, placeholder), known_on=draw_day
    )
    numbers = _numbers(game, random.Random(rng.getrandbits(64)))  # noqa: S311 - invented numbers for the demo
    with clock.replaying(_at(draw_day + timedelta(days=1))):
        services.draw_invitations(lottery=lottery, manager=manager, seed=f"{game} {draw_day.isoformat()}: {numbers}")


def _nominations(council, people: dict, manager, term_start: date) -> None:
    with clock.replaying(_at(term_start - timedelta(days=10))):
        nominations = [
            (
                services.nominate_delegate(
                    council=council, user=people[key], association=association, delegate_name=name, statement=text
                ),
                approved,
            )
            for key, association, name, text, approved in NOMINATIONS
        ]
    with clock.replaying(_at(term_start - timedelta(days=4))):
        for nomination, approved in nominations:
            if approved:
                services.decide_nomination(nomination=nomination, manager=manager, approve=True)


def _resignation(council, term_start: date) -> None:
    """Two months into the term a member moves away; the seat goes down the reserve list, keeping the quotas."""
    seat = council.seats.filter(status=Seat.Status.HELD).select_related("volunteer__user").first()
    with clock.replaying(_at(term_start + timedelta(days=60))):
        offer = services.resign_seat(seat=seat, member=seat.volunteer.user)
    if offer is not None:
        with clock.replaying(_at(term_start + timedelta(days=64))):
            services.answer_offer(seat=offer, volunteer_user=offer.volunteer.user, accept=True)


LAEKEN_QUOTAS = {
    ("gender", "woman"): (7, 8),
    ("gender", "man"): (6, 8),
    ("gender", "x"): (0, 1),
    ("age_band", "16-24"): (1, 3),
    ("age_band", "25-34"): (2, 4),
    ("age_band", "35-44"): (2, 4),
    ("age_band", "45-54"): (2, 3),
    ("age_band", "55-64"): (1, 3),
    ("age_band", "65+"): (1, 3),
    ("neighbourhood", "19"): (4, 6),
    ("neighbourhood", "20"): (6, 8),
    ("neighbourhood", "75"): (2, 4),
}
LAEKEN_NUMBERS = "5 12 19 33 47 + 2 9"


def past_panel(process, ideas, *, people: dict, manager, rng: random.Random) -> None:
    """Laeken's council: the whole lottery, replayed, then the council's first months."""
    closed = phase_of_kind(process, REGISTRATION).period.last_day + timedelta(days=1)
    draw_day = _next_weekday(closed + timedelta(days=7), 1)  # EuroMillions draws on Tuesdays and Fridays
    placeholder = {"nl": "n1 n2 n3 n4 n5 + s1 s2", "fr": "n1 n2 n3 n4 n5 + é1 é2", "en": "n1 n2 n3 n4 n5 + s1 s2"}
    with replaying_during(process, "information"):
        lottery = services.create_lottery(
            process=process,
            panel_size=15,
            invitations=900,
            seed_announcement=_announcement(draw_day, "EuroMillions", placeholder),
        )
        text = register_csv(LAEKEN, prefix="LKN", postcode="1020", size=1500, rng=rng)
        services.upload_register(lottery=lottery, manager=manager, text=text)
        _invitations(lottery, manager, game="EuroMillions", weekday=1, placeholder=placeholder, rng=rng)
    with replaying_during(process, REGISTRATION, days=3):
        _volunteers(lottery, prefix="laeken", rng=rng, first=(people["lucas"], "Lucas", 20))
    term_start = draw_day + timedelta(days=14)
    with clock.replaying(_at(closed + timedelta(days=1))):
        services.set_quotas(lottery=lottery, manager=manager, bounds=LAEKEN_QUOTAS)
        services.freeze_pool(lottery=lottery, manager=manager, rng=rng)
        council = services.create_council(
            slug="laeken",
            name={"nl": "Wijkraad Laken", "fr": "Conseil de quartier de Laeken", "en": "Laeken neighbourhood council"},
            neighbourhood_codes=list(LAEKEN),
            drawn_seats=15,
            delegate_seats=5,
            term_start=term_start,
            term_end=term_start + timedelta(days=730),
            lottery=lottery,
        )
    with clock.replaying(_at(draw_day + timedelta(days=1))):
        services.draw_lottery(
            lottery=lottery, manager=manager, seed=f"EuroMillions {draw_day.isoformat()}: {LAEKEN_NUMBERS}"
        )
    _nominations(council, people, manager, term_start)
    _resignation(council, term_start)


def open_panel(process, ideas, *, people: dict, manager, rng: random.Random) -> None:
    """The Marolles panel: the invitations are out and the first 45 residents have answered; codes remain."""
    closed = phase_of_kind(process, REGISTRATION).period.last_day + timedelta(days=1)
    draw_day = _next_weekday(closed + timedelta(days=7), 5)  # Lotto draws on Wednesdays and Saturdays
    placeholder = {"nl": "n1 n2 n3 n4 n5 n6 + reservenummer", "fr": "n1 n2 n3 n4 n5 n6 + bonus"}
    with replaying_during(process, "information"):
        lottery = services.create_lottery(
            process=process,
            panel_size=12,
            invitations=300,
            seed_announcement=_announcement(draw_day, "Lotto", placeholder | {"en": "n1 n2 n3 n4 n5 n6 + bonus"}),
        )
        text = register_csv(MAROLLES, prefix="MRL", postcode="1000", size=600, rng=rng)
        services.upload_register(lottery=lottery, manager=manager, text=text)
        lotto = placeholder | {"en": "n1 n2 n3 n4 n5 n6 + bonus"}
        _invitations(lottery, manager, game="Lotto", weekday=5, placeholder=lotto, rng=rng)
    with replaying_during(process, REGISTRATION, days=1):
        _volunteers(lottery, prefix="marolles", rng=rng, limit=45)


def unused_codes(slug: str, count: int = 3) -> list[str]:
    """Invitation codes nobody has answered yet, for a visitor to try the answer form."""
    return list(
        RegisterEntry.objects.filter(lottery__process__slug=slug, code__isnull=False, volunteer__isnull=True)
        .order_by("register_id")
        .values_list("code", flat=True)[:count]
    )


STORIES = {"past_panel": past_panel, "open_panel": open_panel}
