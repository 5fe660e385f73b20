"""Personal data never leaves through the downloads (issue 17, point 3): every column of every table of every
dataset is traced to the model field it comes from, through the relations it follows, and none is, or leads to, a
person (the same walk as the API's, tests/api/test_personal_data.py)."""

import pytest

from samen.budgets.models import BudgetBallot, BudgetResult, Proposal
from samen.city.models import Indicator, IndicatorValue, Project, ProjectUpdate
from samen.consultations.models import Response
from samen.ideas.models import Idea
from samen.initiatives.models import Initiative
from samen.opendata.datasets import all_datasets
from samen.panels.models import Lottery, Quota, Volunteer
from samen.processes.models import Phase, Process
from samen.votes.models import Ballot, Entry, Result
from tests.api.test_personal_data import PERSONAL_MODELS, PERSONAL_NAMES, walk
from tests.consultations.conftest import consultation_at

pytestmark = pytest.mark.django_db


def _all(*names: str, source: str = "outcome") -> dict:
    return dict.fromkeys(names, source)


# (dataset, table): the model its rows come from, and the field of each column where it is not the column's name
# (a path through relations, or None: computed, such as a rank or a ballot's number).
SOURCES = {
    ("processes", "processes"): (Process, {}),
    ("processes", "phases"): (Phase, {"process_id": "process"}),
    ("ideas", "ideas"): (
        Idea,
        {
            "process_id": "process",
            "theme": "theme.slug",
            "support_count": "supports",
            "comment_count": "comments",
            "assisted": "consent",
        },
    ),
    ("indicators", "indicators"): (Indicator, {"domain": "domain.slug"}),
    ("indicators", "values"): (IndicatorValue, {"indicator_id": "indicator"}),
    ("results", "votes"): (
        Result,
        {
            "process_id": "shortlist.process",
            "idea_id": "shortlist.entries.idea",
            "idea_title": "shortlist.entries.idea.title",
            "rank": None,
        }
        | _all("votes", "winner"),
    ),
    ("results", "vote_ties"): (
        Result,
        {"process_id": "shortlist.process"} | _all("votes", "idea_ids", "decisive", "tie_break_steps"),
    ),
    ("results", "jury_aggregates"): (
        Entry,
        {"process_id": "shortlist.process", "idea_id": "idea", "idea_title": "idea.title", "jury_size": "jurors"},
    ),
    ("results", "budget_counts"): (
        BudgetResult,
        {"process_id": "budget.process"}
        | _all(
            "amount",
            "rule",
            "ballots",
            "paper_ballots",
            "assisted_ballots",
            "share",
            "cost",
            "greedy_cost",
            "tie_break",
            "lottery_seed",
        ),
    ),
    ("results", "budgets"): (
        Proposal,
        {
            "process_id": "budget.process",
            "proposal_id": "id",
            "votes": "ballots",
            "funded": None,
            "funded_by_greedy": None,
        },
    ),
    ("ballots", "vote_ballots"): (
        Ballot,
        {"process_id": "shortlist.process", "ballot": None, "idea_ids": "entries.idea"},
    ),
    ("ballots", "budget_ballots"): (
        BudgetBallot,
        {
            "process_id": "budget.process",
            "ballot": None,
            "proposal_ids": "proposals",
            "voting_method": "paper_reference",
        },
    ),
    ("lotteries", "lotteries"): (
        Lottery,
        {"process_id": "process", "volunteers": "volunteers"} | _all("method", "min_probability"),
    ),
    ("lotteries", "pools"): (
        Volunteer,
        {"process_id": "lottery.process", "category": "features", "value": "features", "volunteers": None},
    ),
    ("lotteries", "quotas"): (Quota, {"process_id": "lottery.process"}),
    ("lotteries", "probabilities"): (Volunteer, {"process_id": "lottery.process"}),
    ("lotteries", "panels"): (
        Lottery,
        {"process_id": "process", "panel": None} | _all("probability", "pseudonyms"),
    ),
    ("initiatives", "initiatives"): (
        Initiative,
        {
            "municipality_nis": "kind.municipality_nis",
            "stage": None,
            "signatures": "signature_count",
            "threshold": "kind.threshold",
            "council_deadline": "transmitted_on",
            "overdue": None,
        },
    ),
    ("projects", "projects"): (
        Project,
        {
            "domain": "domain.slug",
            "area_geojson": "area",
            "neighbourhood_codes": "places.neighbourhood_code",
            "indicators": "indicators.slug",
            "process": "process.slug",
            "idea_id": "idea",
            "proposal_id": "proposal",
            "initiative_id": "initiative",
            "written_for_the_demo": "invented",
        },
    ),
    ("projects", "project_updates"): (
        ProjectUpdate,
        {"project_id": "project", "photo_url": "photo", "written_for_the_demo": "invented"},
    ),
}


# A consultation whose results are public: its anonymous responses (samen/consultations/published.py), each column a
# question's answers; the document files (questionnaire, responses) hold the same answers and no table.
SOURCES[("consultation-cycling", "responses")] = (
    Response,
    {"response": None, "paper": "paper_reference", "assisted": "consent"}
    | dict.fromkeys(
        ("cycling", "routes", "priorities", "safety", "name_it", "remarks", "danger_latitude", "danger_longitude"),
        "answers",
    ),
)


@pytest.fixture
def tables():
    ended = consultation_at("ended")
    Process.objects.filter(pk=ended.process_id).update(slug="cycling")
    return {(dataset.slug, table.name): table.columns for dataset in all_datasets() for table in dataset.tables}


def test_every_table_has_a_known_source(tables):
    assert set(tables) == set(SOURCES)


def test_no_column_names_personal_data(tables):
    columns = {column for names in tables.values() for column in names}
    assert columns, "the walk found no column at all"
    assert columns & PERSONAL_NAMES == set()


def test_no_column_comes_from_a_personal_model(tables):
    for key, columns in tables.items():
        model, renamed = SOURCES[key]
        assert model not in PERSONAL_MODELS, key
        for column in columns:
            source = renamed.get(column, column)
            if source is None:
                continue
            for field in walk(model, source):
                assert field.model not in PERSONAL_MODELS, (key, column)
                assert not (field.is_relation and field.related_model in PERSONAL_MODELS), (key, column)
