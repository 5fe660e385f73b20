"""One ballot per resident, changeable until the vote ends; counts hidden meanwhile; winners counted after."""

import csv
import html
import io
import json
import re
import shlex

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samen.algorithms import cli
from samen.votes import services
from samen.votes.models import Ballot, Result
from tests.factories import UserFactory
from tests.texts import shows
from tests.votes.conftest import ideas_of, shortlist_at

pytestmark = pytest.mark.django_db


def _vote(client, shortlist, *idea_ids):
    return client.post(reverse("votes:shortlist", args=[shortlist.process.slug]), {"ideas": [str(i) for i in idea_ids]})


def test_a_resident_votes_and_changes_their_ballot(client, vote_shortlist, resident):
    first, second = ideas_of(vote_shortlist)[:2]
    client.force_login(resident)

    _vote(client, vote_shortlist, first.pk)
    response = _vote(client, vote_shortlist, second.pk)

    ballot = Ballot.objects.get()
    assert response.status_code == 302
    assert [entry.idea for entry in ballot.entries.all()] == [second]


def test_a_vote_for_an_idea_not_on_the_shortlist_is_refused_and_the_ballot_kept(client, vote_shortlist, resident):
    first = ideas_of(vote_shortlist)[0]
    not_shortlisted = ideas_of(vote_shortlist)[3]
    client.force_login(resident)
    _vote(client, vote_shortlist, first.pk)

    response = _vote(client, vote_shortlist, not_shortlisted.pk)

    assert response.status_code == 422
    assert [entry.idea for entry in Ballot.objects.get().entries.all()] == [first]


def test_an_approval_ballot_takes_up_to_its_limit_and_no_more(resident):
    shortlist = shortlist_at("vote", max_choices=2)
    first, second, third = ideas_of(shortlist)[:3]

    services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[first.pk, second.pk])
    with pytest.raises(ValidationError) as refusal:
        services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[first.pk, second.pk, third.pk])

    assert refusal.value.messages == ["Choose 2 ideas at most."]
    assert sorted(e.idea_id for e in Ballot.objects.get().entries.all()) == [first.pk, second.pk]


def test_voting_outside_the_vote_phase_is_refused(client, ended_shortlist, resident):
    client.force_login(resident)

    response = _vote(client, ended_shortlist, ideas_of(ended_shortlist)[0].pk)

    assert response.status_code == 403
    assert Ballot.objects.count() == 0


def test_nobody_votes_on_a_shortlist_that_is_not_published(resident):
    shortlist = shortlist_at("vote", published=False)

    with pytest.raises(PermissionDenied):
        services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[ideas_of(shortlist)[0].pk])


def test_counts_stay_hidden_while_the_vote_runs(client, vote_shortlist, resident):
    services.cast_ballot(shortlist=vote_shortlist, voter=resident, idea_ids=[ideas_of(vote_shortlist)[0].pk])

    page = client.get(reverse("votes:shortlist", args=[vote_shortlist.process.slug])).content.decode()
    results = client.get(reverse("votes:results", args=[vote_shortlist.process.slug]))

    assert not shows(page, "1 vote")
    assert "0 votes" not in page
    assert results.status_code == 404


def test_counts_can_be_shown_while_voting_when_the_process_says_so(client, resident):
    shortlist = shortlist_at("vote", hide_running_counts=False)
    services.cast_ballot(shortlist=shortlist, voter=resident, idea_ids=[ideas_of(shortlist)[0].pk])

    page = client.get(reverse("votes:shortlist", args=[shortlist.process.slug])).content.decode()

    assert shows(page, "1 vote")


def _ballots(shortlist, *choices):
    for chosen in choices:
        Ballot.objects.create(shortlist=shortlist, voter=UserFactory()).entries.set(
            shortlist.entries.filter(idea__in=chosen)
        )


