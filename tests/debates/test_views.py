"""A debate's pages: the list, the question with its two sides and their supports, plain POST forms for arguments,
supports and comments, the conclusion on top once closed, and the manager's pages to put, edit and close one."""

import pytest
from django.urls import reverse
from django.utils import translation

from samen.common.http import INVALID
from samen.debates.models import Argument, ArgumentSupport, Debate, DebateComment
from tests.debates.conftest import make_argument, make_debate
from tests.factories import PhaseFactory, ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db


def _url(name: str, debate: Debate, **kwargs) -> str:
    return reverse(f"debates:{name}", kwargs={"slug": debate.process.slug, "pk": debate.pk, **kwargs})


def test_the_debate_page_shows_the_question_the_introduction_and_both_sides_with_their_supports(client, debate):
    pro = make_argument(debate, side="for", text="Room for the market.")
    make_argument(debate, side="against", text="The buses must pass.")
    ArgumentSupport.objects.create(argument=pro, resident=UserFactory())

    page = client.get(debate.get_absolute_url()).content.decode()

    assert "La place Bockstael doit-elle devenir piétonne ?" in page  # English falls back to French
    assert "La commune <strong>hésite</strong>." in page
    for_side, against_side = page.split('id="side-against"')
    assert "Room for the market." in for_side
    assert "The buses must pass." in against_side
    assert "1 support" in for_side


def test_the_debate_page_reads_in_dutch_under_nl(client, debate):
    with translation.override("nl"):
        url = debate.get_absolute_url()

    page = client.get(url).content.decode()

    assert "Moet het Bockstaelplein autovrij worden?" in page


def test_a_hidden_argument_is_not_shown_to_others_but_its_author_sees_it_with_the_reason(client, debate, resident):
    make_argument(debate, author=resident, text="Something rude.", visibility="hidden", moderation_reason="Rude.")

    anonymous = client.get(debate.get_absolute_url()).content.decode()
    client.force_login(resident)
    author = client.get(debate.get_absolute_url()).content.decode()

    assert "Something rude." not in anonymous
    assert "Something rude." in author
    assert "Reason: Rude." in author


def test_a_resident_posts_an_argument_with_the_plain_form(client, resident, debate):
    client.force_login(resident)

    response = client.post(
        _url("post_argument", debate),
        {"side": "against", "text": "The buses must pass.", "language": "en"},
        follow=True,
    )

    assert list(Argument.objects.values_list("side", "text", "author")) == [
        ("against", "The buses must pass.", resident.pk)
    ]
    assert "Your argument is posted." in response.content.decode()


def test_an_argument_without_a_side_comes_back_with_the_error_and_nothing_is_saved(client, resident, debate):
    client.force_login(resident)

    response = client.post(_url("post_argument", debate), {"text": "On which side?", "language": "en"})

    assert response.status_code == INVALID
    assert "This field is required." in response.content.decode()
    assert "On which side?" in response.content.decode()  # what was typed is kept
    assert Argument.objects.count() == 0


def test_an_argument_too_long_comes_back_with_the_error_and_nothing_is_saved(client, resident, debate):
    client.force_login(resident)

    response = client.post(_url("post_argument", debate), {"side": "for", "text": "x" * 1001, "language": "en"})

    assert response.status_code == INVALID
    assert "Ensure this value has at most 1000 characters (it has 1001)." in response.content.decode()
    assert Argument.objects.count() == 0


def test_a_closed_debate_shows_its_conclusion_on_top_in_the_readers_language_and_no_argument_form(client, resident):
    debate = make_debate(closed=True)
    client.force_login(resident)
    with translation.override("nl"):
        url = debate.get_absolute_url()

    page = client.get(url).content.decode()

    assert page.index("Het plein wordt autovrij op zondag.") < page.index('id="side-for"')
    assert "La place sera piétonne le dimanche." not in page
    assert 'name="side"' not in page


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("post_argument", {"side": "for", "text": "Late.", "language": "en"}),
        ("comment", {"body": "Late.", "language": "en"}),
    ],
)
def test_a_closed_debate_refuses_a_post_with_the_reason_and_saves_nothing(client, resident, closed_debate, name, data):
    client.force_login(resident)

    response = client.post(_url(name, closed_debate), data)

    assert response.status_code == INVALID
    assert "This debate is closed: its conclusion is published and nothing can be added." in response.content.decode()
    assert (Argument.objects.count(), DebateComment.objects.count()) == (0, 0)


