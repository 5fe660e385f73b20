"""Verified residents of the City of Brussels on its census list, and an initiative at each step of its life."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from samen.accounts.verification import upload_census, verify_with_document
from samen.common import clock
from samen.demo.identities import invented_document_number, invented_national_number
from samen.initiatives import services
from samen.initiatives.models import Initiative
from tests.factories import UserFactory

CITY = "21004"
TEXTS = {
    "title": {"nl": "Meer bomen in Laken", "fr": "Plus d'arbres à Laeken", "en": "More trees in Laeken"},
    "text": {"nl": "De gemeenteraad plant 500 bomen.", "fr": "Le conseil communal plante 500 arbres."},
    "reasons": {"nl": "Schaduw en koelte.", "fr": "De l'ombre et de la fraîcheur."},
}


class Census:
    """People on the City's census list (the list holds everyone at once; each test adds who it needs)."""

    def __init__(self, administrator):
        self.administrator, self.people = administrator, []

    def add(self, born: date, postcode: str = "1020") -> tuple[str, date]:
        person = (invented_national_number(born, 100 + len(self.people)), born, postcode)
        self.people.append(person)
        rows = ["national_number,birth_date,postcode,document_number"]
        rows += [f"{n},{b.isoformat()},{p},{invented_document_number(n)}" for n, b, p in self.people]
        upload_census(municipality_nis=CITY, uploader=self.administrator, text="\n".join(rows) + "\n")
        return person[0], born

    def verified(self, born: date = date(1980, 1, 1), **user_fields):
        number, born = self.add(born)
        user = UserFactory(**user_fields)
        verify_with_document(
            user=user, national_number=number, born_on=born, document_number=invented_document_number(number)
        )
        return user


@pytest.fixture
def census(db):
    return Census(UserFactory(role="administrator", is_staff=True))


@pytest.fixture
def kind(db):
    return services.create_kind(
        name={"nl": "Burgerinitiatief Stad Brussel", "fr": "Initiative citoyenne Ville de Bruxelles"},
        municipality_nis=CITY,
        threshold=3,
        committee_size=2,
        secretariat_email="conseil@bruxelles.example",
    )


def initiative_at(stage: str, *, kind, census, manager) -> Initiative:
    """stage: "draft", "submitted", "collecting", "transmitted" (the council's clock started today)."""
    author = census.verified()
    initiative = services.draft_initiative(kind=kind, author=author, **TEXTS)
    if stage == "draft":
        return initiative
    second = census.verified()
    promoter = services.invite_promoter(initiative=initiative, author=author, email=second.email)
    services.accept_promotion(promoter=promoter, user=second)
    initiative = services.submit_initiative(initiative=initiative, author=author)
    if stage == "submitted":
        return initiative
    if stage == "collecting":
        return services.review_admissibility(initiative=initiative, staff=manager, admit=True)
    long_ago = timezone.now() - timedelta(days=400)
    with clock.replaying(long_ago):
        initiative = services.review_admissibility(initiative=initiative, staff=manager, admit=True)
        for _ in range(kind.threshold):
            services.sign(initiative=initiative, user=census.verified())
    services.run_daily()
    initiative.refresh_from_db()
    return initiative


@pytest.fixture
def draft(kind, census, manager):
    return initiative_at("draft", kind=kind, census=census, manager=manager)


@pytest.fixture
def submitted(kind, census, manager):
    return initiative_at("submitted", kind=kind, census=census, manager=manager)


@pytest.fixture
def collecting(kind, census, manager):
    return initiative_at("collecting", kind=kind, census=census, manager=manager)


@pytest.fixture
def transmitted(kind, census, manager):
    return initiative_at("transmitted", kind=kind, census=census, manager=manager)
