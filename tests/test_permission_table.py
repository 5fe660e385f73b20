"""Every permission registered with django-rules, against every role, in one table (issue 13).

What the table asks of a Brussels platform:
- speaking (posting an idea, commenting, flagging, following, proposing a project, answering a lottery letter,
  naming a delegate) is open to any signed-in account;
- what is counted (supports, ballots, signatures, drafting an initiative) is for verified residents of the scope,
  here the City of Brussels; a verified resident of Ixelles ("elsewhere") is refused;
- staff roles add rights only where they manage: moderators tidy up content, process managers run processes,
  administrators also hold the census and the accounts. Staff accounts are not verified residents.

Each row names the permission, the scene (tests/permission_objects.py: a typical object in the phase where the
permission matters) and one cell per role: Y may, - may not. A cell the code answers wrongly stays correct here and
is listed in FAULTS, which runs it as a strict xfail: fixing the code turns it into a failure that asks to remove
the line. Adding a permission without its row fails `test_every_registered_permission_has_a_row`.
"""

import pytest
import rules

from tests.permission_objects import SCENES, Census, person

ROLES = (  # the columns: an in re el au pr ju mo ma ad fa
    "anonymous",
    "signed_in",  # an account with a confirmed e-mail address, not verified as a resident
    "resident",  # verified with the register and card, living in the City of Brussels
    "elsewhere",  # verified with the register and card, living in Ixelles
    "author",  # of the idea, comment, proposal or initiative; the holder of the seat; who asked for the transfer
    "promoter",  # of the initiative (for an invitation: the person invited)
    "juror",  # of the shortlist
    "moderator",
    "manager",  # process manager
    "administrator",  # a superuser, as createsuperuser and the demo make them
    "facilitator",  # a neighbourhood facilitator (samen/assisted): not a verified resident
)
# fmt: off
#                 an in re el au pr ju mo ma ad fa
ANYONE          = "Y Y Y Y Y Y Y Y Y Y Y"
SIGNED_IN       = "- Y Y Y Y Y Y Y Y Y Y"
CITY_RESIDENTS  = "- - Y - Y Y Y - - - -"
MODERATORS      = "- - - - - - - Y - Y -"
MANAGERS        = "- - - - - - - - Y Y -"
ADMINISTRATORS  = "- - - - - - - - - Y -"
NOBODY          = "- - - - - - - - - - -"
FACILITATORS    = "- - - - - - - - - - Y"
VERIFIED        = "- - Y Y Y Y Y - - - -"

