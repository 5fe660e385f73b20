"""The jury scores privately; the manager ranks, draws up and publishes the shortlist in Dutch and French."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samen.votes import queries, services
from samen.votes.models import JuryMember, Review, Score
from tests.factories import UserFactory
from tests.votes.conftest import ideas_of

pytestmark = pytest.mark.django_db


def _scores(shortlist, impact, feasibility):
    impact_criterion, feasibility_criterion = shortlist.criteria.all()
    return {impact_criterion.pk: impact, feasibility_criterion.pk: feasibility}


def test_a_juror_scores_an_idea_on_every_criterion(jury_shortlist, juror):
    idea = ideas_of(jury_shortlist)[0]

    services.review_idea(
        shortlist=jury_shortlist, juror=juror, idea=idea, scores=_scores(jury_shortlist, 4, 6), comment="Solid."
    )

    assert sorted(Score.objects.values_list("value", flat=True)) == [4, 6]


def test_the_ranking_is_the_weighted_mean_over_jurors_out_of_ten(jury_shortlist, juror):
    second = UserFactory()
    JuryMember.objects.create(shortlist=jury_shortlist, member=second)
    first_idea, second_idea = ideas_of(jury_shortlist)[:2]
    # Impact weighs 2 (out of 5), feasibility 1 (out of 10). Juror 1: 10*(2*5/5 + 1*4/10)/3 = 8;
    # juror 2: 10*(2*2/5 + 1*10/10)/3 = 6; mean 7. Second idea, one juror: 10*(2*5/5 + 1*10/10)/3 = 10.
    services.review_idea(shortlist=jury_shortlist, juror=juror, idea=first_idea, scores=_scores(jury_shortlist, 5, 4))
    services.review_idea(shortlist=jury_shortlist, juror=second, idea=first_idea, scores=_scores(jury_shortlist, 2, 10))
    services.review_idea(
        shortlist=jury_shortlist, juror=second, idea=second_idea, scores=_scores(jury_shortlist, 5, 10)
    )

    ranking = [(idea.pk, aggregate.score, aggregate.jurors) for idea, aggregate in queries.jury_ranking(jury_shortlist)]

    assert ranking == [(second_idea.pk, 10, 1), (first_idea.pk, 7, 2)]


def test_a_declared_conflict_of_interest_scores_nothing_and_counts_for_nothing(jury_shortlist, juror):
    idea = ideas_of(jury_shortlist)[0]

    services.review_idea(shortlist=jury_shortlist, juror=juror, idea=idea, conflict_of_interest=True)

    assert Score.objects.count() == 0
    assert queries.jury_ranking(jury_shortlist) == []


def test_a_juror_cannot_score_the_same_idea_twice(jury_shortlist, juror):
    idea = ideas_of(jury_shortlist)[0]
    services.review_idea(shortlist=jury_shortlist, juror=juror, idea=idea, scores=_scores(jury_shortlist, 1, 1))

    with pytest.raises(ValidationError) as refusal:
        services.review_idea(shortlist=jury_shortlist, juror=juror, idea=idea, scores=_scores(jury_shortlist, 5, 10))

    assert refusal.value.code == "already_reviewed"
    assert sorted(Score.objects.values_list("value", flat=True)) == [1, 1]


def test_a_score_out_of_range_is_refused_over_the_web_and_nothing_is_saved(client, jury_shortlist, juror):
    idea = ideas_of(jury_shortlist)[0]
    impact, feasibility = jury_shortlist.criteria.all()
    client.force_login(juror)

    response = client.post(
        reverse("votes:review", args=[jury_shortlist.process.slug, idea.pk]),
        {f"criterion_{impact.pk}": 6, f"criterion_{feasibility.pk}": 3},
    )

    assert response.status_code == 422
    assert "Ensure this value is less than or equal to 5." in response.content.decode()
    assert Review.objects.count() == 0


def test_someone_outside_the_jury_cannot_score(client, jury_shortlist, outsider):
    idea = ideas_of(jury_shortlist)[0]
    impact, feasibility = jury_shortlist.criteria.all()
    client.force_login(outsider)

    response = client.post(
        reverse("votes:review", args=[jury_shortlist.process.slug, idea.pk]),
        {f"criterion_{impact.pk}": 3, f"criterion_{feasibility.pk}": 3},
    )

    assert response.status_code == 403
    assert Review.objects.count() == 0


def test_a_juror_sees_only_their_own_reviews(client, jury_shortlist, juror):
    other = UserFactory()
    JuryMember.objects.create(shortlist=jury_shortlist, member=other)
    first_idea = ideas_of(jury_shortlist)[0]
    services.review_idea(
        shortlist=jury_shortlist, juror=other, idea=first_idea, scores=_scores(jury_shortlist, 1, 2), comment="Weak."
    )
    client.force_login(juror)

    own_page = client.get(reverse("votes:review", args=[jury_shortlist.process.slug, first_idea.pk]))
    ranking = client.get(reverse("votes:ranking", args=[jury_shortlist.process.slug]))

    assert own_page.status_code == 200
    assert "Weak." not in own_page.content.decode()
    assert "Save my review" in own_page.content.decode()
    assert ranking.status_code == 403


def test_a_resident_cannot_see_the_jury_ranking(client, jury_shortlist, resident):
    client.force_login(resident)

    response = client.get(reverse("votes:ranking", args=[jury_shortlist.process.slug]))

    assert response.status_code == 403


def test_scoring_is_refused_once_the_jury_phase_is_over(vote_shortlist):
    juror = UserFactory()
    JuryMember.objects.create(shortlist=vote_shortlist, member=juror)

    with pytest.raises(PermissionDenied):
        services.review_idea(
            shortlist=vote_shortlist, juror=juror, idea=ideas_of(vote_shortlist)[3], conflict_of_interest=True
        )


def _scored(shortlist, juror):
    for index, idea in enumerate(ideas_of(shortlist)):
        services.review_idea(shortlist=shortlist, juror=juror, idea=idea, scores=_scores(shortlist, 5 - index, 5))


def test_the_manager_draws_up_the_best_ideas_and_publishes_them_with_a_motivation(jury_shortlist, juror, manager):
    _scored(jury_shortlist, juror)
    entries = services.draw_up_shortlist(shortlist=jury_shortlist, size=3, actor=manager)
    motivations = {entry.pk: {"nl": "Sterk", "fr": "Fort", "en": ""} for entry in entries}

    services.publish_shortlist(shortlist=jury_shortlist, motivations=motivations, actor=manager)

    jury_shortlist.refresh_from_db()
    assert jury_shortlist.is_published
    assert [entry.idea for entry in jury_shortlist.entries.all()] == ideas_of(jury_shortlist)[:3]
    assert [entry.motivation_fr for entry in jury_shortlist.entries.all()] == ["Fort"] * 3


def test_the_shortlist_is_not_published_while_a_french_motivation_is_missing(client, jury_shortlist, juror, manager):
    _scored(jury_shortlist, juror)
    entries = services.draw_up_shortlist(shortlist=jury_shortlist, size=2, actor=manager)
    client.force_login(manager)
    data = {"action": "publish"}
    for entry in entries:
        data |= {f"entry-{entry.pk}-motivation_nl": "Sterk", f"entry-{entry.pk}-motivation_fr": "Fort"}
    data[f"entry-{entries[1].pk}-motivation_fr"] = ""

    response = client.post(reverse("votes:ranking", args=[jury_shortlist.process.slug]), data)

    jury_shortlist.refresh_from_db()
    assert response.status_code == 422
    assert f"The motivation for “{entries[1].idea.title}” is missing in: French." in response.content.decode()
    assert not jury_shortlist.is_published


def test_a_juror_cannot_publish_the_shortlist(jury_shortlist, juror, manager):
    _scored(jury_shortlist, juror)
    entries = services.draw_up_shortlist(shortlist=jury_shortlist, size=2, actor=manager)

    with pytest.raises(PermissionDenied):
        services.publish_shortlist(
            shortlist=jury_shortlist, motivations={e.pk: {"nl": "x", "fr": "x"} for e in entries}, actor=juror
        )

    jury_shortlist.refresh_from_db()
    assert not jury_shortlist.is_published


def test_a_criterion_needs_dutch_and_french(jury_shortlist):
    with pytest.raises(ValidationError) as refusal:
        services.add_criterion(shortlist=jury_shortlist, name={"nl": "Originaliteit", "en": "Originality"})

    assert refusal.value.messages == ["The criterion's name is missing in: French."]
