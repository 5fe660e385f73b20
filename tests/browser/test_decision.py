"""The whole story in Chromium: the jury scores, the manager publishes the shortlist, a resident votes, the vote
ends, and the result page shows the winner and how a tie was broken."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from samen.votes import services
from samen.votes.models import Criterion, JuryMember, Shortlist
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import IdeaFactory, PhaseFactory, ProcessFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_jury_to_winner(page, new_page, live_server):
    base = live_server.url
    today = timezone.localdate()
    process = ProcessFactory(slug="square", voters="")  # open voting: the residents here are not verified
    theme = ThemeFactory(process=process)
    PhaseFactory(process=process, kind="jury_review", first_day=today - timedelta(1), last_day=today + timedelta(1))
    PhaseFactory(process=process, kind="shortlist_vote", first_day=today + timedelta(2), last_day=today + timedelta(4))
    titles = ["Trees on the square", "A water fountain", "A repair stand", "More parking"]
    ideas = [IdeaFactory(process=process, theme=theme, title=title) for title in titles]
    shortlist = Shortlist.objects.create(process=process, size=3, winners=1, lottery_seed="Lotto of 1 June")
    Criterion.objects.create(shortlist=shortlist, name_nl="Impact", name_fr="Impact", name_en="Impact", scale=5)
    juror = UserFactory(email="juror@example.org", preferred_language="en")
    JuryMember.objects.create(shortlist=shortlist, member=juror)
    UserFactory(email="manager@example.org", preferred_language="en", role="process_manager")
    UserFactory(email="resident@example.org", preferred_language="en")
    neighbour = UserFactory()

    # The juror scores every idea; "A water fountain" gets the better score than "Trees on the square".
    sign_in(page, base, "juror@example.org")
    page.goto(f"{base}/en/processes/square/")
    page.get_by_role("link", name="Jury: score the ideas").click()
    assert_accessible(page)
    for title, score in zip(titles, [4, 5, 3, 0], strict=True):
        page.get_by_role("link", name=re.compile(rf"Score this idea\s*: {title}")).click()
        page.get_by_label("Impact").fill(str(score))
        page.get_by_role("button", name="Save my review").click()
        page.get_by_text(f"Your review of “{title}” is saved.").wait_for()
    assert_accessible(page)

    # The manager takes the three best and publishes them with a motivation in Dutch and French.
    manager = new_page()
    sign_in(manager, base, "manager@example.org")
    manager.goto(f"{base}/en/processes/square/jury/ranking/")
    assert_accessible(manager)
    manager.get_by_label("How many ideas go on the shortlist?").fill("3")
    manager.get_by_role("button", name="Take the best ideas").click()
    for field in manager.get_by_label("Motivation (Dutch)").all():
        field.fill("Sterk idee.")
    manager.get_by_role("button", name="Publish the shortlist").click()
    manager.get_by_text("Motivation (French)").first.wait_for()
    assert manager.get_by_text("is missing in: French.").is_visible()
    for field in manager.get_by_label("Motivation (French)").all():
        field.fill("Bonne idée.")
    manager.get_by_role("button", name="Publish the shortlist").click()
    manager.get_by_text("The shortlist is published.").wait_for()

    with time_machine.travel(timezone.now() + timedelta(days=3), tick=True):
        # A resident votes for the trees; a neighbour has voted for the fountain: a tie, one vote each.
        shortlist.refresh_from_db()
        services.cast_ballot(shortlist=shortlist, voter=neighbour, idea_ids=[ideas[1].pk])
        resident = new_page()
        sign_in(resident, base, "resident@example.org")
        resident.goto(f"{base}/en/processes/square/")
        resident.get_by_role("link", name="Vote on the shortlist").click()
        assert resident.get_by_text("Tie-break, announced before the vote:").is_visible()
        assert_accessible(resident)
        resident.get_by_label("Trees on the square").check()
        resident.get_by_role("button", name="Cast my ballot").click()
        resident.get_by_text("Your ballot is saved. You can change it until the vote ends.").wait_for()
        assert resident.get_by_text("1 vote").count() == 0  # counts stay hidden during the vote

    with time_machine.travel(timezone.now() + timedelta(days=6), tick=True):
        resident.goto(f"{base}/en/processes/square/")
        resident.get_by_role("link", name="Results of the vote").click()
        assert_accessible(resident)
        winner_row = resident.locator("tr.winner")
        assert winner_row.count() == 1
        assert "A water fountain" in winner_row.inner_text()
        assert resident.get_by_text("This tie decided who won.").is_visible()
        assert resident.get_by_text("Jury score, higher first:").is_visible()
