"""An idea's comments come in pages of threads (a top-level comment with its replies), oldest first, with a "more
comments" link that works as a plain link and, with htmx, loads the next threads in its place."""

import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse

from samen.ideas import moderation, services
from samen.ideas.models import Comment
from samen.ideas.queries import COMMENTS_PER_PAGE
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _threads(idea, count: int, *, start: int = 1) -> list[Comment]:
    author = UserFactory()
    return [CommentFactory(idea=idea, author=author, body=f"Thread {n}") for n in range(start, start + count)]


def _shown(response) -> list[str]:
    """The comments a visitor sees, in the page's order."""
    body = response.content.decode()
    bodies = dict(Comment.objects.values_list("pk", "body"))
    return [bodies[int(pk)] for pk in re.findall(r'<li id="comment-(\d+)">', body)]


def _more_link(response) -> str | None:
    found = re.search(r'<li class="more-comments">\s*<a href="([^"]+)"', response.content.decode())
    return found.group(1) if found else None


def test_a_page_shows_a_pageful_of_threads_and_links_to_the_next(client, idea):
    _threads(idea, COMMENTS_PER_PAGE + 1)

    response = client.get(idea.get_absolute_url())

    assert _shown(response) == [f"Thread {n}" for n in range(1, COMMENTS_PER_PAGE + 1)]
    assert _more_link(response) == f"{idea.get_absolute_url()}?comments=2#comments"


def test_the_last_page_has_no_more_link(client, idea):
    _threads(idea, COMMENTS_PER_PAGE)

    response = client.get(idea.get_absolute_url())

    assert len(_shown(response)) == COMMENTS_PER_PAGE
    assert _more_link(response) is None


def test_the_more_link_without_htmx_opens_the_page_with_the_next_threads(client, idea):
    _threads(idea, COMMENTS_PER_PAGE + 2)
    link = _more_link(client.get(idea.get_absolute_url()))

    response = client.get(link)

    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" in body
    assert _shown(response) == [f"Thread {COMMENTS_PER_PAGE + 1}", f"Thread {COMMENTS_PER_PAGE + 2}"]
    assert f'href="{idea.get_absolute_url()}?comments=1#comments">Earlier comments</a>' in body


