"""A neighbourhood council: drawn members, the reserve list filling an empty seat, associations' delegates."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.panels.models import Nomination, Seat
from samen.panels.services import decide_nomination, nominate_delegate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def council_url(name, council, **kwargs):
    return reverse(f"panels:{name}", kwargs={"slug": council.slug, **kwargs})


def held(council):
    return list(council.seats.filter(status=Seat.Status.HELD).select_related("volunteer"))


def meets_quotas(council) -> bool:
    sitting = [s.volunteer.features for s in council.seats.filter(status__in=["held", "offered"])]
    return all(
        q.minimum <= sum(f.get(q.category) == q.value for f in sitting) <= q.maximum
        for q in council.lottery.quotas.all()
    )


def test_the_drawn_panel_takes_the_councils_seats(council):
    members = held(council)

    assert len(members) == 4
    assert {seat.volunteer.pk for seat in members} == set(
        council.lottery.volunteers.filter(selected=True).values_list("pk", flat=True)
    )


def test_a_resigned_seat_goes_to_the_first_on_the_reserve_list_who_keeps_the_quotas(client, council):
    leaving = held(council)[0]
    fits = [
        v
        for v in council.lottery.volunteers.filter(selected=False).order_by("reserve_rank")
        if v.features["gender"] == leaving.volunteer.features["gender"]
    ]
    client.force_login(leaving.volunteer.user)

    response = client.post(council_url("resign", council, pk=leaving.pk))

    assert response.status_code == 302
    offer = council.seats.get(status=Seat.Status.OFFERED)
    assert offer.volunteer == next(v for v in fits if _keeps(council, leaving, v))
    assert offer.replaces == leaving
    assert meets_quotas(council)


def _keeps(council, leaving, volunteer) -> bool:
    others = [s.volunteer.features for s in held(council) if s.pk != leaving.pk]
    return all(
        q.minimum <= sum(f.get(q.category) == q.value for f in [*others, volunteer.features]) <= q.maximum
        for q in council.lottery.quotas.all()
    )


def test_a_declined_offer_moves_down_the_reserve_list_and_an_accepted_one_seats(client, council):
    leaving = held(council)[0]
    client.force_login(leaving.volunteer.user)
    client.post(council_url("resign", council, pk=leaving.pk))
    first = council.seats.get(status=Seat.Status.OFFERED)

    client.force_login(first.volunteer.user)
    client.post(council_url("answer", council, pk=first.pk), {"accept": "no"})
    second = council.seats.get(status=Seat.Status.OFFERED)
    client.force_login(second.volunteer.user)
    client.post(council_url("answer", council, pk=second.pk), {"accept": "yes"})

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Seat.Status.DECLINED
    assert second.volunteer.reserve_rank > first.volunteer.reserve_rank
    assert second.status == Seat.Status.HELD
    assert len(held(council)) == 4
    assert meets_quotas(council)


def test_nobody_else_can_resign_a_members_seat_or_answer_an_offer(client, outsider, council):
    seat = held(council)[0]
    client.force_login(outsider)

    resigned = client.post(council_url("resign", council, pk=seat.pk))
    answered = client.post(council_url("answer", council, pk=seat.pk), {"accept": "yes"})

    assert (resigned.status_code, answered.status_code) == (403, 403)
    seat.refresh_from_db()
    assert seat.status == Seat.Status.HELD
    assert not council.seats.filter(status=Seat.Status.OFFERED).exists()


def test_an_association_nominates_and_a_manager_approves_its_delegate(client, resident, manager, council):
    client.force_login(resident)
    client.post(
        council_url("nominate", council),
        {"association": "Comité Vieux Laeken", "delegate_name": "Marie Dubois", "statement": "Active since 2010"},
    )
    nomination = Nomination.objects.get()
    client.force_login(manager)

    client.post(council_url("decide", council, pk=nomination.pk), {"approve": "yes"})

    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.APPROVED
    assert nomination.decided_by == manager
    assert "Marie Dubois (Comité Vieux Laeken)" in client.get(council_url("council", council)).content.decode()


def test_only_a_manager_decides_on_a_nomination(client, resident, outsider, council):
    nomination = nominate_delegate(council=council, user=resident, association="Ligue", delegate_name="Jan")
    client.force_login(outsider)

    response = client.post(council_url("decide", council, pk=nomination.pk), {"approve": "yes"})

    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.NOMINATED


def test_delegates_fill_only_the_delegate_seats_one_per_association(manager, council):
    people = [UserFactory() for _ in range(4)]
    nominations = [
        nominate_delegate(council=council, user=people[0], association="A", delegate_name="Ann"),
        nominate_delegate(council=council, user=people[1], association="A", delegate_name="Bart"),
        nominate_delegate(council=council, user=people[2], association="B", delegate_name="Chloé"),
        nominate_delegate(council=council, user=people[3], association="C", delegate_name="Driss"),
    ]
    decide_nomination(nomination=nominations[0], manager=manager, approve=True)

    with pytest.raises(ValidationError) as same_association:
        decide_nomination(nomination=nominations[1], manager=manager, approve=True)
    decide_nomination(nomination=nominations[2], manager=manager, approve=True)
    with pytest.raises(ValidationError) as full:
        decide_nomination(nomination=nominations[3], manager=manager, approve=True)
    with pytest.raises(ValidationError) as no_reason:
        decide_nomination(nomination=nominations[3], manager=manager, approve=False)

    assert same_association.value.code == "association_has_delegate"
    assert full.value.code == "seats_full"
    assert no_reason.value.code == "reason"
    assert council.nominations.filter(status="approved").count() == 2


def test_the_council_page_names_members_only_with_consent(client, council):
    page = client.get(council_url("council", council)).content.decode()

    for seat in held(council):
        assert (seat.volunteer.first_name in page) == seat.volunteer.show_name


def test_the_council_page_links_the_budgets_of_its_neighbourhoods(client, council):
    from tests.budgets.conftest import budget_at

    laeken = budget_at("ballot")  # neighbourhood 20, one of the council's
    elsewhere = budget_at("ballot")
    elsewhere.process.neighbourhood_code = 44
    elsewhere.process.save()

    page = client.get(council_url("council", council)).content.decode()

    assert reverse("budgets:budget", args=[laeken.process.slug]) in page
    assert reverse("budgets:budget", args=[elsewhere.process.slug]) not in page
