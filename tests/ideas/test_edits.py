"""Edits after publication: under pre-moderation an author's edit goes back to the moderators; a moderator's edit
of someone else's words is written to the moderation log with the text it replaced."""

import pytest
from django.urls import reverse

from samen.ideas import queries, services
from samen.ideas.models import Comment, Idea, ModerationAction, Visibility
from tests.factories import CommentFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def _form(idea, **overrides):
    return {
        "title": idea.title,
        "body": idea.body,
        "theme": idea.theme_id,
        "neighbourhood_code": "",
        "latitude": "",
        "longitude": "",
    } | overrides


@pytest.fixture
def premoderated_idea(open_process, resident):
    """An idea a moderator has approved, in a pre-moderated process."""
    open_process.premoderation = True
    open_process.save()
    return IdeaFactory(
        process=open_process, theme=open_process.themes.first(), author=resident, title="Benches", body="On the square"
    )


def test_an_approved_idea_edited_by_its_author_goes_back_to_the_moderators(client, premoderated_idea, resident):
    client.force_login(resident)

    response = client.post(
        reverse("ideas:edit", args=[premoderated_idea.pk]),
        _form(premoderated_idea, body="Buy my benches!"),
        follow=True,
    )

    premoderated_idea.refresh_from_db()
    page = response.content.decode()
    assert premoderated_idea.visibility == Visibility.PENDING
    assert list(queries.filtered_ideas(premoderated_idea.process)) == []
    assert "A moderator will review them before the idea is shown to others." in page
    assert "Only you and the moderators see it until a moderator approves it." in page


def test_the_edited_idea_is_hidden_from_others_until_approved(client, premoderated_idea, resident, outsider):
    services.update_idea(
        idea=premoderated_idea,
        actor=resident,
        theme=premoderated_idea.theme,
        title="Benches",
        body="Buy my benches!",
        place=services.Place(),
    )
    client.force_login(outsider)

    response = client.get(premoderated_idea.get_absolute_url())

    assert response.status_code == 404


def test_without_premoderation_an_edited_idea_stays_published(idea, resident):
    services.update_idea(
        idea=idea, actor=resident, theme=idea.theme, title="Better title", body=idea.body, place=services.Place()
    )

    idea.refresh_from_db()
    assert idea.visibility == Visibility.PUBLISHED
    assert list(queries.filtered_ideas(idea.process)) == [idea]


def test_an_approved_comment_edited_by_its_author_goes_back_to_the_moderators(premoderated_idea, outsider):
    comment = CommentFactory(idea=premoderated_idea, author=outsider, body="Good idea")

    services.update_comment(comment=comment, actor=outsider, body="Visit my shop")

    comment.refresh_from_db()
    assert comment.visibility == Visibility.PENDING


def test_a_moderators_edit_of_an_idea_is_logged_with_the_text_it_replaced(client, idea, moderator):
    idea.title, idea.body = "Benches", "Call 0470 12 34 56 for benches"
    idea.save()
    client.force_login(moderator)

    response = client.post(reverse("ideas:edit", args=[idea.pk]), _form(idea, body="Benches, please"))

    entry = ModerationAction.objects.get()
    assert response.status_code == 302
    assert (entry.moderator, entry.kind, entry.idea, entry.previous_text) == (
        moderator,
        ModerationAction.Kind.EDIT,
        idea,
        "Benches\n\nCall 0470 12 34 56 for benches",
    )
    assert Idea.objects.get().visibility == Visibility.PUBLISHED


def test_a_moderators_edit_of_a_comment_is_logged_and_shown_in_the_log(client, idea, resident, moderator):
    comment = CommentFactory(idea=idea, author=resident, body="Mail me at lucas@example.org")
    client.force_login(moderator)

    client.post(reverse("ideas:comment_edit", args=[comment.pk]), {"body": "Mail me (address removed)"})

    entry = ModerationAction.objects.get()
    page = client.get(reverse("moderation:log")).content.decode()
    assert (entry.moderator, entry.kind, entry.comment, entry.previous_text) == (
        moderator,
        ModerationAction.Kind.EDIT,
        comment,
        "Mail me at lucas@example.org",
    )
    assert "Mail me at lucas@example.org" in page
    assert Comment.objects.get().body == "Mail me (address removed)"


def test_an_authors_own_edit_is_not_a_moderation(idea, resident):
    services.update_idea(idea=idea, actor=resident, theme=idea.theme, title="Mine", body="x", place=services.Place())

    assert ModerationAction.objects.count() == 0


def test_an_outsiders_edit_is_refused_and_nothing_is_logged(client, idea, outsider):
    client.force_login(outsider)

    response = client.post(reverse("ideas:edit", args=[idea.pk]), _form(idea, body="Hijacked"))

    idea.refresh_from_db()
    assert response.status_code == 403
    assert idea.body != "Hijacked"
    assert ModerationAction.objects.count() == 0


def test_the_admin_cannot_change_an_idea_behind_the_log(client, idea):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    response = client.post(reverse("admin:ideas_idea_change", args=[idea.pk]), {"title": "Changed", "body": "x"})

    idea.refresh_from_db()
    assert response.status_code == 403
    assert idea.title != "Changed"


def test_an_edited_idea_is_found_by_its_new_words_and_no_longer_by_its_old_ones(client, open_process, resident):
    theme = open_process.themes.first()
    edited = IdeaFactory(process=open_process, theme=theme, author=resident, language="nl", title="Meer bankjes")
    IdeaFactory(process=open_process, theme=theme, language="nl", title="Bankjes in het park", body="Voor iedereen.")
    services.update_idea(
        idea=edited,
        actor=resident,
        theme=theme,
        title="Een drinkfontein",
        body="Gratis water op het plein.",
        place=services.Place(),
    )

    by_new_words = client.get(open_process.get_absolute_url(), {"q": "drinkfontein"})
    by_old_words = client.get(open_process.get_absolute_url(), {"q": "bankjes"})

    assert [idea.title for idea in by_new_words.context["page"]] == ["Een drinkfontein"]
    assert [idea.title for idea in by_old_words.context["page"]] == ["Bankjes in het park"]
