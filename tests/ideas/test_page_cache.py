"""An anonymous visitor of the idea list sees every post, support, comment and moderation at once, even though the
list comes from the page cache (common/page_cache.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from samen.accounts.services import delete_account
from samen.ideas import moderation, services
from samen.ideas.models import Idea
from tests.conftest import process_in
from tests.factories import IdeaFactory
from tests.texts import shows

pytestmark = pytest.mark.django_db


def _list(process) -> str:
    response = Client().get(process.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_posted_idea_shows_on_the_anonymous_list_at_once(client, open_process, resident):
    assert "No idea matches yet." in _list(open_process)
    client.force_login(resident)

    client.post(
        reverse("ideas:create", args=[open_process.slug]),
        {
            "title": "Benches on Place Bockstael",
            "body": "Somewhere to sit.",
            "theme": open_process.themes.first().pk,
            "language": "en",
            "neighbourhood_code": "",
            "latitude": "",
            "longitude": "",
            "seen_similar": "1",
        },
    )

    assert Idea.objects.filter(title="Benches on Place Bockstael").exists()
    assert "Benches on Place Bockstael" in _list(open_process)


def test_a_support_and_its_withdrawal_show_on_the_anonymous_list_at_once(client, idea, outsider):
    assert "0 supports" in _list(idea.process)
    client.force_login(outsider)

    client.post(reverse("ideas:support", args=[idea.pk]), {"action": "support"})
    assert shows(_list(idea.process), "1 support")

    client.post(reverse("ideas:support", args=[idea.pk]), {"action": "withdraw"})
    assert "0 supports" in _list(idea.process)


def test_a_comment_shows_in_the_anonymous_lists_count_at_once(client, idea, outsider):
    assert "0 comments" in _list(idea.process)
    client.force_login(outsider)

    client.post(reverse("ideas:comment", args=[idea.pk]), {"body": "Yes, please.", "language": "en"})

    assert shows(_list(idea.process), "1 comment")


def test_a_hidden_idea_leaves_the_anonymous_list_at_once(idea, moderator):
    assert idea.title in _list(idea.process)

    moderation.hide_content(moderator=moderator, content=idea, reason="Off topic")

    assert idea.title not in _list(idea.process)


def test_a_deleted_idea_leaves_the_anonymous_list_at_once(idea, resident):
    assert idea.title in _list(idea.process)

    services.delete_idea(idea=idea, actor=resident)

    assert idea.title not in _list(idea.process)


def test_an_authors_new_name_shows_under_their_ideas_at_once(idea, resident):
    assert "Lucas" in _list(idea.process)

    resident.display_name = "Lucas Peeters"
    resident.save()

    assert "Lucas Peeters" in _list(idea.process)


def test_a_deleted_accounts_ideas_are_signed_deleted_account_at_once(idea, resident):
    assert "Lucas" in _list(idea.process)

    delete_account(user=resident)

    page = _list(idea.process)
    assert "Lucas" not in page
    assert "deleted account" in page


def test_a_support_in_another_process_leaves_this_list_stored(idea, outsider, django_assert_num_queries):
    other_process = process_in("open")
    other_process.voters = ""  # any signed-in account supports
    other_process.save()
    other_idea = IdeaFactory(process=other_process, theme=other_process.themes.first())
    _list(idea.process)

    services.support_idea(idea=other_idea, resident=outsider)

    with django_assert_num_queries(0):
        _list(idea.process)


REDIS_DOWN = {
    "default": {"BACKEND": "samen.common.cache.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"},  # nobody answers
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "samen-local-redis-down"},
}


def test_while_redis_does_not_answer_the_list_is_rendered_fresh_and_supports_still_count(idea, outsider, settings):
    assert "0 supports" in _list(idea.process)  # stored while the shared cache answers

    settings.CACHES = REDIS_DOWN
    services.support_idea(idea=idea, resident=outsider)

    assert shows(_list(idea.process), "1 support")
    assert idea.supports.count() == 1
