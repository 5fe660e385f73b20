import pytest
from django.urls import reverse

from samen.accounts.models import User
from samen.accounts.services import assign_role
from samen.processes.models import Process

pytestmark = pytest.mark.django_db


def _process_form(**overrides):
    data = {
        "slug": "marolles",
        "status": "published",
        "title_nl": "Marollen",
        "title_fr": "Marolles",
        "title_en": "Marolles",
        "description_nl": "",
        "description_fr": "",
        "description_en": "",
        "scope": "neighbourhood",
        "municipality_nis": "",
        "neighbourhood_code": "8",
        "voters": "",
        "minimum_age": "0",
        "themes-TOTAL_FORMS": "1",
        "themes-INITIAL_FORMS": "0",
        "themes-0-slug": "green",
        "themes-0-name_nl": "Groen",
        "themes-0-name_fr": "Verdure",
        "themes-0-name_en": "Green",
        "themes-0-position": "0",
        "phases-TOTAL_FORMS": "2",
        "phases-INITIAL_FORMS": "0",
        "phases-0-kind": "information",
        "phases-0-first_day": "2026-01-01",
        "phases-0-last_day": "2026-01-31",
        "phases-1-kind": "idea_collection",
        "phases-1-first_day": "2026-02-01",
        "phases-1-last_day": "2026-02-28",
    }
    return data | overrides


def test_a_process_manager_creates_a_process_with_themes_and_phases_in_the_admin(client, manager):
    client.force_login(manager)

    response = client.post(reverse("admin:processes_process_add"), _process_form())

    process = Process.objects.get()
    assert response.status_code == 302
    assert (process.title_nl, process.title_fr, process.neighbourhood_code) == ("Marollen", "Marolles", 8)
    assert [theme.name_nl for theme in process.themes.all()] == ["Groen"]
    assert [phase.kind for phase in process.phases.all()] == ["information", "idea_collection"]


def test_overlapping_phases_are_refused_in_the_admin(client, manager):
    client.force_login(manager)

    response = client.post(
        reverse("admin:processes_process_add"), _process_form(**{"phases-1-first_day": "2026-01-31"})
    )

    assert response.status_code == 200
    assert "Phases may not overlap" in response.content.decode()
    assert not Process.objects.exists()


def test_publishing_without_a_french_title_is_refused_in_the_admin(client, manager):
    client.force_login(manager)

    response = client.post(reverse("admin:processes_process_add"), _process_form(title_fr=""))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "title_fr": ["Write the French version too: Brussels publishes in Dutch and French."]
    }
    assert not Process.objects.exists()


def test_a_resident_or_moderator_cannot_reach_the_admin(client, resident, moderator):
    for person in (resident, moderator):
        client.force_login(person)

        response = client.post(reverse("admin:processes_process_add"), _process_form())

        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
    assert not Process.objects.exists()


def test_a_process_manager_cannot_manage_accounts(client, manager):
    client.force_login(manager)

    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403


def test_assigning_the_manager_role_opens_the_admin_and_taking_it_back_closes_it(resident):
    assign_role(user=resident, role=User.Role.PROCESS_MANAGER)
    opened = resident.is_staff
    assign_role(user=resident, role=User.Role.RESIDENT)

    assert (opened, resident.is_staff) == (True, False)


def test_the_admin_says_which_official_version_of_a_description_is_missing(client, manager):
    client.force_login(manager)

    response = client.post(
        reverse("admin:processes_process_add"),
        _process_form(description_nl="Een plein voor iedereen.", description_en="A square for everyone."),
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "description_fr": ["Write the French version too: Brussels publishes in Dutch and French."]
    }
    assert not Process.objects.exists()


def test_a_phase_titled_only_in_english_is_refused_in_the_admin(client, manager):
    client.force_login(manager)

    response = client.post(reverse("admin:processes_process_add"), _process_form(**{"phases-0-title_en": "Intro"}))

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][1].formset.errors[0] == {
        "title_nl": ["Write the Dutch version too: Brussels publishes in Dutch and French."],
        "title_fr": ["Write the French version too: Brussels publishes in Dutch and French."],
    }
    assert not Process.objects.exists()