TABLE = {
    # permission                       scene                                     an in re el au pr ju mo ma ad fa
    "accounts.verify":                 ("nothing",                               SIGNED_IN),
    "accounts.upload_census":          ("nothing",                               ADMINISTRATORS),
    "accounts.print_letters":          ("nothing",                               ADMINISTRATORS),
    "accounts.decide_transfer":        ("transfer request",                      ADMINISTRATORS),
    "processes.manage_processes":      ("nothing",                               MANAGERS),
    "processes.view_process":          ("draft process",                         MANAGERS),
    "ideas.view_idea":                 ("idea waiting for a moderator",          "- - - - Y - - Y - Y -"),
    "ideas.moderate":                  ("idea while ideas are collected",        MODERATORS),
    "ideas.flag_content":              ("idea while ideas are collected",        "- Y Y Y - Y Y Y Y Y Y"),
    "ideas.add_idea":                  ("process collecting ideas",              SIGNED_IN),
    "ideas.change_idea":               ("idea while ideas are collected",        "- - - - Y - - Y - Y -"),
    "ideas.delete_idea":               ("idea while ideas are collected",        "- - - - Y - - Y - Y -"),
    "ideas.comment_idea":              ("idea while ideas are collected",        SIGNED_IN),
    "ideas.change_comment":            ("comment while ideas are collected",     "- - - - Y - - Y - Y -"),
    "ideas.delete_comment":            ("comment while ideas are collected",     "- - - - Y - - Y - Y -"),
    "ideas.support_idea":              ("idea while ideas are collected",        CITY_RESIDENTS),
    "ideas.enter_assisted_supports":   ("idea while ideas are collected",        FACILITATORS),
    "ideas.follow_idea":               ("idea while ideas are collected",        SIGNED_IN),
    "ideas.post_assisted_idea":        ("process collecting ideas",              FACILITATORS),
    "ideas.comment_assisted":          ("idea while ideas are collected",        FACILITATORS),
    "budgets.propose":                 ("budget taking proposals",               SIGNED_IN),
    "budgets.review_proposals":        ("budget under review",                   MANAGERS),
    "budgets.cast_ballot":             ("budget ballot open to City residents",  CITY_RESIDENTS),
    "budgets.enter_paper_ballots":     ("budget ballot open to City residents",  MANAGERS),
    "budgets.enter_assisted_ballots":  ("budget ballot open to City residents",  FACILITATORS),
    "budgets.view_result":             ("budget ballot closed",                  ANYONE),
    "votes.manage_shortlist":          ("shortlist under jury review",           MANAGERS),
    "votes.score_ideas":               ("shortlist under jury review",           "- - - - - - Y - - - -"),
    "votes.view_jury_ranking":         ("shortlist under jury review",           MANAGERS),
    "votes.view_published_shortlist":  ("shortlist vote open to City residents", ANYONE),
    "votes.cast_ballot":               ("shortlist vote open to City residents", CITY_RESIDENTS),
    "votes.view_counts":               ("shortlist vote open, counts hidden",    NOBODY),
    "votes.view_results":              ("shortlist vote ended",                  ANYONE),
    "consultations.manage_questionnaire": ("nothing",                             MANAGERS),
    "consultations.answer":            ("consultation open to City residents",   CITY_RESIDENTS),
    "consultations.enter_paper_responses": ("consultation open to City residents", MANAGERS),
    "consultations.enter_assisted_responses": ("consultation open to City residents", FACILITATORS),
    "consultations.moderate_answers":  ("consultation open to City residents",   "- - - - - - - Y Y Y -"),
    "consultations.view_results":      ("consultation ended",                    ANYONE),
    "panels.manage_lottery":           ("lottery with its register",             MANAGERS),
    "panels.volunteer":                ("lottery taking answers",                SIGNED_IN),
    "panels.resign_seat":              ("seat held",                             "- - - - Y - - - - - -"),
    "panels.answer_offer":             ("seat offered",                          "- - - - Y - - - - - -"),
    "panels.nominate_delegate":        ("council",                               SIGNED_IN),
    "panels.decide_nomination":        ("council",                               MANAGERS),
    "initiatives.draft":               ("initiative kind of the City",           CITY_RESIDENTS),
    "initiatives.edit":                ("draft initiative",                      "- - - - Y Y - - - - -"),
    "initiatives.accept_promotion":    ("invitation to the committee",           "- - - - - Y - - - - -"),
    "initiatives.sign":                ("initiative collecting signatures",      CITY_RESIDENTS),
    "initiatives.withdraw":            ("initiative collecting signatures",      SIGNED_IN),
    "initiatives.review":              ("submitted initiative",                  MANAGERS),
    "initiatives.enter_paper":         ("initiative collecting signatures",      MANAGERS),
    "initiatives.sign_assisted":       ("initiative collecting signatures",      FACILITATORS),
    "initiatives.follow_council":      ("initiative transmitted to the council", MANAGERS),
    "initiatives.view_draft":          ("draft initiative",                      "- - - - Y Y - - Y Y -"),
    "assisted.enter_for_resident":     ("nothing",                               FACILITATORS),
    "assisted.audit":                  ("nothing",                               ADMINISTRATORS),
    "city.manage_indicators":          ("nothing",                               MANAGERS),
    "city.manage_projects":            ("nothing",                               MANAGERS),
    "city.post_project_update":        ("City project",                          MANAGERS),
    "city.follow_project":             ("City project",                          SIGNED_IN),
    "meetings.manage_meetings":        ("nothing",                               MANAGERS),
    "debates.manage_debates":          ("nothing",                               MANAGERS),
    "debates.post_argument":           ("open debate",                           SIGNED_IN),
    "debates.support_argument":        ("argument in an open debate",            "- - Y - - Y Y - - - -"),
    "debates.comment":                 ("open debate",                           SIGNED_IN),
    "debates.moderate":                ("argument in an open debate",            MODERATORS),
    "debates.flag_content":            ("argument in an open debate",            "- Y Y Y - Y Y Y Y Y Y"),
    "meetings.register":               ("meeting for verified residents",        VERIFIED),
}
# fmt: on


