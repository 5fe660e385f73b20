"""The two-stage lottery from the register to the published draw, as a manager, a volunteer and anyone see it."""

import csv
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samen.algorithms.cli import main as samen
from samen.panels import services
from samen.panels.models import Volunteer
from tests.panels.conftest import QUOTAS, SEED, announce_seed, lottery_at, register_csv

pytestmark = pytest.mark.django_db


def url(name, lottery):
    return reverse(f"panels:{name}", kwargs={"slug": lottery.process.slug})


# The register and the invitations


def test_register_upload_counts_each_neighbourhood(register_lottery):
    assert register_lottery.register.count() == 60
    assert register_lottery.population["neighbourhood"] == {"19": 20, "20": 40}
    assert register_lottery.population["gender"] == {"woman": 30, "man": 30}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,address\nR1,Rue 1\n", "Line 1: the register needs the columns id, address and neighbourhood; missing"),
        ("id,address,neighbourhood\nR1,Rue 1,20\nR2,Rue 2,999\n", "Line 3: 999 is not a neighbourhood code"),
        ("id,address,neighbourhood\nR1,Rue 1,20\nR1,Rue 2,20\n", "Line 3: the id R1 is already on line 2."),
        ("id,address,neighbourhood,gender\nR1,Rue 1,20,female\n", "Line 2: female is not a value of gender"),
    ],
)
def test_a_wrong_register_is_refused_naming_the_line_and_the_old_one_is_kept(
    client, manager, register_lottery, text, message
):
    client.force_login(manager)

    response = client.post(
        url("upload_register", register_lottery), {"register": SimpleUploadedFile("register.csv", text.encode())}
    )

    assert response.status_code == 422
    assert message in response.content.decode()
    assert register_lottery.register.count() == 60


def test_invitations_follow_each_neighbourhoods_share_and_the_rest_of_the_register_is_erased(manager, register_lottery):
    announce_seed(register_lottery, manager)

    invited = services.draw_invitations(lottery=register_lottery, manager=manager, seed="1")

    entries = list(register_lottery.register.all())
    assert invited == 30
    assert len(entries) == 30
    assert sum(entry.neighbourhood_code == 19 for entry in entries) == 10
    assert len({entry.code for entry in entries}) == 30
    assert all(len(entry.code) == 10 for entry in entries)


def test_the_same_register_and_seed_give_the_same_invitations_whatever_the_files_order(manager):
    first, second = lottery_at("register", manager), lottery_at("register", manager)
    lines = register_csv().splitlines()
    services.upload_register(lottery=second, manager=manager, text="\n".join([lines[0], *reversed(lines[1:])]))

    for lottery in (first, second):
        announce_seed(lottery, manager)
        services.draw_invitations(lottery=lottery, manager=manager, seed="audit-2026")

    invited = [set(lottery.register.values_list("register_id", flat=True)) for lottery in (first, second)]
    assert invited[0] == invited[1]
    assert first.register.first().code != second.register.get(register_id=first.register.first().register_id).code
    first.refresh_from_db()
    assert first.invitation_seed == "audit-2026"


def test_invitations_are_drawn_once(manager, answering_lottery):
    with pytest.raises(ValidationError) as refusal:
        services.draw_invitations(lottery=answering_lottery, manager=manager, seed="7")

    assert refusal.value.code == "invitations_drawn"


def test_an_outsider_cannot_upload_a_register_draw_invitations_or_read_the_letters(client, outsider, register_lottery):
    client.force_login(outsider)
    upload = SimpleUploadedFile("register.csv", register_csv(5).encode())

    responses = [
        client.get(url("manage", register_lottery)),
        client.post(url("upload_register", register_lottery), {"register": upload}),
        client.post(url("draw_invitations", register_lottery)),
        client.get(url("letters", register_lottery)),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403, 403]
    register_lottery.refresh_from_db()
    assert register_lottery.register.count() == 60
    assert register_lottery.invitations_drawn_at is None


def test_the_manager_downloads_the_letters_with_addresses_and_codes(client, manager, answering_lottery):
    client.force_login(manager)

    response = client.get(url("letters", answering_lottery))

    rows = list(csv.reader(response.content.decode().splitlines()))
    entry = answering_lottery.register.order_by("register_id").first()
    assert rows[0] == ["register_id", "address", "neighbourhood", "code"]
    assert len(rows) == 31
    assert [entry.register_id, entry.address, str(entry.neighbourhood_code), entry.code] in rows