def test_a_closed_debate_refuses_a_support_with_the_reason(client, resident, closed_debate):
    argument = make_argument(closed_debate)
    client.force_login(resident)

    response = client.post(_url("support", closed_debate, argument_pk=argument.pk))

    assert response.status_code == INVALID
    assert "This debate is closed" in response.content.decode()
    assert argument.supports.count() == 0


def test_a_resident_supports_an_argument_then_withdraws_with_plain_forms(client, resident, debate):
    argument = make_argument(debate)
    client.force_login(resident)

    supported = client.post(_url("support", debate, argument_pk=argument.pk), follow=True)
    count_after_support = argument.supports.count()
    withdrawn = client.post(_url("support", debate, argument_pk=argument.pk), {"action": "withdraw"}, follow=True)

    assert count_after_support == 1
    assert "You support this argument." in supported.content.decode()
    assert "Withdraw my support" in supported.content.decode()
    assert "Your support is withdrawn." in withdrawn.content.decode()
    assert argument.supports.count() == 0


def test_a_second_support_by_the_same_account_is_refused_with_the_reason(client, resident, debate):
    argument = make_argument(debate)
    ArgumentSupport.objects.create(argument=argument, resident=resident)
    client.force_login(resident)

    response = client.post(_url("support", debate, argument_pk=argument.pk))

    assert response.status_code == INVALID
    assert "You already support this argument." in response.content.decode()
    assert argument.supports.count() == 1


def test_a_resident_comments_with_the_plain_form(client, resident, debate):
    client.force_login(resident)

    response = client.post(_url("comment", debate), {"body": "A good question.", "language": "en"}, follow=True)

    assert list(DebateComment.objects.values_list("body", flat=True)) == ["A good question."]
    assert "Your comment is posted." in response.content.decode()


def test_the_list_shows_each_debate_with_its_count_of_arguments(client, debate):
    make_argument(debate)
    make_argument(debate, side="against")
    make_argument(debate, visibility="hidden")
    other = make_debate(process=debate.process, question_fr="Un kiosque ?", question_nl="Een kiosk?")

    page = client.get(reverse("debates:list", kwargs={"slug": debate.process.slug})).content.decode()

    assert "2 arguments" in page
    assert "0 arguments" in page
    assert other.get_absolute_url() in page


@pytest.mark.parametrize("debates", [1, 3])
def test_the_list_reads_the_debates_in_one_query(client, django_assert_num_queries, debates):
    process = ProcessFactory()
    for _number in range(debates):
        make_argument(make_debate(process=process))
    url = reverse("debates:list", kwargs={"slug": process.slug})
    client.get(url)  # the branding and the session are read once

    with django_assert_num_queries(4):  # the process, its phases, its themes, the debates with their counts
        client.get(url)


def test_the_process_page_links_its_debates(client, debate):
    PhaseFactory(process=debate.process)

    page = client.get(debate.process.get_absolute_url()).content.decode()

    assert reverse("debates:list", kwargs={"slug": debate.process.slug}) in page
    assert "Debates: 1 question for and against" in page


def test_a_debate_of_a_draft_process_is_not_found_for_a_resident(client, resident):
    debate = make_debate(process=ProcessFactory(status="draft"))
    client.force_login(resident)

    page = client.get(debate.get_absolute_url())
    posted = client.post(_url("post_argument", debate), {"side": "for", "text": "Hi.", "language": "en"})

    assert (page.status_code, posted.status_code) == (404, 404)
    assert Argument.objects.count() == 0


# The manager's pages


def test_a_manager_puts_a_question_with_the_form(client, manager):
    process = ProcessFactory()
    client.force_login(manager)

    response = client.post(
        reverse("debates:new", kwargs={"slug": process.slug}),
        {"question_nl": "Een kiosk?", "question_fr": "Un kiosque ?", "introduction_nl": "", "introduction_fr": ""},
        follow=True,
    )

    debate = Debate.objects.get()
    assert (debate.process, debate.question_nl, debate.question_fr) == (process, "Een kiosk?", "Un kiosque ?")
    assert "The debate is open." in response.content.decode()


def test_a_question_without_its_dutch_version_comes_back_naming_the_field_and_nothing_is_saved(client, manager):
    process = ProcessFactory()
    client.force_login(manager)

    response = client.post(reverse("debates:new", kwargs={"slug": process.slug}), {"question_fr": "Un kiosque ?"})

    page = response.content.decode()
    assert response.status_code == INVALID
    assert "Please correct the following" in page
    assert 'href="#id_question_nl"' in page
    assert "Write the question in Dutch and in French: Brussels publishes in both." in page
    assert Debate.objects.count() == 0


