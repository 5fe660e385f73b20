"""Every permission on ideas against every role, in an open and in a closed phase."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

# (permission, anonymous, author, other resident, moderator) while the idea collection runs
OPEN = [
    ("ideas.change_idea", False, True, False, True),
    ("ideas.delete_idea", False, True, False, True),
    ("ideas.comment_idea", False, True, True, True),
    ("ideas.support_idea", False, True, True, True),
    ("ideas.follow_idea", False, True, True, True),
]
# ... and once it has closed: authors can no longer change what they posted; moderators still can
CLOSED = [
    ("ideas.change_idea", False, False, False, True),
    ("ideas.delete_idea", False, False, False, True),
    ("ideas.comment_idea", False, False, False, False),
    ("ideas.support_idea", False, False, False, False),
    ("ideas.follow_idea", False, True, True, True),
]


def _cast(resident, outsider, moderator):
    return [AnonymousUser(), resident, outsider, moderator]


@pytest.mark.parametrize(("permission", *"aorm"), OPEN)
def test_idea_permissions_while_open(permission, a, o, r, m, idea, resident, outsider, moderator):
    got = [user.has_perm(permission, idea) for user in _cast(resident, outsider, moderator)]

    assert got == [a, o, r, m]


@pytest.mark.parametrize(("permission", *"aorm"), CLOSED)
def test_idea_permissions_once_closed(permission, a, o, r, m, closed_idea, resident, outsider, moderator):
    got = [user.has_perm(permission, closed_idea) for user in _cast(resident, outsider, moderator)]

    assert got == [a, o, r, m]


def test_only_the_comment_author_and_moderators_may_change_a_comment(idea, resident, outsider, moderator):
    comment = CommentFactory(idea=idea, author=outsider)

    got = [user.has_perm("ideas.change_comment", comment) for user in _cast(resident, outsider, moderator)]

    assert got == [False, False, True, True]


def test_nobody_but_managers_may_post_in_a_draft_process(open_process, resident, manager):
    open_process.status = "draft"

    assert not resident.has_perm("ideas.add_idea", open_process)
    assert manager.has_perm("ideas.add_idea", open_process)


# (permission, anonymous, author, other resident, moderator) on a published idea in an open phase
MODERATION = [
    ("ideas.moderate", False, False, False, True),
    ("ideas.flag_content", False, False, True, True),
    ("ideas.view_idea", True, True, True, True),
]


@pytest.mark.parametrize(("permission", *"aorm"), MODERATION)
def test_moderation_permissions(permission, a, o, r, m, idea, resident, outsider, moderator):
    got = [user.has_perm(permission, idea) for user in _cast(resident, outsider, moderator)]

    assert got == [a, o, r, m]


def test_a_hidden_idea_is_seen_by_its_author_and_moderators_only(idea, resident, outsider, moderator):
    idea.visibility = "hidden"

    got = [user.has_perm("ideas.view_idea", idea) for user in _cast(resident, outsider, moderator)]

    assert got == [False, True, False, True]


def test_nobody_supports_or_comments_on_a_hidden_idea(idea, resident, outsider, moderator):
    idea.visibility = "hidden"

    assert not any(
        user.has_perm(permission, idea)
        for user in _cast(resident, outsider, moderator)
        for permission in ("ideas.support_idea", "ideas.comment_idea")
    )
