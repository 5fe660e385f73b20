"""Debates' writes: the manager's question and conclusion in Dutch and French, residents' arguments, supports and
comments while the debate is open, and nothing once it is closed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from samen.debates import services
from samen.debates.models import Argument, ArgumentSupport, Debate, DebateComment
from tests.debates.conftest import make_argument, make_debate
from tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

QUESTION = {"nl": "Een autovrij plein?", "fr": "Une place piétonne ?"}
CONCLUSION = {"nl": "Ja, op zondag.", "fr": "Oui, le dimanche."}


def test_a_manager_puts_a_question_in_dutch_and_french_and_the_debate_opens(manager):
    process = ProcessFactory()

    debate = services.create_debate(
        process=process, by=manager, question=QUESTION, introduction={"nl": "Inleiding", "fr": "Introduction"}
    )

    assert (debate.question_nl, debate.question_fr, debate.introduction_fr) == (
        "Een autovrij plein?",
        "Une place piétonne ?",
        "Introduction",
    )
    assert debate.is_open
    assert debate.created_by == manager


def test_a_question_without_its_french_version_is_refused_naming_the_french_field(manager):
    process = ProcessFactory()

    with pytest.raises(ValidationError) as refused:
        services.create_debate(process=process, by=manager, question={"nl": "Een autovrij plein?", "fr": "  "})

    assert list(refused.value.message_dict) == ["question_fr"]
    assert Debate.objects.count() == 0


def test_a_resident_cannot_put_a_question(resident):
    with pytest.raises(PermissionDenied):
        services.create_debate(process=ProcessFactory(), by=resident, question=QUESTION)

    assert Debate.objects.count() == 0


def test_the_manager_corrects_the_question(manager, debate):
    services.update_debate(debate=debate, by=manager, question={"nl": "Autovrij?", "fr": "Piétonne ?"})

    debate.refresh_from_db()
    assert (debate.question_nl, debate.question_fr) == ("Autovrij?", "Piétonne ?")


def test_a_resident_cannot_edit_the_question(resident, debate):
    with pytest.raises(PermissionDenied):
        services.update_debate(debate=debate, by=resident, question={"nl": "Ander", "fr": "Autre"})

    debate.refresh_from_db()
    assert debate.question_nl == "Moet het Bockstaelplein autovrij worden?"


def test_closing_publishes_the_conclusion_in_both_languages(manager, debate):
    closed = services.close_debate(debate=debate, by=manager, conclusion=CONCLUSION)

    debate.refresh_from_db()
    assert debate.is_closed
    assert (debate.conclusion_nl, debate.conclusion_fr) == ("Ja, op zondag.", "Oui, le dimanche.")
    assert closed.closed_at == debate.closed_at


def test_closing_without_the_dutch_conclusion_is_refused_and_the_debate_stays_open(manager, debate):
    with pytest.raises(ValidationError) as refused:
        services.close_debate(debate=debate, by=manager, conclusion={"nl": "", "fr": "Oui."})

    debate.refresh_from_db()
    assert list(refused.value.message_dict) == ["conclusion_nl"]
    assert debate.closed_at is None
    assert debate.conclusion_fr == ""


def test_a_closed_debate_cannot_be_closed_again(manager, closed_debate):
    with pytest.raises(ValidationError) as refused:
        services.close_debate(debate=closed_debate, by=manager, conclusion={"nl": "Nee.", "fr": "Non."})

    closed_debate.refresh_from_db()
    assert refused.value.code == "already_closed"
    assert closed_debate.conclusion_fr == "La place sera piétonne le dimanche."


def test_a_resident_cannot_close_a_debate(resident, debate):
    with pytest.raises(PermissionDenied):
        services.close_debate(debate=debate, by=resident, conclusion=CONCLUSION)

    debate.refresh_from_db()
    assert debate.closed_at is None


def test_a_resident_posts_an_argument_against(resident, debate):
    argument = services.post_argument(
        debate=debate, author=resident, side="against", text="  The buses must pass.  ", language="fr"
    )

    assert (argument.side, argument.text, argument.visibility) == ("against", "The buses must pass.", "published")


def test_under_premoderation_an_argument_waits_for_a_moderator(resident):
    debate = make_debate(process=ProcessFactory(premoderation=True))

    argument = services.post_argument(debate=debate, author=resident, side="for", text="Quiet.", language="en")

    assert argument.visibility == "pending"


def test_an_argument_longer_than_a_thousand_characters_is_refused(resident, debate):
    with pytest.raises(ValidationError):
        services.post_argument(debate=debate, author=resident, side="for", text="x" * 1001, language="en")

    assert Argument.objects.count() == 0


def test_an_argument_on_no_side_is_refused(resident, debate):
    with pytest.raises(ValidationError):
        services.post_argument(debate=debate, author=resident, side="maybe", text="Hmm.", language="en")

    assert Argument.objects.count() == 0


def test_a_closed_debate_refuses_arguments_supports_and_comments_with_a_reason(resident, closed_debate):
    argument = make_argument(closed_debate)
    attempts = (
        lambda: services.post_argument(debate=closed_debate, author=resident, side="for", text="Late.", language="en"),
        lambda: services.support_argument(argument=argument, resident=resident),
        lambda: services.comment_debate(debate=closed_debate, author=resident, body="Late.", language="en"),
    )

    codes = []
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        codes.append(refused.value.code)

    assert codes == ["debate_closed"] * 3
    assert refused.value.messages == ["This debate is closed: its conclusion is published and nothing can be added."]
    assert (Argument.objects.count(), ArgumentSupport.objects.count(), DebateComment.objects.count()) == (1, 0, 0)


def test_a_resident_supports_another_argument_once(resident, debate):
    argument = make_argument(debate)
    services.support_argument(argument=argument, resident=resident)

    with pytest.raises(ValidationError) as refused:
        services.support_argument(argument=argument, resident=resident)

    assert refused.value.code == "already_supported"
    assert argument.supports.count() == 1


def test_an_author_cannot_support_their_own_argument(resident, debate):
    argument = make_argument(debate, author=resident)

    with pytest.raises(PermissionDenied):
        services.support_argument(argument=argument, resident=resident)

    assert argument.supports.count() == 0


def test_a_resident_withdraws_their_support(resident, debate):
    argument = make_argument(debate)
    services.support_argument(argument=argument, resident=resident)

    services.withdraw_support(argument=argument, resident=resident)

    assert argument.supports.count() == 0


def test_withdrawing_a_support_never_given_is_refused(resident, debate):
    argument = make_argument(debate)

    with pytest.raises(ValidationError) as refused:
        services.withdraw_support(argument=argument, resident=resident)

    assert refused.value.code == "not_supported"


def test_a_resident_comments_on_the_debate(resident, debate):
    comment = services.comment_debate(debate=debate, author=resident, body=" Good question. ", language="nl")

    assert (comment.body, comment.language, comment.author) == ("Good question.", "nl", resident)


def test_a_moderator_hides_an_argument_with_a_reason_and_publishes_it_again(moderator, debate):
    argument = make_argument(debate)

    services.moderate(moderator=moderator, content=argument, hide=True, reason="Insulting.")
    hidden = Argument.objects.get(pk=argument.pk)
    services.moderate(moderator=moderator, content=argument, hide=False, reason="Reviewed.")
    restored = Argument.objects.get(pk=argument.pk)

    assert (hidden.visibility, hidden.moderation_reason) == ("hidden", "Insulting.")
    assert (restored.visibility, restored.moderation_reason) == ("published", "")


def test_a_resident_cannot_hide_an_argument(resident, debate):
    argument = make_argument(debate)

    with pytest.raises(PermissionDenied):
        services.moderate(moderator=resident, content=argument, hide=True, reason="I disagree.")

    argument.refresh_from_db()
    assert argument.visibility == "published"


def test_past_the_hourly_allowance_a_resident_is_asked_to_wait_and_nothing_is_saved(resident, debate, settings):
    settings.SAMEN_POSTS_PER_HOUR = 2
    services.post_argument(debate=debate, author=resident, side="for", text="One.", language="en")
    services.comment_debate(debate=debate, author=resident, body="Two.", language="en")

    with pytest.raises(ValidationError) as refused:
        services.post_argument(debate=debate, author=resident, side="for", text="Three.", language="en")

    assert refused.value.code == "rate_limited"
    assert (Argument.objects.count(), DebateComment.objects.count()) == (1, 1)
