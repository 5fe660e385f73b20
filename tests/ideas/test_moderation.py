import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from samen.ideas import moderation, services
from samen.ideas.models import Comment, Flag, Idea, ModerationAction, Visibility
from tests.factories import CommentFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_resident_flags_an_idea_once(idea, outsider):
    moderation.flag_content(flagger=outsider, content=idea, reason="spam")

    with pytest.raises(ValidationError) as error:
        moderation.flag_content(flagger=outsider, content=idea, reason="abuse")

    assert error.value.code == "already_flagged"
    assert list(Flag.objects.values_list("reason", flat=True)) == ["spam"]


def test_authors_cannot_flag_their_own_idea(idea, resident):
    with pytest.raises(PermissionDenied):
        moderation.flag_content(flagger=resident, content=idea, reason="spam")


def test_hiding_takes_an_idea_out_of_the_list_but_not_out_of_its_authors_sight(client, idea, outsider, moderator):
    moderation.flag_content(flagger=outsider, content=idea, reason="abuse")

    moderation.hide_content(moderator=moderator, content=idea, reason="Insults a neighbour by name.")

    idea.refresh_from_db()
    assert (idea.visibility, idea.moderation_reason) == (Visibility.HIDDEN, "Insults a neighbour by name.")
    assert idea.title not in client.get(idea.process.get_absolute_url()).content.decode()
    assert client.get(idea.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(idea.get_absolute_url()).status_code == 404
    client.force_login(idea.author)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Insults a neighbour by name." in page
    client.force_login(moderator)
    assert client.get(idea.get_absolute_url()).status_code == 200


def test_a_decision_resolves_the_flags_and_is_logged(idea, outsider, moderator):
    moderation.flag_content(flagger=outsider, content=idea, reason="spam")

    moderation.hide_content(moderator=moderator, content=idea, reason="Advertising.")
    moderation.restore_content(moderator=moderator, content=idea, reason="It was a local shop's real idea.")

    assert Flag.objects.filter(resolved_at__isnull=True).count() == 0
    assert list(ModerationAction.objects.order_by("pk").values_list("kind", "reason", "excerpt")) == [
        ("hide", "Advertising.", idea.title),
        ("restore", "It was a local shop's real idea.", idea.title),
    ]
    idea.refresh_from_db()
    assert (idea.visibility, idea.moderation_reason) == (Visibility.PUBLISHED, "")


def test_hiding_needs_a_reason(idea, moderator):
    with pytest.raises(ValidationError) as error:
        moderation.hide_content(moderator=moderator, content=idea, reason="  ")

    assert error.value.code == "reason_required"
    idea.refresh_from_db()
    assert idea.visibility == Visibility.PUBLISHED


def test_the_log_is_append_only(idea, moderator):
    action = moderation.hide_content(moderator=moderator, content=idea, reason="Spam.")

    action.reason = "Nothing happened"
    with pytest.raises(ValueError, match="append-only"):
        action.save()
    with pytest.raises(ValueError, match="append-only"):
        action.delete()


def test_the_log_keeps_its_entry_when_the_content_is_deleted(idea, moderator):
    moderation.hide_content(moderator=moderator, content=idea, reason="Spam.")

    Idea.objects.filter(pk=idea.pk).delete()

    assert list(ModerationAction.objects.values_list("excerpt", "idea")) == [(idea.title, None)]


def test_a_hidden_comment_leaves_the_thread_and_the_count(client, idea, outsider, moderator):
    visible = CommentFactory(idea=idea, body="Good idea")
    hidden = CommentFactory(idea=idea, author=outsider, body="Rude words")
    moderation.hide_content(moderator=moderator, content=hidden, reason="Rude.")

    page = client.get(idea.get_absolute_url()).content.decode()
    listed = client.get(idea.process.get_absolute_url()).context["page"][0]

    assert visible.body in page
    assert hidden.body not in page
    assert listed.comment_count == 1
    client.force_login(outsider)
    assert "Rude words" in client.get(idea.get_absolute_url()).content.decode()


def test_premoderation_holds_new_ideas_and_comments_until_approved(client, open_process, resident, outsider, moderator):
    open_process.premoderation = True
    open_process.save()

    idea = services.create_idea(
        process=open_process, author=resident, theme=open_process.themes.first(), title="Wait", body="x", language="en"
    )
    held = [idea.visibility, client.get(idea.get_absolute_url()).status_code]
    queued = [item.content for item in moderation.moderation_queue()]
    moderation.approve_content(moderator=moderator, content=idea)
    comment = services.add_comment(idea=idea, author=outsider, body="Me too", language="en")

    assert held == [Visibility.PENDING, 404]
    assert queued == [idea]
    assert client.get(idea.get_absolute_url()).status_code == 200
    assert comment.visibility == Visibility.PENDING


def test_the_queue_puts_the_most_flagged_first_then_the_oldest(open_process, moderator):
    theme = open_process.themes.first()
    once, twice = IdeaFactory(process=open_process, theme=theme), IdeaFactory(process=open_process, theme=theme)
    comment = CommentFactory(idea=once)
    for content, flaggers in ((once, 1), (twice, 2), (comment, 1)):
        for _ in range(flaggers):
            moderation.flag_content(flagger=UserFactory(), content=content, reason="spam")

    queue = moderation.moderation_queue()

    assert [(item.content, item.open_flags) for item in queue] == [(twice, 2), (once, 1), (comment, 1)]


def test_posting_past_the_hourly_allowance_is_refused(open_process, resident, settings):
    settings.SAMEN_POSTS_PER_HOUR = 2
    theme = open_process.themes.first()
    idea = services.create_idea(process=open_process, author=resident, theme=theme, title="1", body="x", language="en")
    services.add_comment(idea=idea, author=resident, body="2", language="en")

    with pytest.raises(ValidationError) as error:
        services.add_comment(idea=idea, author=resident, body="3", language="en")

    assert error.value.messages == [
        "You have posted 2 times in the last hour. Please wait a little before posting again."
    ]
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", lambda idea: reverse("moderation:queue")),
        ("get", lambda idea: reverse("moderation:log")),
        ("post", lambda idea: reverse("moderation:decide", args=["idea", idea.pk, "hide"])),
        ("post", lambda idea: reverse("moderation:decide", args=["idea", idea.pk, "restore"])),
        ("post", lambda idea: reverse("moderation:decide", args=["idea", idea.pk, "approve"])),
    ],
)
def test_an_ordinary_account_cannot_moderate(client, idea, outsider, method, url):
    client.force_login(outsider)

    response = getattr(client, method)(url(idea), {"reason": "Because."})

    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.visibility == Visibility.PUBLISHED
    assert not ModerationAction.objects.exists()


