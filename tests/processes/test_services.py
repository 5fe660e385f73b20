from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from samen.processes import services
from samen.processes.models import Process
from tests.factories import PhaseFactory, ProcessFactory

pytestmark = pytest.mark.django_db


def test_create_process_stores_each_language_in_its_own_column():
    process = services.create_process(
        slug="quartier-nord", title={"nl": "Noordwijk", "fr": "Quartier Nord", "en": "North district"}
    )

    assert (process.title_nl, process.title_fr, process.title_en) == (
        "Noordwijk",
        "Quartier Nord",
        "North district",
    )
    assert process.status == Process.Status.DRAFT


def test_a_process_without_a_dutch_title_cannot_be_published():
    process = services.create_process(slug="fr-only", title={"fr": "Seulement en français"})

    with pytest.raises(ValidationError) as error:
        services.publish_process(process=process)

    assert error.value.message_dict == {
        "title_nl": ["Write the Dutch version too: Brussels publishes in Dutch and French."]
    }
    process.refresh_from_db()
    assert process.status == Process.Status.DRAFT


def test_the_database_itself_refuses_a_published_process_without_french_title():
    with pytest.raises(IntegrityError):
        Process.objects.create(slug="x", title_nl="Alleen Nederlands", status=Process.Status.PUBLISHED)


def test_a_neighbourhood_process_must_name_its_neighbourhood():
    with pytest.raises(ValidationError):
        services.create_process(slug="wijk", title={"nl": "Wijk", "fr": "Quartier"}, scope="neighbourhood")


def test_phases_that_share_a_day_are_refused():
    process = ProcessFactory()
    PhaseFactory(process=process, first_day=date(2020, 6, 5), last_day=date(2020, 6, 21))

    with pytest.raises(ValidationError) as error:
        services.add_phase(process=process, kind="information", first_day=date(2020, 6, 21), last_day=date(2020, 7, 1))

    assert error.value.code == "phases_overlap"
    assert process.phases.count() == 1


def test_a_phase_ending_before_it_starts_is_refused():
    process = ProcessFactory()

    with pytest.raises(ValidationError):
        services.add_phase(process=process, kind="information", first_day=date(2020, 7, 1), last_day=date(2020, 6, 1))


def test_an_unknown_kind_of_phase_is_refused():
    process = ProcessFactory()

    with pytest.raises(ValidationError) as error:
        services.add_phase(process=process, kind="coffee", first_day=date(2020, 7, 1), last_day=date(2020, 7, 2))

    assert error.value.code == "unknown_phase_kind"


def test_a_new_process_asks_for_verified_residents_unless_told_otherwise():
    verified = services.create_process(slug="verified", title={"nl": "Geverifieerd", "fr": "Vérifié"})
    open_vote = services.create_process(slug="open", title={"nl": "Open", "fr": "Ouvert"}, voters="")

    assert (verified.voters, open_vote.voters) == ("any", "")
    assert Process(slug="unsaved").voters == "any"