def test_after_the_vote_the_most_voted_win_and_a_tie_goes_to_the_better_jury_score(client, ended_shortlist):
    first, second, third = ideas_of(ended_shortlist)[:3]  # jury scores 8, 7, 7
    _ballots(ended_shortlist, [third], [third], [third], [first], [first], [second], [second])  # 3, 2, 2 votes

    page = client.get(reverse("votes:results", args=[ended_shortlist.process.slug])).content.decode()

    result = Result.objects.get()
    assert result.outcome["winners"] == [str(third.pk), str(first.pk)]
    assert result.outcome["tallies"] == {str(first.pk): 2, str(second.pk): 2, str(third.pk): 3}
    assert [tie["steps"][0]["method"] for tie in result.outcome["ties"]] == ["jury"]
    assert "This tie decided who won." in page


def test_equal_jury_scores_go_to_the_announced_lottery(ended_shortlist):
    first, second, third = ideas_of(ended_shortlist)[:3]  # jury scores 8, 7, 7
    _ballots(ended_shortlist, [first], [first], [second], [third])

    outcome = services.count_votes(shortlist=ended_shortlist).outcome

    assert [step["method"] for step in outcome["ties"][0]["steps"]] == ["jury", "lottery"]


def test_the_vote_cannot_be_counted_before_it_ends(vote_shortlist):
    with pytest.raises(ValidationError) as refusal:
        services.count_votes(shortlist=vote_shortlist)

    assert refusal.value.code == "vote_running"


def test_the_published_files_and_the_samen_command_recount_the_same_result(client, ended_shortlist, tmp_path, capsys):
    first, second, third = ideas_of(ended_shortlist)[:3]
    _ballots(ended_shortlist, [third], [third], [first], [second], [second], [first])
    slug = ended_shortlist.process.slug
    ballots = tmp_path / "ballots.csv"
    shortlist = tmp_path / "shortlist.csv"
    ballots.write_bytes(client.get(reverse("votes:ballots_csv", args=[slug])).content)
    shortlist.write_bytes(client.get(reverse("votes:shortlist_csv", args=[slug])).content)
    published = client.get(reverse("votes:results", args=[slug])).content.decode()
    command = re.search(r"<code>samen count (.*?)</code>", published).group(1)
    arguments = html.unescape(command).replace(f"{slug}-ballots.csv", str(ballots))
    arguments = arguments.replace(f"{slug}-shortlist.csv", str(shortlist))

    status = cli.main(["count", *shlex.split(arguments), "--json"])

    recount = json.loads(capsys.readouterr().out)
    assert status == 0
    assert recount == Result.objects.get().outcome
    assert "@" not in ballots.read_text()
    assert next(csv.reader(io.StringIO(ballots.read_text()))) == ["ballot", "choices"]


def test_a_title_written_as_a_formula_is_text_in_the_shortlist_file_which_still_recounts(
    client, ended_shortlist, tmp_path, capsys
):
    first, second = ideas_of(ended_shortlist)[:2]
    first.title = '=HYPERLINK("https://evil.example","Vote here")'
    first.save()
    _ballots(ended_shortlist, [first], [first], [second])
    slug = ended_shortlist.process.slug
    ballots, shortlist = tmp_path / "ballots.csv", tmp_path / "shortlist.csv"
    ballots.write_bytes(client.get(reverse("votes:ballots_csv", args=[slug])).content)

    shortlist.write_bytes(client.get(reverse("votes:shortlist_csv", args=[slug])).content)

    rows = list(csv.reader(io.StringIO(shortlist.read_text())))
    assert rows[1] == [str(first.pk), "8", '\'=HYPERLINK("https://evil.example","Vote here")']
    published = client.get(reverse("votes:results", args=[slug])).content.decode()
    command = html.unescape(re.search(r"<code>samen count (.*?)</code>", published).group(1))
    arguments = command.replace(f"{slug}-ballots.csv", str(ballots)).replace(f"{slug}-shortlist.csv", str(shortlist))
    assert cli.main(["count", *shlex.split(arguments), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == Result.objects.get().outcome


def test_a_moderator_cannot_delete_a_shortlisted_idea_and_is_told_why(client, vote_shortlist, moderator):
    shortlisted = ideas_of(vote_shortlist)[0]
    client.force_login(moderator)

    response = client.post(reverse("ideas:delete", args=[shortlisted.pk]))

    assert response.status_code == 422
    assert "This idea is part of a vote and stays; a moderator can hide it." in response.content.decode()
    assert vote_shortlist.process.ideas.filter(pk=shortlisted.pk).exists()
