"""Demo citizens' initiatives of the City of Brussels, built through the services at the dates they happened:
one collecting signatures, one before the council with its clock running, one the council is late on.

The City's census list holds invented residents; `TEST_IDENTITIES` are printed by `seed_demo` so that a visitor can
verify a demo account with them (the first is also a citizen of the development eID provider, devtools/).
Signatories are invented accounts without a password; the three initiatives share them.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from samen.accounts import letters
from samen.accounts.models import CensusList, User, VerificationLetter
from samen.accounts.verification import is_verified, upload_census, verify_with_document
from samen.common import clock
from samen.demo.identities import invented_document_number, invented_national_number
from samen.initiatives import services
from samen.initiatives.models import Initiative

CITY = "21004"
# (national number, birth date, postcode): invented people whose numbers carry valid check digits.
TEST_IDENTITIES = [
    ("93051822361", date(1993, 5, 18), "1000"),
    ("85073003328", date(1985, 7, 30), "1020"),
    ("00012556777", date(2000, 1, 25), "1120"),
]
# Where the demo's letters go: only the test identities have an address in the demo register.
TEST_ADDRESSES = {
    "93051822361": "Rue Haute 100|1000 Bruxelles",
    "85073003328": "Bockstaellaan 12|1020 Laken",
    "00012556777": "Rue Léon Théodor 3|1120 Neder-Over-Heembeek",
}
LETTER_ACCOUNT, LETTER_IDENTITY = "sophie", TEST_IDENTITIES[1]  # make run prints this account's letter code
SIGNATORIES = 2_055  # five promoters, and enough signatories for the City's threshold of 2,000
KIND = {
    "name": {
        "nl": "Burgerinitiatief: Stad Brussel",
        "fr": "Initiative citoyenne: Ville de Bruxelles",
        "en": "Citizens' initiative: City of Brussels",
    },
    "municipality_nis": CITY,
    "threshold": 2000,
    "committee_size": 5,
    "secretariat_email": "conseil.communal@demo.samen.brussels",
}
INITIATIVES = [
    {
        "key": "fountains",
        "title": {
            "nl": "Een drinkwaterfontein in elk park van de Stad",
            "fr": "Une fontaine d'eau potable dans chaque parc de la Ville",
            "en": "A drinking-water fountain in every park of the City",
        },
        "text": {
            "nl": "De gemeenteraad beslist om tegen 2028 in elk park van de Stad Brussel een gratis "
            "drinkwaterfontein te plaatsen, toegankelijk voor rolstoelgebruikers en kinderen.",
            "fr": "Le conseil communal décide d'installer d'ici 2028 une fontaine d'eau potable gratuite dans chaque "
            "parc de la Ville de Bruxelles, accessible aux personnes en fauteuil roulant et aux enfants.",
        },
        "reasons": {
            "nl": "Tijdens hittegolven hebben bewoners zonder tuin nergens gratis water.",
            "fr": "Pendant les canicules, les habitants sans jardin n'ont nulle part où boire gratuitement.",
        },
        "admitted_days_ago": 75,
        "signatures": 640,
    },
    {
        "key": "school_streets",
        "title": {
            "nl": "Schoolstraten voor alle basisscholen van Laken",
            "fr": "Des rues scolaires pour toutes les écoles primaires de Laeken",
            "en": "School streets for every primary school in Laeken",
        },
        "text": {
            "nl": "De gemeenteraad sluit de straten voor de basisscholen van Laken af voor autoverkeer, een half "
            "uur bij het begin en het einde van de schooldag.",
            "fr": "Le conseil communal ferme à la circulation automobile les rues devant les écoles primaires de "
            "Laeken, une demi-heure au début et à la fin de la journée scolaire.",
        },
        "reasons": {
            "nl": "Veiliger en gezonder voor de kinderen; de proef in de Bockstaellaan werkte.",
            "fr": "Plus sûr et plus sain pour les enfants ; l'essai du boulevard Bockstael a fonctionné.",
        },
        "admitted_days_ago": 430,
        "signatures": 2_031,
        "events": [(40, "consultation", "Consultatie van de ouders", "Consultation des parents")],
    },
    {
        "key": "night_buses",
        "title": {
            "nl": "Een nachtbus tussen het centrum en Neder-Over-Heembeek",
            "fr": "Un bus de nuit entre le centre et Neder-Over-Heembeek",
            "en": "A night bus between the centre and Neder-Over-Heembeek",
        },
        "text": {
            "nl": "De gemeenteraad vraagt de MIVB een nachtlijn in te leggen tussen het De Brouckèreplein en "
            "Neder-Over-Heembeek, op vrijdag en zaterdag.",
            "fr": "Le conseil communal demande à la STIB une ligne de nuit entre la place De Brouckère et "
            "Neder-Over-Heembeek, les vendredis et samedis.",
        },
        "reasons": {
            "nl": "Wie 's nachts werkt of uitgaat, heeft geen veilige weg naar huis.",
            "fr": "Qui travaille ou sort la nuit n'a pas de chemin sûr pour rentrer.",
        },
        "admitted_days_ago": 800,
        "signatures": 2_012,
        "events": [(120, "committee", "Commissie Mobiliteit", "Commission Mobilité")],
    },
]


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(11, 0)))


def _census(rng: random.Random) -> list[tuple[str, date, str]]:
    people = list(TEST_IDENTITIES)
    while len(people) < len(TEST_IDENTITIES) + SIGNATORIES:
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 66))
        people.append(
            (invented_national_number(born, rng.randrange(1, 998)), born, rng.choice(["1000", "1020", "1120"]))
        )
    return list({number: (number, born, postcode) for number, born, postcode in people}.values())


def census_people(rng: random.Random) -> list[tuple[str, date, str]]:
    """The demo's census list as `load_initiatives_demo` drew it, given a fresh generator of the same seed."""
    return _census(rng)


