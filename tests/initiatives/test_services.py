"""An initiative's life through its services: the committee, the check, signatures counted once, paper sheets."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from samen.accounts.models import User, Verification
from samen.initiatives import services
from samen.initiatives.models import Initiative, Signature
from samen.initiatives.services import PaperLine
from tests.factories import UserFactory
from tests.initiatives.conftest import TEXTS
from tests.texts import born_years_ago

pytestmark = pytest.mark.django_db


def refusal_code(call) -> str:
    with pytest.raises(ValidationError) as refusal:
        call()
    return refusal.value.code


def test_an_unverified_resident_cannot_start_an_initiative(kind, resident):
    assert refusal_code(lambda: services.draft_initiative(kind=kind, author=resident, **TEXTS)) == "not_verified"
    assert not Initiative.objects.exists()


def test_submission_needs_the_full_committee_and_both_languages(kind, census):
    author = census.verified()
    initiative = services.draft_initiative(kind=kind, author=author, **TEXTS)

    assert refusal_code(lambda: services.submit_initiative(initiative=initiative, author=author)) == "committee"

    second = census.verified()
    services.accept_promotion(
        promoter=services.invite_promoter(initiative=initiative, author=author, email=second.email), user=second
    )
    services.edit_initiative(initiative=initiative, author=author, **(TEXTS | {"text": {"nl": "Alleen Nederlands"}}))
    initiative.refresh_from_db()
    initiative.text_fr = ""
    initiative.save()
    with pytest.raises(ValidationError) as missing_french:
        services.submit_initiative(initiative=initiative, author=author)
    assert "text_fr" in missing_french.value.message_dict
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.DRAFT


def test_an_unverified_invitee_cannot_join_the_committee(draft, census):
    stranger = UserFactory()
    promoter = services.invite_promoter(initiative=draft, author=draft.author, email=stranger.email)

    assert refusal_code(lambda: services.accept_promotion(promoter=promoter, user=stranger)) == "not_verified"


def test_the_city_returns_an_initiative_with_its_reasons_or_admits_it(submitted, manager):
    assert refusal_code(lambda: services.review_admissibility(initiative=submitted, staff=manager, admit=False)) == (
        "reason"
    )

    returned = services.review_admissibility(
        initiative=submitted, staff=manager, admit=False, reason="Regional, not municipal, competence."
    )

    assert (returned.status, returned.admissibility_reason) == ("returned", "Regional, not municipal, competence.")


def test_admission_opens_twelve_months_of_collection(collecting):
    assert collecting.status == Initiative.Status.COLLECTING
    assert (collecting.collection_ends.year - collecting.collection_starts.year) * 12 + (
        collecting.collection_ends.month - collecting.collection_starts.month
    ) == 12


def test_a_promoter_cannot_edit_the_text_once_submitted(collecting):
    code = refusal_code(lambda: services.edit_initiative(initiative=collecting, author=collecting.author, **TEXTS))

    assert code == "text_locked"


def test_only_city_staff_check_admissibility(submitted, resident):
    with pytest.raises(PermissionDenied):
        services.review_admissibility(initiative=submitted, staff=resident, admit=True)

    submitted.refresh_from_db()
    assert submitted.status == Initiative.Status.SUBMITTED


def test_a_verified_resident_signs_once_and_may_withdraw(collecting, census):
    signer = census.verified()

    services.sign(initiative=collecting, user=signer)
    again = refusal_code(lambda: services.sign(initiative=collecting, user=signer))
    services.withdraw(initiative=collecting, user=signer)
    after_withdrawal = services.count(collecting)
    services.sign(initiative=collecting, user=signer)

    assert again == "already_signed"
    assert after_withdrawal == 0
    assert services.count(collecting) == 1


@pytest.mark.parametrize(
    ("who", "code"),
    [("unverified", "not_verified"), ("too_young", "too_young"), ("elsewhere", "not_resident")],
)
def test_who_may_not_sign_is_told_why_and_nothing_counts(collecting, census, who, code):
    if who == "unverified":
        person = UserFactory()
    elif who == "too_young":
        person = census.verified(born=born_years_ago(15))
    else:
        person = census.verified()
        Verification.objects.filter(user=person).update(municipality_nis="21009")
        person = User.objects.get(pk=person.pk)

    assert refusal_code(lambda: services.sign(initiative=collecting, user=person)) == code
    assert services.count(collecting) == 0


def test_a_closed_initiative_cannot_be_signed(transmitted, census):
    assert refusal_code(lambda: services.sign(initiative=transmitted, user=census.verified())) == "closed"


def test_paper_lines_are_checked_against_the_census_and_every_other_signature(collecting, census, manager):
    online = census.verified()
    services.sign(initiative=collecting, user=online)
    online_number = census.people[-1]
    fresh = census.add(date(1990, 2, 3))
    young = census.add(born_years_ago(12))
    lines = [
        PaperLine(fresh[0], fresh[1], "Fatima"),
        PaperLine(fresh[0], fresh[1], "Fatima again"),
        PaperLine(online_number[0], online_number[1], "Online signer"),
        PaperLine("85073003329", date(1985, 7, 30), "Typo"),
        PaperLine("85073003328", date(1985, 7, 30), "Not on the list"),
        PaperLine(young[0], young[1], "Too young"),
    ]

    report = services.enter_paper_sheet(initiative=collecting, staff=manager, reference="S-001", lines=lines)

    assert report.accepted == 1
    assert [(line.line, line.code) for line in report.rejected] == [
        (2, "already_signed"),
        (3, "already_signed"),
        (4, "national_number"),
        (5, "not_on_census"),
        (6, "too_young"),
    ]
    assert services.count(collecting) == 2
    assert "85073003328" not in "".join(Signature.objects.values_list("digest", flat=True))


def test_a_sheet_is_entered_once_and_only_by_staff(collecting, census, manager, resident):
    person = census.add(date(1970, 5, 5))
    services.enter_paper_sheet(
        initiative=collecting, staff=manager, reference="S-1", lines=[PaperLine(person[0], person[1], "Jan")]
    )

    assert (
        refusal_code(
            lambda: services.enter_paper_sheet(initiative=collecting, staff=manager, reference="S-1", lines=[])
        )
        == "sheet_entered"
    )
    with pytest.raises(PermissionDenied):
        services.enter_paper_sheet(initiative=collecting, staff=resident, reference="S-2", lines=[])
    assert services.count(collecting) == 1


def test_a_signatory_finds_their_verification_and_signatures_in_their_data_export(collecting, census):
    from samen.common.privacy import personal_data

    signer = census.verified()
    services.sign(initiative=collecting, user=signer)

    exported = personal_data(User.objects.get(pk=signer.pk))

    assert exported["verification"]["method"] == "document"
    assert exported["verification"]["municipality"] == "21004"
    assert [row["initiative_id"] for row in exported["signatures"]] == [collecting.pk]
    assert Verification.objects.get(user=signer).digest not in str(exported)  # the key's output stays on the server


def test_the_author_and_the_committee_find_the_initiative_in_every_language_in_their_data(submitted, manager):
    from samen.common.privacy import personal_data

    author = submitted.author
    promoter = submitted.promoters.exclude(user=author).get().user

    written = personal_data(author)["initiatives_written"]
    committee = personal_data(promoter)["initiative_committees"]

    assert [row["id"] for row in written] == [submitted.pk]
    assert written[0]["title"] == TEXTS["title"]
    assert written[0]["text"] == TEXTS["text"]  # written in the two official languages only
    assert [(row["initiative_id"], row["title"]["nl"]) for row in committee] == [(submitted.pk, submitted.title_nl)]
    assert committee[0]["accepted_at"] is not None
    assert personal_data(manager)["initiatives_written"] == []
