"""The objects and the people of the permission table (tests/test_permission_table.py).

A scene is one typical object in the phase where a permission matters, with the people who stand in a relation to
it (its author, a promoter, a juror). The other roles are built around it by `person`: residents are verified the
way residents are (their municipality's census list holds them and they type their national number and card
number); staff accounts are not verified; the administrator is a superuser, as `createsuperuser` and the demo make them.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samen.accounts.models import User, VerificationTransfer
from samen.accounts.verification import upload_census, verify_with_document
from samen.budgets.models import Proposal
from samen.demo.identities import invented_document_number, invented_national_number
from samen.ideas.models import Idea, Visibility
from samen.initiatives import services as initiatives
from samen.panels.models import Seat
from samen.panels.services import create_council
from samen.processes.models import Process
from samen.votes.models import JuryMember
from tests.budgets.conftest import budget_at, proposals_of
from tests.city.conftest import make_project
from tests.consultations.conftest import consultation_at
from tests.debates.conftest import make_argument, make_debate
from tests.factories import CommentFactory, IdeaFactory, PhaseFactory, ProcessFactory, ThemeFactory, UserFactory
from tests.initiatives.conftest import initiative_at
from tests.meetings.conftest import make_meeting
from tests.panels.conftest import lottery_at
from tests.votes.conftest import shortlist_at

CITY, IXELLES = "21004", "21009"  # the City of Brussels (Laeken is in it) and a municipality elsewhere
POSTCODES = {CITY: "1020", IXELLES: "1050"}
RELATIONS = ("author", "promoter", "juror")  # roles that only mean something next to an object


class Census:
    """The census lists of the City and of Ixelles, growing by one verified resident at a time."""

    def __init__(self):
        self.uploader = UserFactory(role=User.Role.ADMINISTRATOR, is_staff=True)
        self.lines: dict[str, list[str]] = {CITY: [], IXELLES: []}

    def verified(self, born: date = date(1980, 1, 1), municipality: str = CITY, **user_fields) -> User:
        number = invented_national_number(born, 100 + sum(len(lines) for lines in self.lines.values()))
        card = invented_document_number(number)
        self.lines[municipality].append(f"{number},{born.isoformat()},{POSTCODES[municipality]},{card}")
        text = "\n".join(["national_number,birth_date,postcode,document_number", *self.lines[municipality]]) + "\n"
        upload_census(municipality_nis=municipality, uploader=self.uploader, text=text)
        user = UserFactory(**user_fields)
        verify_with_document(user=user, national_number=number, born_on=born, document_number=card)
        return user


@dataclass
class Scene:
    obj: object = None
    people: dict[str, User] = field(default_factory=dict)


def person(role: str, scene: Scene, census: Census):
    """The user who plays `role` next to the scene's object. Without a relation to the object, an author, a promoter
    or a juror is a verified resident of the City like any other: a role held elsewhere gives no right here."""
    if role in scene.people:
        return scene.people[role]
    if role in RELATIONS or role == "resident":
        return census.verified()
    builders = {
        "anonymous": AnonymousUser,
        "signed_in": UserFactory,
        "elsewhere": lambda: census.verified(municipality=IXELLES),
        "moderator": lambda: UserFactory(role=User.Role.MODERATOR),
        "facilitator": lambda: UserFactory(role=User.Role.FACILITATOR),
        "manager": lambda: UserFactory(role=User.Role.PROCESS_MANAGER, is_staff=True),
        "administrator": lambda: User.objects.create_superuser("root@example.org", display_name="Administrator"),
    }
    return builders[role]()


def _staff() -> User:
    return UserFactory(role=User.Role.PROCESS_MANAGER, is_staff=True)


# Ideas: a process of the City of Brussels collecting ideas (which allows posting, commenting and supporting).


def _idea_process() -> Process:
    process = ProcessFactory(scope="municipality", municipality_nis=CITY)
    ThemeFactory(process=process)
    PhaseFactory(process=process, kind="idea_collection")
    return process


def idea_process(census):
    return Scene(_idea_process())


def idea(census, **fields):
    author = census.verified()
    process = _idea_process()
    return Scene(
        IdeaFactory(process=process, theme=process.themes.first(), author=author, **fields), {"author": author}
    )


def pending_idea(census):
    return idea(census, visibility=Visibility.PENDING)


def comment(census):
    author = census.verified()
    process = _idea_process()
    commented = IdeaFactory(process=process, theme=process.themes.first())
    return Scene(CommentFactory(idea=commented, author=author), {"author": author})


def draft_process(census):
    return Scene(ProcessFactory(status=Process.Status.DRAFT))


# Budgets: a neighbourhood budget in Laeken (tests/budgets/conftest.py).


def budget(stage: str):
    return lambda census: Scene(budget_at(stage).process)


def ballot_for_city_residents(census):
    """The ballot is open and the process asks for residents verified by the census list; the author of the first
    proposal is one of them."""
    opened = budget_at("ballot")
    opened.process.voters = Process.Voters.CENSUS
    opened.process.save(update_fields=["voters"])
    author = census.verified()
    Proposal.objects.filter(pk=proposals_of(opened)[0].pk).update(author=author)
    return Scene(opened.process, {"author": author})


# Votes: a shortlist at each step (tests/votes/conftest.py), its jurors verified residents of the City.


def shortlist(stage: str, **rules):
    def build(census):
        built = shortlist_at(stage, **rules)
        juror = census.verified()
        JuryMember.objects.create(shortlist=built, member=juror)
        return Scene(built, {"juror": juror})

    return build


def vote_for_city_residents(census):
    """The vote is open and the process asks for City residents verified by the census list; the author of the
    first shortlisted idea is one of them."""
    scene = shortlist("vote")(census)
    Process.objects.filter(pk=scene.obj.process_id).update(scope="municipality", municipality_nis=CITY, voters="census")
    scene.obj.process.refresh_from_db()
    scene.people["author"] = census.verified()
    Idea.objects.filter(pk=scene.obj.entries.order_by("position").first().idea_id).update(author=scene.people["author"])
    return scene


# Consultations: a questionnaire in Laeken (tests/consultations/conftest.py).


def consultation_for_city_residents(census):
    """The questionnaire is open and the process asks for residents verified by the census list."""
    return Scene(consultation_at("open", voters=Process.Voters.CENSUS).process)


def consultation_ended(census):
    return Scene(consultation_at("ended").process)


# Panels: a civic lottery in Laeken (tests/panels/conftest.py) and a neighbourhood council.


def lottery(stage: str):
    return lambda census: Scene(lottery_at(stage, _staff(), volunteers=1).process)


def _council():
    today = timezone.localdate()
    return create_council(
        slug="laeken",
        name={"nl": "Wijkraad Laken", "fr": "Conseil de quartier Laeken", "en": "Laeken council"},
        neighbourhood_codes=[19, 20],
        drawn_seats=4,
        delegate_seats=2,
        term_start=today,
        term_end=today + timedelta(days=730),
    )


def council(census):
    return Scene(_council())


def seat(status: str):
    """A seat of the council held by (or offered to) the one volunteer who answered; that volunteer is its author."""

    def build(census):
        volunteer = lottery_at("answering", _staff(), volunteers=1).volunteers.get()
        held = Seat.objects.create(council=_council(), volunteer=volunteer, status=status, since=timezone.localdate())
        return Scene(held, {"author": volunteer.user})

    return build


# Initiatives: a citizens' initiative of the City of Brussels at each step (tests/initiatives/conftest.py).


def _kind():
    return initiatives.create_kind(
        name={"nl": "Burgerinitiatief Stad Brussel", "fr": "Initiative citoyenne Ville de Bruxelles"},
        municipality_nis=CITY,
        threshold=3,
        committee_size=2,
        secretariat_email="conseil@bruxelles.example",
    )


def initiative_kind(census):
    return Scene(_kind())


def initiative(stage: str):
    """The initiative with its author and a second promoter who accepted (a draft gets one too)."""

    def build(census):
        built = initiative_at(stage, kind=_kind(), census=census, manager=_staff())
        if stage == "draft":
            invited = census.verified()
            invitation = initiatives.invite_promoter(initiative=built, author=built.author, email=invited.email)
            initiatives.accept_promotion(promoter=invitation, user=invited)
        promoter = built.promoters.exclude(user=built.author).get().user
        return Scene(built, {"author": built.author, "promoter": promoter})

    return build


def invitation(census):
    """An invitation to the committee that its invitee (the promoter) has not answered yet."""
    draft = initiative_at("draft", kind=_kind(), census=census, manager=_staff())
    invited = census.verified()
    pending = initiatives.invite_promoter(initiative=draft, author=draft.author, email=invited.email)
    return Scene(pending, {"author": draft.author, "promoter": invited})


# Accounts


def transfer(census):
    """A person verified one account and asks to move the verification to a new one (the author of the request)."""
    old = census.verified()
    new = UserFactory()
    request = VerificationTransfer.objects.create(
        digest=old.verification.digest, method="census", from_user=old, to_user=new, municipality_nis=CITY
    )
    return Scene(request, {"author": new})


def city_project(census):
    return Scene(make_project("new-tram-line"))


# Debates: a debate open on a process of the City of Brussels, and an argument in it with its author.


def open_debate(census):
    return Scene(make_debate(process=_idea_process()))


def argument_in_open_debate(census):
    author = census.verified()
    return Scene(make_argument(make_debate(process=_idea_process()), author=author), {"author": author})


def closed_debate(census):
    return Scene(make_debate(process=_idea_process(), closed=True))


def argument_in_closed_debate(census):
    author = census.verified()
    return Scene(make_argument(make_debate(process=_idea_process(), closed=True), author=author), {"author": author})


def debate_on_draft_process(census):
    return Scene(make_debate(process=ProcessFactory(status=Process.Status.DRAFT)))


def meeting_for_verified_residents(census):
    return Scene(make_meeting(verified_only=True))


SCENES = {
    "nothing": lambda census: Scene(),
    "draft process": draft_process,
    "process collecting ideas": idea_process,
    "idea while ideas are collected": idea,
    "idea waiting for a moderator": pending_idea,
    "comment while ideas are collected": comment,
    "budget taking proposals": budget("proposals"),
    "budget under review": budget("review"),
    "budget ballot open to City residents": ballot_for_city_residents,
    "budget ballot closed": budget("closed"),
    "shortlist under jury review": shortlist("jury"),
    "shortlist vote open to City residents": vote_for_city_residents,
    "shortlist vote open, counts hidden": shortlist("vote", hide_running_counts=True),
    "shortlist vote ended": shortlist("ended"),
    "consultation open to City residents": consultation_for_city_residents,
    "consultation ended": consultation_ended,
    "lottery with its register": lottery("register"),
    "lottery taking answers": lottery("answering"),
    "council": council,
    "seat held": seat(Seat.Status.HELD),
    "seat offered": seat(Seat.Status.OFFERED),
    "initiative kind of the City": initiative_kind,
    "draft initiative": initiative("draft"),
    "invitation to the committee": invitation,
    "submitted initiative": initiative("submitted"),
    "initiative collecting signatures": initiative("collecting"),
    "initiative transmitted to the council": initiative("transmitted"),
    "transfer request": transfer,
    "City project": city_project,
    "open debate": open_debate,
    "argument in an open debate": argument_in_open_debate,
    "closed debate": closed_debate,
    "argument in a closed debate": argument_in_closed_debate,
    "debate on a draft process": debate_on_draft_process,
    "meeting for verified residents": meeting_for_verified_residents,
}