class _Verifier:
    """Verifies demo people through the census service at the replayed date, again whenever it has expired."""

    def __init__(self, identities: dict[int, tuple[str, date]]):
        self.identities, self.valid_until = identities, {}

    def ensure(self, user: User) -> None:
        now = clock.now()
        if self.valid_until.get(user.pk, now) > now:
            return
        number, born = self.identities[user.pk]
        verification = verify_with_document(
            user=user, national_number=number, born_on=born, document_number=invented_document_number(number)
        )
        self.valid_until[user.pk] = verification.expires_at


def load_initiatives_demo(
    *, people: dict[str, User], manager: User, administrator: User, seed: int = 2020, today: date | None = None
) -> bool:
    """Build the demo once; returns False when it is already there."""
    if Initiative.objects.exists():
        return False
    rng = random.Random(seed)  # noqa: S311 - a reproducible demo, not a secret
    today = today or timezone.localdate()
    census = _census(rng)
    rows = ["national_number,birth_date,postcode,name,address,document_number"]
    for number, born, postcode in census:
        address = TEST_ADDRESSES.get(number, "")
        rows.append(
            f"{number},{born.isoformat()},{postcode},{address and 'Demo'},{address},{invented_document_number(number)}"
        )
    upload_census(municipality_nis=CITY, uploader=administrator, text="\n".join(rows) + "\n")
    kind = services.create_kind(**KIND)
    committee = [people[key] for key in ("jan", "lucas", "marie", "karim", "ines")]
    others = census[len(TEST_IDENTITIES) :]
    signatories = User.objects.bulk_create(
        User(email=f"signatory{i}@demo.samen.brussels", display_name=f"Signatory {i}", password="!")  # noqa: S106 - "!" is Django's unusable password
        for i in range(len(others) - len(committee))
    )
    verifier = _Verifier(
        {
            user.pk: (number, born)
            for user, (number, born, _postcode) in zip(committee + signatories, others, strict=True)
        }
    )
    for spec in INITIATIVES:
        _tell(
            spec,
            kind=kind,
            committee=committee,
            signatories=signatories,
            manager=manager,
            verifier=verifier,
            today=today,
            rng=rng,
        )
    return True


def _tell(spec, *, kind, committee, signatories, manager, verifier, today, rng) -> None:
    admitted = today - timedelta(days=spec["admitted_days_ago"])
    author = committee[0]
    with clock.replaying(_at(admitted - timedelta(days=20))):
        for member in committee:
            verifier.ensure(member)
        initiative = services.draft_initiative(
            kind=kind, author=author, title=spec["title"], text=spec["text"], reasons=spec["reasons"]
        )
        for member in committee[1:]:
            promoter = services.invite_promoter(initiative=initiative, author=author, email=member.email)
            services.accept_promotion(promoter=promoter, user=member)
    with clock.replaying(_at(admitted - timedelta(days=10))):
        services.submit_initiative(initiative=initiative, author=author)
    with clock.replaying(_at(admitted)):
        initiative = services.review_admissibility(initiative=initiative, staff=manager, admit=True)
    signing = rng.sample(signatories, spec["signatures"])
    span = max(1, min((today - admitted).days, (initiative.collection_ends - admitted).days))
    for index, user in enumerate(signing):
        with clock.replaying(_at(admitted + timedelta(days=index * span // len(signing)))):
            verifier.ensure(user)
            services.sign(initiative=initiative, user=user)
    closed = initiative.collection_ends + timedelta(days=1)
    if closed > today:
        return
    services.run_daily(closed)
    initiative.refresh_from_db()
    for days_after, kind_of_event, title_nl, title_fr in spec.get("events", []):
        with clock.replaying(_at(closed + timedelta(days=days_after))):
            services.add_event(
                initiative=initiative,
                staff=manager,
                kind=kind_of_event,
                day=closed + timedelta(days=days_after),
                title={"nl": title_nl, "fr": title_fr},
            )


def demo_letter(*, people: dict[str, User], administrator: User) -> str | None:
    """A letter on its way to a demo account (through the services: asked for, then printed), so that a visitor can
    try the letter path; a new code at each run, since printed codes are not kept. None once that account is
    verified or the register is not loaded."""
    user = people[LETTER_ACCOUNT]
    if is_verified(user) or not CensusList.objects.filter(municipality_nis=CITY).exists():
        return None
    VerificationLetter.objects.filter(user=user, status__in=VerificationLetter.OPEN).update(
        status=VerificationLetter.Status.CLOSED
    )
    number, born, _postcode = LETTER_IDENTITY
    letter = letters.request_letter(user=user, national_number=number, born_on=born)
    printed = letters.print_letters(staff=administrator, municipality_nis=letter.municipality_nis)
    return next(item.code for item in printed if item.letter.pk == letter.pk)
