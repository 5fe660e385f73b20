"""Without a replica (DATABASE_REPLICA_URL unset), every read and write goes to the one database, as before."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import DEFAULT_DB_ALIAS, router
from django.test import RequestFactory
from django.urls import reverse

from samen.common.replica import PIN_COOKIE, REPLICA, may_read_replica
from samen.ideas.models import Idea


@pytest.mark.django_db
@pytest.mark.skipif(REPLICA in settings.DATABASES, reason="a replica is configured (tests/common/test_replica.py)")
def test_without_a_replica_an_anonymous_visitor_reads_the_primary(client, idea):
    request = RequestFactory().get(idea.get_absolute_url())
    request.user = AnonymousUser()

    page = client.get(idea.get_absolute_url())

    assert may_read_replica(request) is False
    assert idea.title in page.content.decode()
    assert PIN_COOKIE not in client.post(reverse("account_logout")).cookies


def test_migrations_and_writes_go_to_the_primary_only():
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "ideas") is True
    assert router.allow_migrate(REPLICA, "ideas") is False
    assert router.db_for_write(Idea) == DEFAULT_DB_ALIAS
    assert router.db_for_read(Idea) == DEFAULT_DB_ALIAS  # outside a request: commands, the task worker
