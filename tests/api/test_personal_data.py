"""Personal data never leaves through the API (issue 17, point 3): every field of every schema it answers with is
traced to the model field it comes from, and none is, or leads to, a person."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from samen.budgets.models import Budget, BudgetBallot, BudgetResult, Proposal
from samen.city.models import Domain, Indicator, IndicatorValue, Project, ProjectUpdate
from samen.consultations.models import Question, Questionnaire
from samen.debates.models import Argument, Debate
from samen.ideas.models import Comment, Idea
from samen.initiatives.models import Initiative, InitiativeKind, TimelineEvent
from samen.meetings.models import Meeting
from samen.panels.models import Lottery, Quota, Volunteer
from samen.processes.models import Phase, Process, Theme
from samen.votes.models import Ballot, Entry, Result, Shortlist

PERSONAL_MODELS = {
    get_user_model(),
    *(
        apps.get_model("accounts", name)
        for name in (
            "CensusList",
            "CensusEntry",
            "Verification",
            "VerificationTransfer",
            "VerificationLetter",
            "VerificationAttempt",
        )
    ),
    apps.get_model("initiatives", "Signature"),
    apps.get_model("initiatives", "Promoter"),
    apps.get_model("initiatives", "RejectedLine"),
    apps.get_model("initiatives", "PaperSheet"),
    apps.get_model("panels", "RegisterEntry"),
    apps.get_model("votes", "Review"),
    apps.get_model("votes", "Score"),
    apps.get_model("votes", "JuryMember"),
}
PERSONAL_NAMES = {
    "author",
    "resident",
    "user",
    "email",
    "e_mail",
    "first_name",
    "last_name",
    "display_name",
    "name_of",
    "national_number",
    "birth_date",
    "date_of_birth",
    "address",
    "street",
    "phone",
    "password",
    "digest",
    "voter_key",
    "follower",
    "flagger",
    "moderator",
    "ip",
    "signature",
    "census",
    "verification",
}
LINKS = (
    "licence",
    "openapi",
    "processes",
    "domains",
    "indicators",
    "votes",
    "budgets",
    "lotteries",
    "initiatives",
    "projects",
    "meetings",
    "consultations",
)


def _all(*names: str, source: str = "outcome", **others) -> dict:
    return dict.fromkeys(names, source) | others


# Where each schema's fields come from: the model, and the model field of each API field, a path through relations
# for a field of a related model ("process.slug"), or None: computed from other public fields (a link, a rank).
SOURCES = {
    "Index": (None, dict.fromkeys(LINKS)),
    "Texts": (None, {"nl": None, "fr": None, "en": None}),
    "Error": (None, {"detail": None}),  # a 404's or a 429's message
    "Invalid": (None, {"detail": None}),  # a 422's: a message, or a Problem per malformed parameter
    "Problem": (None, {"type": None, "loc": None, "msg": None}),
    "ProcessOut": (Process, {"themes": "themes", "phases": "phases", "url": None}),
    "ThemeOut": (Theme, {}),
    "PhaseOut": (Phase, {}),
    "IdeaOut": (
        Idea,
        {
            "id": "id",
            "text": "body",
            "support_count": "supports",
            "comment_count": "comments",
            "assisted": "consent",
            "url": None,
        },
    ),
    "CommentOut": (Comment, {"text": "body"}),
    "DomainOut": (Domain, {}),
    "IndicatorOut": (Indicator, {"values": "values", "url": None}),
    "ValueOut": (IndicatorValue, {}),
    "VoteOut": (
        Shortlist,
        {
            "process": "process.slug",
            "vote_first_day": "process.phases.first_day",
            "vote_last_day": "process.phases.last_day",
            "shortlist": "entries",
            "url": None,
        },
    ),
    "EntryOut": (
        Entry,
        {"title": "idea.title", "language": "idea.language", "jury_score_out_of_10": "jury_score"},
    ),
    "VoteResultOut": (Result, _all("ballots", "winners", "ranking", "ties", "tie_break", ballots_url=None)),
    "VoteRankOut": (Result, _all("idea", "rank", "votes", "winner")),
    "VoteTieOut": (Result, _all("votes", "candidates", "decisive", "steps")),
    "TieStepOut": (Result, _all("method", "values")),
    "TieBreakOut": (Result, _all("steps", "seed")),
    "VoteBallotOut": (Ballot, {"ballot": None, "choices": "entries.idea"}),
    "BudgetOut": (
        Budget,
        {
            "process": "process.slug",
            "ballot_first_day": "process.phases.first_day",
            "ballot_last_day": "process.phases.last_day",
            "url": None,
        },
    ),
    "BudgetResultOut": (
        BudgetResult,
        _all(
            "ballots",
            "paper_ballots",
            "assisted_ballots",
            "rule",
            "share",
            "cost",
            "greedy_cost",
            "winners",
            "greedy_winners",
            "projects",
            "ties",
            "tie_break",
            ballots_url=None,
        ),
    ),
    "ProjectOut": (Proposal, {"votes": "ballots", "funded": None, "funded_by_greedy": None}),
    "BudgetTieOut": (BudgetResult, _all("stage", "projects", "method", "decisive")),
    "BudgetBallotOut": (BudgetBallot, {"ballot": None, "projects": "proposals", "voting_method": "paper_reference"}),
    "LotteryOut": (
        Lottery,
        {"process": "process.slug", "volunteers": "volunteers", "pool": "volunteers", "draw": "outcome", "url": None},
    ),
    "StratumOut": (Volunteer, {"category": "features", "value": "features", "volunteers": None}),
    "QuotaOut": (Quota, {}),
    "DrawOut": (
        Lottery,
        _all("method", "k", "min_probability", "probabilities", "unselectable", "distribution", "panel", "estimated"),
    ),
    "ProbabilityOut": (Volunteer, {"id": "pseudonym"}),
    "PanelOut": (Lottery, _all("probability", "panel")),
    "InitiativeOut": (
        Initiative,
        {
            "stage": None,
            "signatures": "signature_count",
            "threshold": "kind.threshold",
            "council_deadline": "transmitted_on",
            "days_left": None,
            "overdue": None,
            "url": None,
        },
    ),
    "InitiativeKindOut": (InitiativeKind, {}),
    "EventOut": (TimelineEvent, {}),
}
PAGES = {  # count, links and results
    "ProcessPage",
    "IdeaPage",
    "CommentPage",
    "DomainPage",
    "IndicatorPage",
    "VotePage",
    "VoteBallotPage",
    "BudgetPage",
    "BudgetBallotPage",
    "LotteryPage",
    "InitiativePage",
}


@pytest.fixture
def components(client, db):
    return client.get("/api/v1/openapi.json").json()["components"]["schemas"]


# The City's projects (samen/api/projects.py): never an update's author nor a follower.
SOURCES |= {
    "CityProjectOut": (
        Project,
        {"neighbourhood_codes": "places", "origin": None, "indicators": "indicators", "url": None},
    ),
    "CityProjectDetailOut": (
        Project,
        {
            "neighbourhood_codes": "places",
            "origin": None,
            "indicators": "indicators",
            "updates": "updates",
            "url": None,
        },
    ),
    "ProjectOriginOut": (Project, {}),
    "GeometryOut": (Project, {"type": "area", "coordinates": "area"}),
    "ProjectUpdateOut": (ProjectUpdate, {}),
}
PAGES |= {"CityProjectPage"}

# Meetings, consultations and debates (meetings.py, consultations.py, debates.py): never who registered, answered,
# argued or supported; a meeting's venue is the place's address, not a person's.
SOURCES |= {
    "MeetingOut": (
        Meeting,
        {
            "venue": "address",
            "accessibility": None,
            "process": "process.slug",
            "council": "council.slug",
            "url": None,
            "ics_url": None,
        },
    ),
    "AccessibilityOut": (Meeting, {}),
    "ConsultationOut": (
        Questionnaire,
        {
            "process": "process.slug",
            "title": "process.title",
            "introduction": "intro",
            "first_day": "process.phases.first_day",
            "last_day": "process.phases.last_day",
            "results_public": None,
            "url": None,
            "results_url": None,
        },
    ),
    "ConsultationResultOut": (
        Questionnaire,
        {
            "process": "process.slug",
            "responses": "responses",
            "paper_responses": "responses.paper_reference",
            "questions": "questions",
            "csv_url": None,
        },
    ),
    "QuestionResultOut": (
        Question,
        {"type": "kind"}
        | dict.fromkeys(
            (
                "seen",
                "answered",
                "counts",
                "shares",
                "first_places",
                "borda",
                "distribution",
                "mean",
                "points",
                "texts",
            ),
            "questionnaire.responses.answers",
        ),
    ),
    "DebateOut": (
        Debate,
        {"process": "process.slug", "arguments_for": "arguments", "arguments_against": "arguments", "url": None},
    ),
    "SideOut": (Argument, {"arguments": None}),
}
PAGES |= {"MeetingPage", "ConsultationPage", "DebatePage"}


def test_every_schema_has_a_known_source(components):
    assert set(components) - PAGES == set(SOURCES)


def test_no_field_name_of_any_schema_names_personal_data(components):
    names = {name for schema in components.values() for name in schema.get("properties", {})}
    assert names, "the walk found no field at all"
    assert names & PERSONAL_NAMES == set()


def test_no_field_of_any_schema_comes_from_a_personal_model(components):
    for name, (model, renamed) in SOURCES.items():
        assert model not in PERSONAL_MODELS
        if model is None:
            assert set(components[name]["properties"]) == set(renamed), name
            continue
        for field_name in components[name]["properties"]:
            source = renamed.get(field_name, field_name)
            if source is None:
                continue
            for field in walk(model, source):
                assert field.model not in PERSONAL_MODELS, f"{name}.{field_name}"
                assert not (field.is_relation and field.related_model in PERSONAL_MODELS), f"{name}.{field_name}"


def walk(model, path: str) -> list:
    """The model fields a dotted path goes through ("process.phases.first_day"), each one looked up: a field the
    schema names but the model lacks fails here. A text in three languages: its Dutch column stands for the three."""
    fields = []
    for step in path.split("."):
        if not any(f.name == step for f in model._meta.get_fields()):
            step = f"{step}_nl"
        field = model._meta.get_field(step)
        fields.append(field)
        if field.is_relation:
            model = field.related_model
    return fields


def test_the_pages_hold_only_counts_links_and_results(components):
    for name in PAGES:
        assert set(components[name]["properties"]) == {"count", "next", "previous", "results"}


def test_a_published_idea_shows_no_trace_of_its_author(client, published):
    author = published.ideas.get(title="Benches in the park").author
    body = client.get("/api/v1/processes/parks/ideas").content.decode()
    assert "Benches in the park" in body
    assert author.email not in body
    assert author.display_name not in body