@pytest.mark.parametrize("address", ["=1+1", "\t=1+1", "\r=1+1", "@SUM(1)"])
def test_an_address_a_spreadsheet_would_run_comes_out_of_the_letters_as_text(
    client, manager, answering_lottery, address
):
    entry = answering_lottery.register.exclude(code=None).order_by("register_id").first()
    entry.address = address
    entry.save()
    client.force_login(manager)

    response = client.get(url("letters", answering_lottery))

    rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    assert rows[1] == [entry.register_id, f"'{address}", str(entry.neighbourhood_code), entry.code]


# Answering an invitation


def answer(client, lottery, invitation_code, **extra):
    data = {
        "code": invitation_code,
        "first_name": "Amira",
        "gender": "woman",
        "age_band": "25-34",
        "consent": "on",
    } | extra
    return client.post(url("volunteer", lottery), data)


def free_code(lottery) -> str:
    return lottery.register.filter(volunteer__isnull=True).first().code


def test_an_invited_resident_answers_with_the_code_from_the_letter(client, resident, answering_lottery):
    client.force_login(resident)
    code = free_code(answering_lottery)

    response = answer(client, answering_lottery, f" {code[:5].lower()}-{code[5:]} ")

    assert response.status_code == 302
    volunteer = Volunteer.objects.get(user=resident)
    assert volunteer.features == {
        "gender": "woman",
        "age_band": "25-34",
        "neighbourhood": str(volunteer.invitation.neighbourhood_code),
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"code": "WRONGCODE2"}, "This invitation code is not valid for this lottery."),
        ({"consent": ""}, "To take part in the draw, tick that you agree."),
    ],
)
def test_a_wrong_code_or_no_consent_is_refused(client, resident, answering_lottery, extra, message):
    client.force_login(resident)

    response = answer(client, answering_lottery, free_code(answering_lottery), **extra)

    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Volunteer.objects.filter(user=resident).exists()


def test_a_code_answers_once_and_a_person_answers_once(client, resident, outsider, answering_lottery):
    used = answering_lottery.volunteers.first().invitation.code
    client.force_login(resident)
    answer(client, answering_lottery, free_code(answering_lottery))

    again = answer(client, answering_lottery, free_code(answering_lottery))
    client.force_login(outsider)
    reused = answer(client, answering_lottery, used)

    assert again.status_code == 422
    assert "You have already answered an invitation for this lottery." in again.content.decode()
    assert reused.status_code == 422
    assert "This invitation has already been answered." in reused.content.decode()
    assert answering_lottery.volunteers.count() == 13


def test_invitations_cannot_be_answered_after_the_phase(client, resident, answered_lottery):
    client.force_login(resident)

    response = answer(client, answered_lottery, free_code(answered_lottery))

    assert response.status_code == 403
    assert not Volunteer.objects.filter(user=resident).exists()


# Quotas, freezing the pool, the draw


def test_quotas_are_suggested_from_the_registers_shares(manager, answered_lottery):
    from samen.panels.queries import suggested_quotas

    suggestions = suggested_quotas(answered_lottery)

    # 4 seats; neighbourhood 19 holds a third of the register (1.33 seats), 20 two thirds; no register ages.
    assert suggestions["neighbourhood", "19"] == (0, 3)
    assert suggestions["neighbourhood", "20"] == (1, 4)
    assert suggestions["gender", "woman"] == (1, 3)
    assert suggestions["age_band", "65+"] == (0, 4)


def test_quotas_out_of_range_are_refused_in_the_form(client, manager, answered_lottery):
    client.force_login(manager)
    form = client.get(url("quotas", answered_lottery)).context["form"]
    data = {name: field.initial for name, field in form.fields.items()} | {"max-gender-woman": 9}

    response = client.post(url("quotas", answered_lottery), data)

    assert response.status_code == 422
    assert not answered_lottery.quotas.exists()


def test_the_pool_cannot_be_frozen_while_invitations_can_be_answered(manager, answering_lottery):
    services.set_quotas(lottery=answering_lottery, manager=manager, bounds=QUOTAS)

    with pytest.raises(ValidationError) as refusal:
        services.freeze_pool(lottery=answering_lottery, manager=manager)

    assert refusal.value.code == "too_early"


def test_the_frozen_pool_is_public_without_names_or_addresses(client, frozen_lottery):
    response = client.get(url("pool_file", frozen_lottery))

    text = response.content.decode()
    lines = text.splitlines()
    assert lines[0] == "id,gender,neighbourhood"
    assert sorted(int(line.split(",")[0]) for line in lines[1:]) == list(range(1, 13))
    assert "Volunteer" not in text
    assert "Rue" not in text
    assert client.get(url("draw_file", frozen_lottery)).status_code == 404


def test_files_are_not_public_before_the_pool_is_frozen(client, answered_lottery):
    assert client.get(url("pool_file", answered_lottery)).status_code == 404
    assert client.get(url("quotas_file", answered_lottery)).status_code == 404


