"""The votes' and budgets' progress reports move into City projects' timelines (city 0003): every report kept, with
its texts, status, link, photo, author and date; the idea's followers and the proposal's author follow the project;
a notice waiting for a digest points to the moved update."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Transactional (SQLite alters tables outside a transaction); pytest-django runs such tests after the others.
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("city", "0002_projects"),
    ("votes", "0004_progress_published_on_the_brussels_clock"),
    ("budgets", "0005_keys_of_ballots_already_cast"),
    ("notifications", "0003_announcements"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_old_follow_ups_become_project_timelines_with_their_data_kept():
    old = _migrate(BEFORE)
    User = old.get_model("accounts", "User")
    Process = old.get_model("processes", "Process")
    Theme = old.get_model("processes", "Theme")
    Idea = old.get_model("ideas", "Idea")
    Follow = old.get_model("ideas", "Follow")
    Budget = old.get_model("budgets", "Budget")
    Proposal = old.get_model("budgets", "Proposal")
    IdeaUpdate = old.get_model("votes", "ProgressUpdate")
    ProposalUpdate = old.get_model("budgets", "ProgressUpdate")
    Pending = old.get_model("notifications", "Pending")

    manager = User.objects.create(email="manager@example.org", display_name="Manager", role="process_manager")
    fan = User.objects.create(email="fan@example.org", display_name="Fan")
    author = User.objects.create(email="author@example.org", display_name="Author")
    process = Process.objects.create(
        slug="hacks",
        title_nl="Hacks",
        title_fr="Hacks",
        topics=["healthy"],
        scope="neighbourhood",
        neighbourhood_code=20,
    )
    theme = Theme.objects.create(process=process, slug="t", name_nl="T", name_fr="T")
    idea = Idea.objects.create(
        process=process, theme=theme, author=author, title="Laptops for pupils", body="Lend them.", language="en"
    )
    Follow.objects.create(idea=idea, follower=fan)
    first = IdeaUpdate.objects.create(
        idea=idea,
        status="planned",
        text_nl="Gepland.",
        text_fr="Prévu.",
        link="https://example.org/plan",
        photo="progress/2026/01/plan.jpg",
        author=manager,
        published_at=datetime(2026, 1, 5, 10, tzinfo=UTC),
    )
    IdeaUpdate.objects.create(
        idea=idea,
        status="delivered",
        text_nl="Klaar.",
        text_fr="Fini.",
        text_en="Done.",
        author=manager,
        published_at=datetime(2026, 6, 1, 10, tzinfo=UTC),
    )
    Pending.objects.create(
        user=fan, kind="follows", rhythm="daily", event="votes.progress", object_id=first.pk, detail=""
    )
    budget = Budget.objects.create(process=process, amount=100_000, max_projects=3)
    proposal = Proposal.objects.create(
        budget=budget,
        author=author,
        title_nl="Bomen",
        title_fr="Arbres",
        description_nl="Bomen planten.",
        description_fr="Planter des arbres.",
        estimated_cost=30_000,
        cost=28_000,
        status="feasible",
    )
    ProposalUpdate.objects.create(
        proposal=proposal,
        status="abandoned",
        text_nl="Geen plaats.",
        text_fr="Pas de place.",
        author=None,
        published_at=datetime(2026, 3, 1, 9, tzinfo=UTC),
    )

    new = _migrate(_latest())
    Project = new.get_model("city", "Project")
    ProjectUpdate = new.get_model("city", "ProjectUpdate")

    from_idea = Project.objects.get(idea_id=idea.pk)
    assert (from_idea.title_nl, from_idea.title_fr) == ("Laptops for pupils", "Laptops for pupils")
    assert from_idea.domain.slug == "healthy"  # the process's topic names a strategy domain
    assert from_idea.status == "completed"
    assert from_idea.process_id == process.pk
    assert list(from_idea.places.values_list("neighbourhood_code", flat=True)) == [20]
    assert list(from_idea.follows.values_list("follower_id", flat=True)) == [fan.pk]
    moved = list(ProjectUpdate.objects.filter(project=from_idea).order_by("published_at"))
    assert [(u.status, u.text_nl, u.text_fr, u.text_en) for u in moved] == [
        ("new", "Gepland.", "Prévu.", ""),
        ("completed", "Klaar.", "Fini.", "Done."),
    ]
    assert moved[0].link == "https://example.org/plan"
    assert moved[0].photo.name == "progress/2026/01/plan.jpg"
    assert moved[0].author_id == manager.pk
    assert moved[0].published_at == datetime(2026, 1, 5, 10, tzinfo=UTC)
    waiting = new.get_model("notifications", "Pending").objects.get()
    assert (waiting.event, waiting.object_id) == ("city.update", moved[0].pk)

    from_proposal = Project.objects.get(proposal_id=proposal.pk)
    assert (from_proposal.title_nl, from_proposal.title_fr) == ("Bomen", "Arbres")
    assert from_proposal.budget_planned == 28_000
    assert from_proposal.status == "abandoned"
    assert from_proposal.abandoned_reason_fr == "Pas de place."
    assert list(from_proposal.follows.values_list("follower_id", flat=True)) == [author.pk]
    assert ProjectUpdate.objects.count() == 3
    tables = connection.introspection.table_names()
    assert "votes_progressupdate" not in tables
    assert "budgets_progressupdate" not in tables
