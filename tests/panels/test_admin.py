"""The lottery's rules can change until residents have read them in their invitation letter."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def change(client, lottery, **fields):
    data = {
        "process": lottery.process.pk,
        "panel_size": lottery.panel_size,
        "invitations": lottery.invitations,
        "stratify_invitations": "on",
        "seed_announcement_nl": "Lotto",
        "seed_announcement_fr": "Lotto",
        "seed_announcement_en": "Lotto",
    } | fields
    return client.post(reverse("admin:panels_lottery_change", args=[lottery.pk]), data)


def test_a_manager_changes_the_rules_before_the_invitations(client, manager, register_lottery):
    client.force_login(manager)

    response = change(client, register_lottery, panel_size=6)

    assert response.status_code == 302
    register_lottery.refresh_from_db()
    assert register_lottery.panel_size == 6


def test_the_rules_are_read_only_once_the_invitations_are_drawn(client, manager, answering_lottery):
    client.force_login(manager)

    change(client, answering_lottery, panel_size=6, invitations=2)

    answering_lottery.refresh_from_db()
    assert (answering_lottery.panel_size, answering_lottery.invitations) == (4, 30)


def test_a_resident_cannot_reach_the_lottery_admin(client, resident, register_lottery):
    client.force_login(resident)

    response = change(client, register_lottery, panel_size=6)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    register_lottery.refresh_from_db()
    assert register_lottery.panel_size == 4