def test_the_quotas_cannot_change_once_the_pool_is_frozen(manager, frozen_lottery):
    with pytest.raises(ValidationError) as refusal:
        services.set_quotas(lottery=frozen_lottery, manager=manager, bounds=QUOTAS)

    assert refusal.value.code == "pool_frozen"


def test_an_outsider_cannot_set_quotas_freeze_or_draw(client, outsider, answered_lottery):
    client.force_login(outsider)

    responses = [
        client.post(url("quotas", answered_lottery), {}),
        client.post(url("freeze", answered_lottery)),
        client.post(url("draw", answered_lottery), {"seed": SEED}),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    answered_lottery.refresh_from_db()
    assert not answered_lottery.quotas.exists()
    assert answered_lottery.pool_frozen_at is None
    assert answered_lottery.drawn_at is None
    assert not answered_lottery.jobs.exists()
    with pytest.raises(PermissionDenied):
        services.draw_lottery(lottery=answered_lottery, manager=outsider, seed=SEED)


def test_the_draw_meets_the_quotas_and_gives_everyone_their_probability(drawn_lottery):
    panel = list(drawn_lottery.volunteers.filter(selected=True))
    reserve = sorted(drawn_lottery.volunteers.filter(selected=False), key=lambda v: v.reserve_rank)

    assert len(panel) == 4
    assert sorted(v.features["gender"] for v in panel) == ["man", "man", "woman", "woman"]
    assert [v.reserve_rank for v in reserve] == list(range(1, 9))
    assert sum(v.probability for v in drawn_lottery.volunteers.all()) == pytest.approx(4)
    assert sorted(drawn_lottery.outcome["panel"], key=int) == sorted((v.pseudonym for v in panel), key=int)


def test_a_draw_is_never_repeated(manager, drawn_lottery):
    with pytest.raises(ValidationError) as refusal:
        services.draw_lottery(lottery=drawn_lottery, manager=manager, seed="another seed")

    assert refusal.value.code == "drawn"
    drawn_lottery.refresh_from_db()
    assert drawn_lottery.seed == SEED


def test_anyone_recounts_the_published_draw_from_the_downloads(client, drawn_lottery, tmp_path, capsys):
    for name, file in (("pool_file", "pool.csv"), ("quotas_file", "quotas.csv")):
        (tmp_path / file).write_bytes(client.get(url(name, drawn_lottery)).content)
    published = json.loads(client.get(url("draw_file", drawn_lottery)).content)
    command = client.get(url("lottery", drawn_lottery)).context["recount"]
    argv = command.split(" ", 1)[1].replace("'", "")
    args = argv.replace(SEED, "SEED").split()
    args = [SEED if arg == "SEED" else arg for arg in args]

    status = samen([*args[:1], *[str(tmp_path / a) if a.endswith(".csv") else a for a in args[1:]]])

    recounted = json.loads(capsys.readouterr().out)
    assert status == 0
    assert recounted["panel"] == published["panel"]
    assert recounted["probabilities"] == published["probabilities"]
    assert recounted["seed"] == SEED


def test_each_volunteer_reads_their_own_chance_and_place(client, drawn_lottery):
    drawn = drawn_lottery.volunteers.filter(selected=True).first()
    waiting = drawn_lottery.volunteers.get(reserve_rank=2)

    client.force_login(drawn.user)
    mine = client.get(url("lottery", drawn_lottery)).content.decode()
    client.force_login(waiting.user)
    theirs = client.get(url("lottery", drawn_lottery)).content.decode()

    assert "You were drawn." in mine
    assert f"Your chance of being drawn was {round(drawn.probability * 100, 1)} %." in mine
    assert "You are number 2 on the reserve list" in theirs


def test_the_panel_shows_first_names_only_with_consent(client, drawn_lottery):
    page = client.get(url("lottery", drawn_lottery)).content.decode()

    for member in drawn_lottery.volunteers.filter(selected=True):
        assert (member.first_name in page) == member.show_name
    hidden = drawn_lottery.volunteers.filter(selected=False).first()
    assert hidden.first_name not in page


def test_households_put_at_most_one_person_per_address_on_any_panel(client, manager):
    lottery = lottery_at("drawn", manager, households=True, volunteers=30)

    rows = client.get(url("pool_file", lottery)).content.decode().splitlines()
    household = {row.split(",")[0]: row.split(",")[-1] for row in rows[1:]}
    panels = [entry["panel"] for entry in lottery.outcome["distribution"]]

    assert rows[0] == "id,gender,neighbourhood,household"
    assert len(set(household.values())) < len(household)
    assert all(len({household[person] for person in panel}) == len(panel) for panel in panels)
    assert "--household-column household" in client.get(url("lottery", lottery)).context["recount"]
