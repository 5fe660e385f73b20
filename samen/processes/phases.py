"""What each kind of phase lets a citizen do. A new kind is one entry in PHASE_KINDS, and nothing else changes.

Actions are plain strings checked by the rules (`phase_allows("support")`) and by the services.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

POST_IDEA = "post_idea"
COMMENT = "comment"
SUPPORT = "support"
SCORE = "score"  # jury members score ideas
VOTE = "vote"  # residents cast a ballot on the shortlist
PROPOSE = "propose"  # residents and associations propose costed projects for a budget
REVIEW_FEASIBILITY = "review_feasibility"  # City services confirm the cost and the feasibility
BUDGET_BALLOT = "budget_ballot"  # residents choose projects within the budget
VOLUNTEER = "volunteer"  # invited residents answer a civic lottery's invitation
ANSWER = "answer"  # residents answer a consultation's questionnaire

# Actions that cast a ballot: once a phase allowing one has opened, who may vote and when are fixed.
VOTING = frozenset({VOTE, BUDGET_BALLOT})


@dataclass(frozen=True)
class PhaseKind:
    label: str
    allows: frozenset[str]
    # Shown on the process page while the phase runs; %(until)s is the closing date and time.
    now_text: str
    # On the process's card on the home page: the phase in plain words ("Vote until 16 July") and its one action.
    card_text: str = ""
    action: str = ""


PHASE_KINDS: dict[str, PhaseKind] = {
    "information": PhaseKind(
        label=pgettext_lazy("phase kind", "Information"),
        allows=frozenset(),
        now_text=_("You can read about this process until %(until)s. Nothing can be posted in this phase."),
        card_text=_("Read about it until %(until)s"),
        action=_("Read about it"),
    ),
    "idea_collection": PhaseKind(
        label=pgettext_lazy("phase kind", "Idea collection"),
        allows=frozenset({POST_IDEA, COMMENT, SUPPORT}),
        now_text=_("You can post ideas, comment on them and support them until %(until)s."),
        card_text=_("Post ideas until %(until)s"),
        action=_("Post an idea"),
    ),
    "jury_review": PhaseKind(
        label=pgettext_lazy("phase kind", "Jury review"),
        allows=frozenset({SCORE}),
        now_text=_("An expert jury is scoring the ideas until %(until)s; then it publishes its shortlist."),
        card_text=_("The jury scores the ideas until %(until)s"),
        action=_("See the ideas"),
    ),
    "shortlist_vote": PhaseKind(
        label=pgettext_lazy("phase kind", "Vote"),
        allows=frozenset({VOTE}),
        now_text=_("You can vote for the shortlisted ideas until %(until)s, and change your ballot until then."),
        card_text=_("Vote until %(until)s"),
        action=_("Vote"),
    ),
    "proposal_submission": PhaseKind(
        label=pgettext_lazy("phase kind", "Project proposals"),
        allows=frozenset({PROPOSE}),
        now_text=_("You can propose a project for this budget, with its estimated cost, until %(until)s."),
        card_text=_("Propose projects until %(until)s"),
        action=_("Propose a project"),
    ),
    "feasibility_review": PhaseKind(
        label=pgettext_lazy("phase kind", "Feasibility review"),
        allows=frozenset({REVIEW_FEASIBILITY}),
        now_text=_("City services check the cost and the feasibility of every proposal until %(until)s."),
        card_text=_("The City checks the proposals until %(until)s"),
        action=_("See the proposals"),
    ),
    "budget_ballot": PhaseKind(
        label=pgettext_lazy("phase kind", "Budget vote"),
        allows=frozenset({BUDGET_BALLOT}),
        now_text=_("You can choose the projects you want funded until %(until)s, and change your ballot until then."),
        card_text=_("Choose projects until %(until)s"),
        action=_("Choose projects"),
    ),
    "volunteer_registration": PhaseKind(
        label=pgettext_lazy("phase kind", "Invitations answered"),
        allows=frozenset({VOLUNTEER}),
        now_text=_(
            "Residents who received an invitation letter can answer it with their code until %(until)s; "
            "then the panel is drawn by lot among them."
        ),
        card_text=_("Answer your invitation until %(until)s"),
        action=_("Answer your invitation"),
    ),
    "consultation": PhaseKind(
        label=pgettext_lazy("phase kind", "Consultation"),
        allows=frozenset({ANSWER}),
        now_text=_("You can answer the questionnaire until %(until)s, and change your answers until then."),
        card_text=_("Answer the questionnaire until %(until)s"),
        action=_("Answer the questionnaire"),
    ),
    "follow_up": PhaseKind(
        label=pgettext_lazy("phase kind", "Follow-up"),
        allows=frozenset(),
        now_text=_("The winning ideas are being built; their progress is reported here until %(until)s."),
        card_text=_("Follow the winners until %(until)s"),
        action=_("Follow the progress"),
    ),
}


def phase_kind_choices() -> list[tuple[str, str]]:
    return [(key, kind.label) for key, kind in PHASE_KINDS.items()]
