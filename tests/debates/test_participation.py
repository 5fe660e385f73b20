""" "My participation": the debates a resident took part in, and nobody else's."""

import pytest
from django.urls import reverse

from samen.debates import services
from samen.debates.models import ArgumentSupport
from tests.debates.conftest import make_argument, make_debate

pytestmark = pytest.mark.django_db


def _page(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("my_participation")).content.decode()


def test_a_debate_i_argued_in_and_one_i_supported_in_show_with_their_state(client, resident, debate):
    services.post_argument(debate=debate, author=resident, side="for", text="Yes.", language="en")
    closed = make_debate(closed=True, question_fr="Un kiosque ?", question_nl="Een kiosk?")
    ArgumentSupport.objects.create(argument=make_argument(closed), resident=resident)

    page = _page(client, resident)

    assert "Debates I took part in" in page
    assert debate.get_absolute_url() in page
    assert "Open: you can still add arguments, support them and comment." in page
    assert "Un kiosque ?" in page
    assert "Closed: the conclusion is published." in page


def test_a_debate_someone_else_argued_in_is_not_on_my_page(client, resident, outsider, debate):
    make_argument(debate, author=outsider)

    page = _page(client, resident)

    assert "Debates I took part in" not in page
    assert debate.get_absolute_url() not in page
