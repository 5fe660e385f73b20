"""The participation indicators the platform computes: people, not accounts; per 1,000 residents of the newest
population table; how far participants' neighbourhoods and ages are from the residents'."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from samen.accounts.models import VerificationTransfer
from samen.accounts.verification import decide_transfer, verify_with_document
from samen.city.models import Domain, IndicatorValue, PopulationCount, PopulationTable
from samen.city.services import add_computed_indicator, compute_indicators
from samen.demo.identities import invented_document_number
from tests.factories import IdeaFactory, SupportFactory, UserFactory
from tests.initiatives.conftest import Census

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)


@pytest.fixture
def domain():
    return Domain.objects.get(slug="participative-exemplary")


@pytest.fixture
def population():
    """Laeken (20): 600 residents, Ixelles' neighbourhood 44: 400; ages 16-24 and 25-64 and 65+."""
    table = PopulationTable.objects.create(title="Test", reference_date=date(2026, 1, 1), invented=True)
    for code, band, count in [(20, "16-24", 100), (20, "25-64", 400), (20, "65+", 100), (44, "25-64", 400)]:
        PopulationCount.objects.create(table=table, neighbourhood_code=code, age_band=band, gender="woman", count=count)
    return table


def one_person_two_accounts(neighbourhood_code=20):
    """A verified resident whose verification moved from an old account to a new one (both in Laeken)."""
    administrator = UserFactory(role="administrator", is_staff=True)
    census = Census(administrator)
    number, born = census.add(date(1990, 6, 1))
    old, new = UserFactory(neighbourhood_code=neighbourhood_code), UserFactory(neighbourhood_code=neighbourhood_code)
    proof = {"national_number": number, "born_on": born, "document_number": invented_document_number(number)}
    verify_with_document(user=old, **proof)
    with pytest.raises(ValidationError):
        verify_with_document(user=new, **proof)
    decide_transfer(transfer=VerificationTransfer.objects.get(), administrator=administrator, approve=True)
    return old, new


def value_of(code: str) -> IndicatorValue:
    return IndicatorValue.objects.get(indicator__code=code, date=TODAY)


def test_a_person_with_two_accounts_counts_once_among_participants(domain, open_process):
    add_computed_indicator(code="participants", domain=domain)
    old, new = one_person_two_accounts()
    theme = open_process.themes.first()
    IdeaFactory(process=open_process, theme=theme, author=old)
    IdeaFactory(process=open_process, theme=theme, author=new)
    IdeaFactory(process=open_process, theme=theme, author=UserFactory(neighbourhood_code=44))

    compute_indicators(today=TODAY)

    stored = value_of("participants")
    assert stored.value == 2
    assert stored.breakdown == {"20": "1.000", "44": "1.000"}


def test_participants_per_thousand_residents_in_the_whole_and_per_neighbourhood(domain, population, open_process):
    add_computed_indicator(code="participants-per-1000", domain=domain)
    theme = open_process.themes.first()
    for home in (20, 20, 20, 44, None):
        IdeaFactory(process=open_process, theme=theme, author=UserFactory(neighbourhood_code=home))

    compute_indicators(today=TODAY)

    stored = value_of("participants-per-1000")
    assert stored.value == Decimal(5)  # 5 people (one without a home neighbourhood) of 1,000 residents
    assert stored.breakdown == {"20": "5.000", "44": "2.500"}


def test_without_a_population_table_nothing_per_resident_is_stored(domain, open_process):
    add_computed_indicator(code="participants-per-1000", domain=domain)

    assert compute_indicators(today=TODAY) == {"participants-per-1000": None}
    assert IndicatorValue.objects.count() == 0


def test_representativeness_by_neighbourhood_is_the_dissimilarity_in_percent(domain, population, open_process):
    add_computed_indicator(code="representativeness-neighbourhood", domain=domain)
    theme = open_process.themes.first()
    for home in (20, 20, 20, 20):  # everyone from Laeken, which has 60% of the residents
        IdeaFactory(process=open_process, theme=theme, author=UserFactory(neighbourhood_code=home))

    compute_indicators(today=TODAY)

    assert value_of("representativeness-neighbourhood").value == Decimal(40)


def test_representativeness_by_age_reads_the_verified_persons_birth_date(domain, population, open_process):
    add_computed_indicator(code="representativeness-age", domain=domain)
    old, new = one_person_two_accounts()  # born in 1990: 36 on TODAY, in the 25-64 band (80% of residents)
    IdeaFactory(process=open_process, theme=open_process.themes.first(), author=old)
    SupportFactory(idea=IdeaFactory(process=open_process, theme=open_process.themes.first()), resident=new)

    compute_indicators(today=TODAY)

    assert value_of("representativeness-age").value == Decimal(20)


def test_counts_of_ideas_and_a_second_run_the_same_day_replaces_the_value(domain, open_process, idea):
    add_computed_indicator(code="ideas-posted", domain=domain)
    compute_indicators(today=TODAY)
    IdeaFactory(process=open_process, theme=open_process.themes.first())

    compute_indicators(today=TODAY)

    assert value_of("ideas-posted").value == 2
    assert IndicatorValue.objects.count() == 1


def test_drafts_count_for_nobody(domain, open_process, idea):
    add_computed_indicator(code="ideas-posted", domain=domain)
    add_computed_indicator(code="participants", domain=domain)
    open_process.status = "draft"
    open_process.save()

    compute_indicators(today=TODAY)

    assert value_of("ideas-posted").value == 0
    assert value_of("participants").value == 0


def test_the_command_stores_every_computed_indicator(domain, open_process, idea, capsys):
    for code in ("ballots-cast", "signatures", "initiatives-overdue"):
        add_computed_indicator(code=code, domain=domain)

    call_command("compute_indicators")

    assert sorted(IndicatorValue.objects.values_list("indicator__code", "value")) == [
        ("ballots-cast", 0),
        ("initiatives-overdue", 0),
        ("signatures", 0),
    ]
