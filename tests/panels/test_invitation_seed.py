"""The invitations' seed is announced before it is known, publicly and once; the invitations are drawn with it, so a
manager cannot try seeds until the list of invited residents suits them."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import formats, timezone

from samen.panels import services
from tests.panels.conftest import announce_seed, register_csv

pytestmark = pytest.mark.django_db


def url(name, lottery):
    return reverse(f"panels:{name}", kwargs={"slug": lottery.process.slug})


def _announcement(**overrides):
    tomorrow = timezone.localdate() + timedelta(days=1)
    return {
        "invitation_seed_announcement_nl": "De EuroMillions-nummers van morgen",
        "invitation_seed_announcement_fr": "Les numéros EuroMillions de demain",
        "invitation_seed_announcement_en": "",
        "invitation_seed_known_on": tomorrow.isoformat(),
    } | overrides


def test_the_invitations_cannot_be_drawn_before_the_seed_is_announced(client, manager, register_lottery):
    client.force_login(manager)

    response = client.post(url("draw_invitations", register_lottery), {"seed": "5 12 19 33 47"})

    register_lottery.refresh_from_db()
    assert response.status_code == 422
    assert "Announce where the invitations" in response.content.decode()
    assert (register_lottery.invitations_drawn_at, register_lottery.invitation_seed) == (None, "")
    assert list(register_lottery.register.exclude(code=None)) == []
    assert register_lottery.register.count() == 60


def test_the_manager_announces_the_seed_and_anyone_reads_it_with_its_date(client, manager, register_lottery):
    client.force_login(manager)

    response = client.post(url("announce_invitation_seed", register_lottery), _announcement())
    client.logout()
    page = client.get(url("lottery", register_lottery)).content.decode()

    register_lottery.refresh_from_db()
    today = formats.date_format(timezone.localdate())
    tomorrow = formats.date_format(timezone.localdate() + timedelta(days=1))
    assert response.status_code == 302
    assert register_lottery.invitation_seed_announcement_fr == "Les numéros EuroMillions de demain"
    assert '<span lang="fr">Les numéros EuroMillions de demain</span>' in page
    assert f"Announced on {today}, before the seed is known on {tomorrow}." in page


def test_a_seed_already_known_cannot_be_announced(manager, register_lottery):
    with pytest.raises(ValidationError) as refusal:
        services.announce_invitation_seed(
            lottery=register_lottery,
            manager=manager,
            source={"nl": "Lotto van gisteren", "fr": "Lotto d'hier"},
            known_on=timezone.localdate(),
        )

    register_lottery.refresh_from_db()
    assert refusal.value.code == "seed_known"
    assert register_lottery.invitation_seed_announced_at is None


def test_an_announcement_needs_dutch_and_french(client, manager, register_lottery):
    client.force_login(manager)

    response = client.post(
        url("announce_invitation_seed", register_lottery), _announcement(invitation_seed_announcement_nl="")
    )

    register_lottery.refresh_from_db()
    assert response.status_code == 422
    assert "Write the Dutch version too" in response.content.decode()
    assert register_lottery.invitation_seed_announced_at is None


def test_the_announcement_cannot_change_once_made(manager, register_lottery):
    announce_seed(register_lottery, manager)

    with pytest.raises(ValidationError) as refusal:
        services.announce_invitation_seed(
            lottery=register_lottery,
            manager=manager,
            source={"nl": "Een andere trekking", "fr": "Un autre tirage"},
            known_on=timezone.localdate() + timedelta(days=3),
        )

    register_lottery.refresh_from_db()
    assert refusal.value.code == "seed_announced"
    assert register_lottery.invitation_seed_announcement_fr == "Lotto du 2026-12-02"


def test_the_admin_shows_the_announcement_but_cannot_change_it(client, manager, register_lottery):
    announce_seed(register_lottery, manager)
    client.force_login(manager)

    client.post(
        reverse("admin:panels_lottery_change", args=[register_lottery.pk]),
        {
            "process": register_lottery.process.pk,
            "panel_size": register_lottery.panel_size,
            "invitations": register_lottery.invitations,
            "seed_announcement_nl": "Lotto",
            "seed_announcement_fr": "Lotto",
            "seed_announcement_en": "Lotto",
            "invitation_seed_announcement_fr": "Un autre tirage",
            "invitation_seed_known_on": (timezone.localdate() + timedelta(days=9)).isoformat(),
        },
    )
    page = client.get(reverse("admin:panels_lottery_change", args=[register_lottery.pk])).content.decode()

    register_lottery.refresh_from_db()
    assert register_lottery.invitation_seed_announcement_fr == "Lotto du 2026-12-02"
    assert register_lottery.invitation_seed_known_on == timezone.localdate() - timedelta(days=1)
    assert 'name="invitation_seed_announcement_fr"' not in page
    assert "Lotto du 2026-12-02" in page


def test_the_register_cannot_change_once_the_seed_is_announced(client, manager, register_lottery):
    announce_seed(register_lottery, manager)
    client.force_login(manager)

    response = client.post(
        url("upload_register", register_lottery),
        {"register": SimpleUploadedFile("register.csv", register_csv(40).encode())},
    )

    assert response.status_code == 422
    assert register_lottery.register.count() == 60


def test_the_invitations_cannot_be_drawn_before_the_seed_is_known(manager, register_lottery):
    services.announce_invitation_seed(
        lottery=register_lottery,
        manager=manager,
        source={"nl": "Lotto van morgen", "fr": "Lotto de demain"},
        known_on=timezone.localdate() + timedelta(days=1),
    )

    with pytest.raises(ValidationError) as refusal:
        services.draw_invitations(lottery=register_lottery, manager=manager, seed="3 11 17 28 36 41")

    register_lottery.refresh_from_db()
    assert refusal.value.code == "seed_not_known"
    assert register_lottery.invitations_drawn_at is None


def test_the_draw_records_the_seed_and_shows_it_beside_the_announcement(client, manager, register_lottery):
    announce_seed(register_lottery, manager)
    client.force_login(manager)

    response = client.post(url("draw_invitations", register_lottery), {"seed": "Lotto 2026-12-02: 3 11 17 28 36 41"})
    page = client.get(url("lottery", register_lottery)).content.decode()

    register_lottery.refresh_from_db()
    assert response.status_code == 302
    assert register_lottery.invitation_seed == "Lotto 2026-12-02: 3 11 17 28 36 41"
    assert register_lottery.register.count() == 30
    assert "The invitations were drawn with the seed “Lotto 2026-12-02: 3 11 17 28 36 41”." in page


def test_the_draw_needs_the_seed(client, manager, register_lottery):
    announce_seed(register_lottery, manager)
    client.force_login(manager)

    response = client.post(url("draw_invitations", register_lottery), {"seed": ""})

    register_lottery.refresh_from_db()
    assert response.status_code == 422
    assert register_lottery.invitations_drawn_at is None


def test_an_outsider_cannot_announce_the_seed_and_nothing_is_saved(client, outsider, register_lottery):
    client.force_login(outsider)

    response = client.post(url("announce_invitation_seed", register_lottery), _announcement())

    register_lottery.refresh_from_db()
    assert response.status_code == 403
    assert (register_lottery.invitation_seed_announced_at, register_lottery.invitation_seed_announcement_fr) == (
        None,
        "",
    )
    with pytest.raises(PermissionDenied):
        services.announce_invitation_seed(
            lottery=register_lottery,
            manager=outsider,
            source={"nl": "x", "fr": "x"},
            known_on=timezone.localdate() + timedelta(days=1),
        )
