"""A civic lottery at each step, built through the services: invitations drawn, answers in, pool frozen, drawn.

The register holds 60 invented residents of Laeken (neighbourhoods 19 and 20); 30 are invited; 12 answer; 4 seats.
"""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from samen.common import clock
from samen.panels import services
from tests.factories import PhaseFactory, ProcessFactory, UserFactory

SEED = "Lotto 2026-12-05: 3 11 17 28 36 41"
GENDERS = ["woman", "man"]
AGES = ["16-24", "25-34", "35-44", "45-54", "55-64", "65+"]


def register_csv(rows: int = 60, *, couples: bool = False) -> str:
    """Invented residents; with couples, residents 2k-1 and 2k share an address."""
    lines = ["id,address,neighbourhood,gender"]
    for n in range(1, rows + 1):
        house = (n + 1) // 2 if couples else n
        lines.append(f"R{n},Rue {house} 1020 Bruxelles,{19 if house % 3 == 0 else 20},{GENDERS[n % 2]}")
    return "\n".join(lines) + "\n"


def announce_seed(lottery, manager):
    """The invitations' seed announced three days ago, in Dutch and French, and known since yesterday."""
    with clock.replaying(timezone.now() - timedelta(days=3)):
        return services.announce_invitation_seed(
            lottery=lottery,
            manager=manager,
            source={"nl": "Lotto van 2026-12-02", "fr": "Lotto du 2026-12-02"},
            known_on=timezone.localdate() - timedelta(days=1),
        )


QUOTAS = {
    ("gender", "woman"): (2, 2),
    ("gender", "man"): (2, 2),
    ("neighbourhood", "19"): (1, 3),
    ("neighbourhood", "20"): (1, 3),
}


def lottery_at(stage: str, manager, *, volunteers: int = 12, households: bool = False, council: bool = False):
    """stage: "register" (nothing invited), "answering" (invitations out, phase open), "answered" (phase over),
    "frozen", or "drawn"."""
    today = timezone.localdate()
    days = (-5, 5) if stage in {"register", "answering"} else (-20, -1)
    process = ProcessFactory(scope="neighbourhood", neighbourhood_code=20)
    phase = PhaseFactory(
        process=process,
        kind="volunteer_registration",
        first_day=today + timedelta(days[0]),
        last_day=today + timedelta(days[1]),
    )
    lottery = services.create_lottery(
        process=process,
        panel_size=4,
        invitations=30,
        households=households,
        seed_announcement={"nl": "Lotto", "fr": "Lotto", "en": "Lotto"},
    )
    services.upload_register(lottery=lottery, manager=manager, text=register_csv(couples=households))
    if stage == "register":
        return lottery
    announce_seed(lottery, manager)
    services.draw_invitations(lottery=lottery, manager=manager, seed="7")
    invitations = list(lottery.register.order_by("pk"))
    during = timezone.make_aware(timezone.datetime.combine(phase.first_day, timezone.datetime.min.time())) + timedelta(
        hours=12
    )
    with clock.replaying(during):
        for n, entry in enumerate(invitations[:volunteers]):
            services.register_volunteer(
                lottery=lottery,
                user=UserFactory(),
                code=entry.code,
                first_name=f"Volunteer{n}",
                features={"gender": GENDERS[n % 2], "age_band": AGES[n % len(AGES)]},
                consent=True,
                show_name=n % 3 != 0,
            )
    if stage in {"answering", "answered"}:
        return lottery
    services.set_quotas(lottery=lottery, manager=manager, bounds=QUOTAS)
    lottery = services.freeze_pool(lottery=lottery, manager=manager, rng=random.Random(11))
    if stage == "frozen":
        return lottery
    if council:
        services.create_council(
            slug=f"council-{lottery.pk}",
            name={"nl": "Wijkraad Laken", "fr": "Conseil de quartier Laeken", "en": "Laeken council"},
            neighbourhood_codes=[19, 20],
            drawn_seats=4,
            delegate_seats=2,
            term_start=today,
            term_end=today + timedelta(days=730),
            lottery=lottery,
        )
    return services.draw_lottery(lottery=lottery, manager=manager, seed=SEED)


@pytest.fixture
def register_lottery(manager):
    return lottery_at("register", manager)


@pytest.fixture
def answering_lottery(manager):
    return lottery_at("answering", manager)


@pytest.fixture
def answered_lottery(manager):
    return lottery_at("answered", manager)


@pytest.fixture
def frozen_lottery(manager):
    return lottery_at("frozen", manager)


@pytest.fixture
def drawn_lottery(manager):
    return lottery_at("drawn", manager)


@pytest.fixture
def council(manager):
    return lottery_at("drawn", manager, council=True).council