def test_a_manager_edits_the_question(client, manager, debate):
    client.force_login(manager)

    form = client.get(_url("edit", debate)).content.decode()
    client.post(_url("edit", debate), {"question_nl": "Autovrij?", "question_fr": "Piétonne ?"})

    debate.refresh_from_db()
    assert "Moet het Bockstaelplein autovrij worden?" in form  # the form comes filled in
    assert (debate.question_nl, debate.question_fr, debate.introduction_nl) == ("Autovrij?", "Piétonne ?", "")


def test_a_manager_closes_the_debate_with_the_conclusion(client, manager, debate):
    client.force_login(manager)

    response = client.post(
        _url("close", debate), {"conclusion_nl": "Ja, op zondag.", "conclusion_fr": "Oui, le dimanche."}, follow=True
    )

    debate.refresh_from_db()
    assert debate.is_closed
    assert "The debate is closed and its conclusion published." in response.content.decode()


def test_closing_without_the_french_conclusion_comes_back_naming_the_field_and_the_debate_stays_open(
    client, manager, debate
):
    client.force_login(manager)

    response = client.post(_url("close", debate), {"conclusion_nl": "Ja.", "conclusion_fr": ""})

    debate.refresh_from_db()
    assert response.status_code == INVALID
    assert 'href="#id_conclusion_fr"' in response.content.decode()
    assert debate.closed_at is None
    assert debate.conclusion_nl == ""


def test_a_moderator_hides_an_argument_from_the_debate_page(client, moderator, debate):
    argument = make_argument(debate, text="Something rude.")
    client.force_login(moderator)

    client.post(
        _url("moderate", debate, kind="argument", content_pk=argument.pk), {"reason": "Rude.", "action": "hide"}
    )

    argument.refresh_from_db()
    assert (argument.visibility, argument.moderation_reason) == ("hidden", "Rude.")


@pytest.mark.parametrize("arguments", [1, 3])
def test_the_debate_page_reads_its_arguments_and_comments_in_a_constant_number_of_queries(
    client, django_assert_num_queries, resident, debate, arguments
):
    for number in range(arguments):
        make_argument(debate, side=("for", "against")[number % 2])
        DebateComment.objects.create(debate=debate, author=resident, body="Yes.", language="en")
    client.force_login(resident)
    client.get(debate.get_absolute_url())  # the branding and the session are read once

    # the session, the account, the process, its phases, its themes, the debate, the arguments, whether the account
    # is verified (a verified person's supports from another account), the comments
    with django_assert_num_queries(9):
        client.get(debate.get_absolute_url())


def test_moderating_something_that_is_neither_an_argument_nor_a_comment_is_not_found(client, moderator, debate):
    client.force_login(moderator)

    response = client.post(_url("moderate", debate, kind="debate", content_pk=debate.pk), {"reason": "x"})

    assert response.status_code == 404


def test_with_htmx_a_support_swaps_the_argument_card_alone_with_its_new_count(client, resident, debate):
    argument = make_argument(debate, text="Room for the market.")
    client.force_login(resident)

    response = client.post(_url("support", debate, argument_pk=argument.pk), headers={"HX-Request": "true"})

    card = response.content.decode()
    assert response.status_code == 200
    assert card.lstrip().startswith(f'<li class="card argument" id="argument-{argument.pk}">')
    assert "1 support" in card
    assert "Withdraw my support" in card
    assert argument.supports.count() == 1


def test_with_htmx_a_refused_support_comes_back_in_the_card_with_the_reason(client, resident, closed_debate):
    argument = make_argument(closed_debate)
    client.force_login(resident)

    response = client.post(_url("support", closed_debate, argument_pk=argument.pk), headers={"HX-Request": "true"})

    assert response.status_code == INVALID
    assert "This debate is closed: its conclusion is published and nothing can be added." in response.content.decode()
    assert "<html" not in response.content.decode()
    assert argument.supports.count() == 0


def test_under_premoderation_a_moderator_sees_the_waiting_argument_and_publishes_it(client, moderator, resident):
    debate = make_debate(process=ProcessFactory(premoderation=True))
    argument = make_argument(debate, text="Waiting words.", visibility="pending")

    client.force_login(resident)
    before = client.get(debate.get_absolute_url()).content.decode()
    client.force_login(moderator)
    moderated = client.get(debate.get_absolute_url()).content.decode()
    client.post(
        _url("moderate", debate, kind="argument", content_pk=argument.pk), {"reason": "Fine.", "action": "restore"}
    )
    client.force_login(resident)
    after = client.get(debate.get_absolute_url()).content.decode()

    assert "Waiting words." not in before
    assert "Waiting words." in moderated
    assert "Waiting words." in after