def test_a_moderator_hides_from_the_queue_page(client, idea, outsider, moderator):
    moderation.flag_content(flagger=outsider, content=idea, reason="spam")
    client.force_login(moderator)

    queue_page = client.get(reverse("moderation:queue")).content.decode()
    response = client.post(reverse("moderation:decide", args=["idea", idea.pk, "hide"]), {"reason": "Spam."})

    assert idea.title in queue_page
    assert response.status_code == 302
    assert client.get(reverse("moderation:log")).content.decode().count("Spam.") == 1


@pytest.mark.parametrize(
    ("next_url", "back_to"),
    [("/en/moderation/log/", "/en/moderation/log/"), ("https://evil.example/", "queue")],
)
def test_after_a_decision_the_moderator_goes_back_on_this_site_only(client, idea, moderator, next_url, back_to):
    client.force_login(moderator)

    response = client.post(
        reverse("moderation:decide", args=["idea", idea.pk, "hide"]), {"reason": "Spam.", "next": next_url}
    )

    assert response["Location"] == (reverse("moderation:queue") if back_to == "queue" else back_to)


def test_a_decision_without_a_reason_is_a_422(client, idea, moderator):
    client.force_login(moderator)

    response = client.post(reverse("moderation:decide", args=["idea", idea.pk, "hide"]), {"reason": ""})

    assert response.status_code == 422
    assert "Give a reason: the author will read it." in response.content.decode()


def test_flagging_through_the_page(client, idea, outsider):
    client.force_login(outsider)

    response = client.post(reverse("moderation:flag", args=["idea", idea.pk]), {"reason": "off_topic"})

    assert response.status_code == 302
    assert list(Flag.objects.values_list("flagger", "reason")) == [(outsider.pk, "off_topic")]


def test_flagging_needs_an_account(client, idea):
    response = client.post(reverse("moderation:flag", args=["idea", idea.pk]), {"reason": "spam"})

    assert response.status_code == 302
    assert not Flag.objects.exists()


def test_the_queue_page_queries_are_the_same_for_one_and_three_flagged_ideas(
    client, open_process, moderator, django_assert_num_queries
):
    theme = open_process.themes.first()
    client.force_login(moderator)

    def flagged_idea():
        moderation.flag_content(
            flagger=UserFactory(), content=IdeaFactory(process=open_process, theme=theme), reason="spam", note="Ads"
        )

    flagged_idea()
    # the session, the account, ideas and comments with their flags' reasons, and what waits in the debates' queue
    with django_assert_num_queries(7) as one:
        first = client.get(reverse("moderation:queue")).content.decode()
    flagged_idea()
    flagged_idea()
    with django_assert_num_queries(len(one.captured_queries)):
        third = client.get(reverse("moderation:queue")).content.decode()

    assert (first.count("Spam or advertising: "), third.count("Spam or advertising: ")) == (1, 3)
