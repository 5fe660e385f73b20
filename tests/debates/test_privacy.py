"""What debates keep about a person: their arguments, supports and comments in the data export; once the account is
deleted, the words stay signed "deleted account" and the supports go, so the counts stay right."""

import pytest

from samen.accounts.services import delete_account
from samen.common.privacy import personal_data
from samen.debates import services
from samen.debates.models import Argument, ArgumentSupport, DebateComment
from tests.debates.conftest import make_argument

pytestmark = pytest.mark.django_db


def test_a_resident_finds_their_arguments_supports_and_comments_in_their_data_export(resident, outsider, debate):
    mine = services.post_argument(debate=debate, author=resident, side="against", text="Buses.", language="fr")
    theirs = make_argument(debate, author=outsider, text="Someone else's words.")
    services.support_argument(argument=theirs, resident=resident)
    services.comment_debate(debate=debate, author=resident, body="Good question.", language="nl")
    services.support_argument(argument=mine, resident=outsider)

    exported = personal_data(resident)

    assert [(row["id"], row["text"], row["side"]) for row in exported["debate_arguments"]] == [
        (mine.pk, "Buses.", "against")
    ]
    assert [row["argument_id"] for row in exported["debate_argument_supports"]] == [theirs.pk]
    assert [row["body"] for row in exported["debate_comments"]] == ["Good question."]
    assert exported["debates_put"] == []


def test_a_deleted_account_leaves_its_words_unsigned_and_its_supports_go(resident, outsider, debate):
    mine = make_argument(debate, author=resident, text="Buses.")
    theirs = make_argument(debate, author=outsider)
    ArgumentSupport.objects.create(argument=theirs, resident=resident)
    DebateComment.objects.create(debate=debate, author=resident, body="Yes.", language="en")

    delete_account(user=resident)

    assert Argument.objects.get(pk=mine.pk).author is None
    assert list(DebateComment.objects.values_list("author", flat=True)) == [None]
    assert theirs.supports.count() == 0
