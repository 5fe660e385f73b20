"""Who may write on debates: only process managers put, edit and close one; an outsider is refused on every write
and nothing is saved; a closed debate or a draft process takes nobody's argument, support or comment."""

import pytest
from django.urls import reverse

from samen.debates.models import Argument, ArgumentSupport, Debate, DebateComment
from tests.debates.conftest import make_argument, make_debate
from tests.factories import ProcessFactory, UserFactory
from tests.permission_objects import SCENES, Census, person
from tests.test_permission_table import ROLES

pytestmark = pytest.mark.django_db


def _url(name: str, debate: Debate, **kwargs) -> str:
    return reverse(f"debates:{name}", kwargs={"slug": debate.process.slug, "pk": debate.pk, **kwargs})


def _state(debate: Debate) -> tuple:
    debate.refresh_from_db()
    return (
        Debate.objects.count(),
        debate.question_nl,
        debate.closed_at,
        Argument.objects.filter(visibility="published").count(),
        ArgumentSupport.objects.count(),
        DebateComment.objects.count(),
    )


MANAGER_WRITES = [
    ("new", {"question_nl": "Een kiosk?", "question_fr": "Un kiosque ?"}),
    ("edit", {"question_nl": "Een kiosk?", "question_fr": "Un kiosque ?"}),
    ("close", {"conclusion_nl": "Ja.", "conclusion_fr": "Oui."}),
]


@pytest.mark.parametrize(("name", "data"), MANAGER_WRITES)
def test_an_outsider_cannot_put_edit_or_close_a_debate_and_nothing_is_saved(client, outsider, debate, name, data):
    client.force_login(outsider)
    before = _state(debate)
    url = reverse("debates:new", kwargs={"slug": debate.process.slug}) if name == "new" else _url(name, debate)

    page = client.get(url)
    response = client.post(url, data)

    assert (page.status_code, response.status_code) == (403, 403)
    assert "You are not allowed to do this." in response.content.decode()
    assert _state(debate) == before


@pytest.mark.parametrize(("name", "data"), MANAGER_WRITES)
def test_a_moderator_cannot_put_edit_or_close_a_debate(client, moderator, debate, name, data):
    client.force_login(moderator)
    before = _state(debate)
    url = reverse("debates:new", kwargs={"slug": debate.process.slug}) if name == "new" else _url(name, debate)

    response = client.post(url, data)

    assert response.status_code == 403
    assert _state(debate) == before


def _resident_writes(debate: Debate, argument: Argument) -> list[tuple[str, dict]]:
    return [
        (_url("post_argument", debate), {"side": "for", "text": "Yes.", "language": "en"}),
        (_url("support", debate, argument_pk=argument.pk), {}),
        (_url("comment", debate), {"body": "Yes.", "language": "en"}),
        (_url("moderate", debate, kind="argument", content_pk=argument.pk), {"reason": "x", "action": "hide"}),
    ]


def test_an_anonymous_visitor_is_sent_to_sign_in_on_every_write_and_nothing_is_saved(client, debate):
    argument = make_argument(debate)
    before = _state(debate)

    responses = [client.post(url, data) for url, data in _resident_writes(debate, argument)]

    assert [response.status_code for response in responses] == [302] * 4
    assert all(reverse("account_login") in response["Location"] for response in responses)
    assert _state(debate) == before


def test_an_outsider_cannot_write_on_a_debate_of_a_draft_process_and_nothing_is_saved(client, outsider):
    debate = make_debate(process=ProcessFactory(status="draft"))
    argument = make_argument(debate)
    client.force_login(outsider)
    before = _state(debate)

    responses = [client.post(url, data) for url, data in _resident_writes(debate, argument)]

    assert [response.status_code for response in responses] == [404] * 4
    assert _state(debate) == before


def test_an_outsider_cannot_hide_an_argument_and_it_stays_published(client, outsider, debate):
    argument = make_argument(debate)
    client.force_login(outsider)

    response = client.post(
        _url("moderate", debate, kind="argument", content_pk=argument.pk), {"reason": "x", "action": "hide"}
    )

    argument.refresh_from_db()
    assert response.status_code == 403
    assert argument.visibility == "published"


def test_the_author_cannot_support_their_own_argument_through_the_page(client, resident, debate):
    argument = make_argument(debate, author=resident)
    client.force_login(resident)

    response = client.post(_url("support", debate, argument_pk=argument.pk))

    assert response.status_code == 403
    assert argument.supports.count() == 0


# The rules where the permission table (tests/test_permission_table.py) shows the open debate only.

#           an in re el au pr ju mo ma ad fa
NOBODY = "- - - - - - - - - - -"
MANAGERS = "- - - - - - - - Y Y -"
RULES = [
    ("debates.post_argument", "closed debate", NOBODY),
    ("debates.comment", "closed debate", NOBODY),
    ("debates.support_argument", "argument in a closed debate", NOBODY),
    ("debates.post_argument", "debate on a draft process", MANAGERS),
    ("debates.comment", "debate on a draft process", MANAGERS),
]


@pytest.mark.parametrize(
    ("permission", "scene", "role", "expected"),
    [
        pytest.param(permission, scene, role, cell == "Y", id=f"{permission}-{scene}-{role}")
        for permission, scene, row in RULES
        for role, cell in zip(ROLES, row.split(), strict=True)
    ],
)
def test_rule(permission, scene, role, expected):
    census = Census()
    built = SCENES[scene](census)
    user = person(role, built, census)

    answer = user.has_perm(permission, built.obj)

    assert answer == expected


def test_the_admin_shows_debates_to_a_manager_and_refuses_an_outsider_and_a_staff_account(client, manager, outsider):
    debate = make_debate()
    make_argument(debate)
    pages = [reverse("admin:debates_debate_changelist"), reverse("admin:debates_debate_change", args=[debate.pk])]
    writes = [
        reverse("admin:debates_debate_change", args=[debate.pk]),
        reverse("admin:debates_debate_delete", args=[debate.pk]),
    ]

    client.force_login(manager)
    shown = [client.get(url).status_code for url in pages]
    client.force_login(outsider)
    outsider_answers = [client.post(url, {"question_nl": "Overgenomen"}).status_code for url in writes]
    client.force_login(UserFactory(is_staff=True))
    staff_answers = [client.post(url, {"question_nl": "Overgenomen"}).status_code for url in writes]

    assert shown == [200, 200]
    assert outsider_answers == [302, 302]  # to the admin's sign-in: not staff
    assert staff_answers == [403, 403]
    assert Debate.objects.get().question_nl == "Moet het Bockstaelplein autovrij worden?"
