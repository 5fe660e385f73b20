"""The demo's panels, built as `seed_demo` builds them: Laeken's council drawn and seated, the Marolles panel open."""

import json
import shlex
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.accounts.models import User
from samen.algorithms.cli import main as samen
from samen.demo.loader import load_demo
from samen.panels.models import Council, Lottery, RegisterEntry, Volunteer

pytestmark = pytest.mark.django_db

LAEKEN = "laeken-neighbourhood-council"
MAROLLES = "marolles-citizens-panel"


def url(name, slug):
    return reverse(f"panels:{name}", kwargs={"slug": slug})


def test_laekens_council_seats_fifteen_drawn_members_within_the_quotas_beside_its_delegates():
    load_demo(slugs={LAEKEN})

    council = Council.objects.get(slug="laeken")
    held = [seat.volunteer.features for seat in council.seats.filter(status="held").select_related("volunteer")]
    outside = [
        (quota.category, quota.value)
        for quota in council.lottery.quotas.all()
        if not quota.minimum <= sum(features[quota.category] == quota.value for features in held) <= quota.maximum
    ]
    assert len(held) == 15
    assert outside == []
    assert Counter(council.seats.values_list("status", flat=True)) == {"held": 15, "resigned": 1}
    assert council.seats.get(status="held", replaces__isnull=False).volunteer.reserve_rank is not None
    assert Counter(council.nominations.values_list("status", flat=True)) == {"approved": 3, "nominated": 1}
    assert council.term_start <= timezone.localdate() < council.term_end


def test_anyone_recounts_laekens_published_draw_from_the_downloads(client, tmp_path, capsys):
    load_demo(slugs={LAEKEN})
    lottery = Lottery.objects.get(process__slug=LAEKEN)
    for name, file in (("pool_file", "pool.csv"), ("quotas_file", "quotas.csv")):
        (tmp_path / file).write_bytes(client.get(url(name, LAEKEN)).content)
    published = json.loads(client.get(url("draw_file", LAEKEN)).content)
    command = shlex.split(client.get(url("lottery", LAEKEN)).context["recount"])

    status = samen([str(tmp_path / arg) if arg.endswith(".csv") else arg for arg in command[1:]])

    recounted = json.loads(capsys.readouterr().out)
    assert status == 0
    assert lottery.seed.startswith("EuroMillions ")
    assert f"{lottery.seed.split(':')[0]}:" in lottery.seed_announcement_en
    assert lottery.invitation_seed_announced_at < lottery.invitations_drawn_at
    assert f"{lottery.invitation_seed.split(':')[0]}:" in lottery.invitation_seed_announcement_en
    assert recounted["panel"] == published["panel"]
    assert recounted["probabilities"] == published["probabilities"]
    assert lottery.volunteers.count() > 250


def test_the_marolles_panel_accepts_an_answer_with_a_printed_code(client, resident):
    code = load_demo(slugs={MAROLLES}).invitation_codes[MAROLLES][0]
    client.force_login(resident)

    response = client.post(
        url("volunteer", MAROLLES),
        {"code": code, "first_name": "Lucas", "gender": "man", "age_band": "25-34", "consent": "on"},
    )

    assert response.status_code == 302
    assert Volunteer.objects.get(user=resident).invitation.code == code
    assert code not in load_demo(slugs={MAROLLES}).invitation_codes[MAROLLES]


def test_loading_the_demo_twice_adds_nothing():
    load_demo(slugs={MAROLLES})
    before = [model.objects.count() for model in (User, Lottery, RegisterEntry, Volunteer)]

    report = load_demo(slugs={MAROLLES})

    assert report.processes_created == []
    assert [model.objects.count() for model in (User, Lottery, RegisterEntry, Volunteer)] == before