def admin_rows(app: str, models: list[str], who: str, verbs=("view", "add", "change", "delete")) -> dict:
    """The model permissions Django's admin asks (without an object), and the app's own entry in the admin index."""
    return {f"{app}.{verb}_{model}": ("nothing", who) for model in models for verb in verbs} | {app: ("nothing", who)}


TABLE |= (
    admin_rows(
        "accounts",
        ["user", "censuslist", "verification", "verificationtransfer", "verificationletter", "verificationattempt"],
        ADMINISTRATORS,
    )
    | admin_rows("processes", ["phase", "theme"], MANAGERS)
    | admin_rows("processes", ["process"], MANAGERS, verbs=("add", "change", "delete"))
    | admin_rows("budgets", ["budget", "proposal"], MANAGERS)
    | admin_rows("votes", ["shortlist", "jurymember", "criterion", "entry"], MANAGERS)
    | admin_rows(
        "panels", ["lottery", "quota", "council", "seat", "nomination", "volunteer", "registerentry"], MANAGERS
    )
    | admin_rows("initiatives", ["initiativekind", "initiative", "timelineevent"], MANAGERS)
    | admin_rows(
        "city",
        [
            "domain",
            "objective",
            "indicator",
            "indicatorvalue",
            "populationtable",
            "populationcount",
            "project",
            "projectupdate",
        ],
        MANAGERS,
    )
    | admin_rows("meetings", ["meeting", "registration"], MANAGERS)
    | admin_rows("consultations", ["questionnaire", "question"], MANAGERS)
    | admin_rows("debates", ["debate", "argument", "argumentsupport", "debatecomment", "report"], MANAGERS)
)

FAULTS: dict[tuple[str, str], str] = {}


def cells() -> list:
    """One case per (permission, role); a cell listed in FAULTS runs as a strict xfail."""
    return [
        pytest.param(
            permission,
            scene,
            role,
            cell == "Y",
            id=f"{permission}-{role}",
            marks=[pytest.mark.xfail(strict=True, reason=FAULTS[permission, role])]
            if (permission, role) in FAULTS
            else [],
        )
        for permission, (scene, row) in sorted(TABLE.items())
        for role, cell in zip(ROLES, row.split(), strict=True)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("permission", "scene", "role", "expected"), cells())
def test_permission(permission, scene, role, expected):
    census = Census()
    built = SCENES[scene](census)
    user = person(role, built, census)

    answer = user.has_perm(permission, built.obj)

    assert answer == expected


def test_every_registered_permission_has_a_row():
    registered = set(rules.permissions.permissions)

    missing, stale = sorted(registered - TABLE.keys()), sorted(TABLE.keys() - registered)

    assert missing == [], f"Registered with rules.add_perm but absent from TABLE: {', '.join(missing)}"
    assert stale == [], f"In TABLE but no longer registered: {', '.join(stale)}"


def test_every_row_names_a_scene_and_answers_for_each_role_and_every_fault_is_a_cell():
    malformed = [name for name, (scene, row) in TABLE.items() if scene not in SCENES or len(row.split()) != len(ROLES)]
    unknown = [cell for cell in FAULTS if cell[0] not in TABLE or cell[1] not in ROLES]

    assert (malformed, unknown) == ([], [])