def test_the_more_link_with_htmx_returns_only_the_next_threads(client, idea):
    _threads(idea, COMMENTS_PER_PAGE + 1)

    response = client.get(idea.get_absolute_url(), {"comments": "2"}, HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert response.status_code == 200
    assert body.strip().startswith(f'<li id="comment-{Comment.objects.get(body=f"Thread {COMMENTS_PER_PAGE + 1}").pk}"')
    assert "<html" not in body
    assert "<section" not in body
    assert _shown(response) == [f"Thread {COMMENTS_PER_PAGE + 1}"]


def test_a_late_reply_stays_with_its_thread_on_the_first_page(client, idea):
    first, *_rest = _threads(idea, COMMENTS_PER_PAGE + 1)
    CommentFactory(idea=idea, parent=first, body="A late reply")

    first_page = client.get(idea.get_absolute_url())
    second_page = client.get(idea.get_absolute_url(), {"comments": "2"})

    assert _shown(first_page)[:3] == ["Thread 1", "A late reply", "Thread 2"]
    assert _shown(second_page) == [f"Thread {COMMENTS_PER_PAGE + 1}"]


def test_a_link_to_an_old_comment_lands_on_the_page_that_shows_it(client, idea):
    threads = _threads(idea, 3 * COMMENTS_PER_PAGE)
    reply = CommentFactory(idea=idea, parent=threads[COMMENTS_PER_PAGE + 9], body="The reply an e-mail links to")

    response = client.get(reply.get_absolute_url())

    assert reply.get_absolute_url() == f"{idea.get_absolute_url()}?comment={reply.pk}#comment-{reply.pk}"
    assert _shown(response)[9:12] == [
        f"Thread {COMMENTS_PER_PAGE + 10}",
        "The reply an e-mail links to",
        f"Thread {COMMENTS_PER_PAGE + 11}",
    ]
    assert _shown(response)[0] == f"Thread {COMMENTS_PER_PAGE + 1}"


def test_hidden_comments_stay_hidden_and_take_no_place_in_the_pages(client, idea, moderator, outsider):
    _threads(idea, COMMENTS_PER_PAGE)
    hidden = CommentFactory(idea=idea, author=outsider, body="Rude words")
    moderation.hide_content(moderator=moderator, content=hidden, reason="Rude.")

    first_page = client.get(idea.get_absolute_url())
    second_page = client.get(idea.get_absolute_url(), {"comments": "2"})
    linked = client.get(hidden.get_absolute_url())

    assert _more_link(first_page) is None
    assert "Rude words" not in second_page.content.decode()
    assert "Rude words" not in linked.content.decode()
    assert _shown(linked) == _shown(first_page)


def test_a_page_number_out_of_range_or_not_a_number_shows_the_nearest_page(client, idea):
    _threads(idea, COMMENTS_PER_PAGE + 1)

    too_far = client.get(idea.get_absolute_url(), {"comments": "99"})
    nonsense = client.get(idea.get_absolute_url(), {"comments": "two", "comment": "x"})

    assert _shown(too_far) == [f"Thread {COMMENTS_PER_PAGE + 1}"]
    assert _shown(nonsense)[0] == "Thread 1"


def test_a_page_number_too_large_for_the_database_shows_the_last_page(client, idea):
    _threads(idea, COMMENTS_PER_PAGE + 1)

    response = client.get(idea.get_absolute_url(), {"comments": "9" * 30})
    zero = client.get(idea.get_absolute_url(), {"comments": "0"})

    assert response.status_code == 200
    assert _shown(response) == [f"Thread {COMMENTS_PER_PAGE + 1}"]
    assert _shown(zero) == [f"Thread {COMMENTS_PER_PAGE + 1}"]


def test_a_comment_is_shown_as_sanitised_markdown_and_an_edit_shows_its_new_text(client, idea, outsider, moderator):
    kept = services.add_comment(idea=idea, author=outsider, body="**Trees** <script>alert(1)</script>", language="en")
    edited = services.add_comment(idea=idea, author=outsider, body="Cars", language="en")
    services.update_comment(comment=edited, actor=outsider, body="*Bikes*, not cars")
    by_moderator = services.add_comment(idea=idea, author=outsider, body="Rude words", language="en")
    services.update_comment(comment=by_moderator, actor=moderator, body="[removed]")

    body = client.get(idea.get_absolute_url()).content.decode()

    assert f'<li id="comment-{kept.pk}">' in body
    assert "<div><p><strong>Trees</strong> </p></div>" in body
    assert "<div><p><em>Bikes</em>, not cars</p></div>" in body
    assert "<div><p>[removed]</p></div>" in body
    assert "alert(1)" not in body
    assert "Cars" not in body
    assert "Rude words" not in body


def test_a_comment_added_in_the_admin_shows_its_text(client, idea, resident):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    client.post(
        reverse("admin:ideas_comment_add"),
        {
            "idea": idea.pk,
            "author": resident.pk,
            "body": "*From* the admin",
            "language": "en",
            "visibility": "published",
        },
    )

    assert "<div><p><em>From</em> the admin</p></div>" in client.get(idea.get_absolute_url()).content.decode()


def test_the_migration_renders_the_comments_written_before_it(idea):
    comment = CommentFactory(idea=idea, body="*Written* before")
    Comment.objects.filter(pk=comment.pk).update(body_html="")
    migration = importlib.import_module("samen.ideas.migrations.0010_comment_body_html")

    migration.render_every_comment(apps, None)

    assert Comment.objects.get(pk=comment.pk).body_html == "<p><em>Written</em> before</p>"


def test_a_new_comment_leads_to_the_last_page_where_it_is(client, idea, outsider):
    _threads(idea, COMMENTS_PER_PAGE + 1)
    client.force_login(outsider)

    response = client.post(f"{idea.get_absolute_url()}comments/", {"body": "Me too", "language": "en"}, follow=True)

    assert _shown(response) == [f"Thread {COMMENTS_PER_PAGE + 1}", "Me too"]


def test_idea_page_queries_stay_flat_from_three_to_sixty_threads(client, idea, django_assert_num_queries):
    client.force_login(UserFactory())
    for top in _threads(idea, 3):
        CommentFactory(idea=idea, parent=top)
    # Session, user, idea, its phases, its themes, support, follow; one page of threads, their replies.
    with django_assert_num_queries(9) as three:
        client.get(idea.get_absolute_url())

    for top in _threads(idea, 57, start=4):
        CommentFactory(idea=idea, parent=top)
    with django_assert_num_queries(len(three.captured_queries)):
        client.get(idea.get_absolute_url())


def test_a_link_to_a_comment_finds_its_page_in_two_queries_however_far_it_is(client, idea, django_assert_num_queries):
    client.force_login(UserFactory())
    near = CommentFactory(idea=idea, parent=_threads(idea, 3)[0])
    with django_assert_num_queries(11):
        client.get(near.get_absolute_url())

    far = CommentFactory(idea=idea, parent=_threads(idea, 3 * COMMENTS_PER_PAGE, start=4)[-1])
    with django_assert_num_queries(11):
        response = client.get(far.get_absolute_url())

    assert _shown(response)[-2:] == [f"Thread {3 * COMMENTS_PER_PAGE + 3}", "Good idea."]
