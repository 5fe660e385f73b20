"""Anonymous reads from the PostgreSQL streaming replica (`DATABASES["replica"]`), everything else from the primary.

A request reads the replica only if it is a GET or HEAD by someone not signed in who has not sent a form in the
last `SAMEN_REPLICA_PIN_SECONDS` (a cookie says so): whoever just wrote reads the primary, so their idea is there
at once even while the replica lags. Writes, reads inside a transaction, sessions, the task queue, migrations and
anything outside a request (commands, the task worker) always use the primary."""

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

REPLICA = "replica"
PIN_COOKIE = "samen_primary"  # "you wrote a moment ago": read the primary until it expires
SAFE_METHODS = {"GET", "HEAD"}
ALWAYS_ON_PRIMARY = {"sessions", "django_tasks_database"}  # a session saved a moment ago; the worker's queue
RETRY_SECONDS = 30  # after the replica failed to answer, the primary serves everyone this long before a new try

logger = logging.getLogger(__name__)
_reads = ContextVar("samen_reads", default=DEFAULT_DB_ALIAS)
_replica_down_until = 0.0


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if model._meta.app_label in ALWAYS_ON_PRIMARY or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return _reads.get()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


@contextmanager
def reads_from_primary():
    """Read the primary inside this block (or decorated function) even in an anonymous GET: for what is counted and
    stored once (a vote's result), which must see every ballot, not a replica that may lag by the last ones."""
    token = _reads.set(DEFAULT_DB_ALIAS)
    try:
        yield
    finally:
        _reads.reset(token)


def replica_reads_on() -> bool:
    return settings.SAMEN_REPLICA_READS and REPLICA in settings.DATABASES


def may_read_replica(request) -> bool:
    """True for a GET or HEAD by a visitor who is not signed in and sent no form in the last moments."""
    return (
        replica_reads_on()
        and request.method in SAFE_METHODS
        and PIN_COOKIE not in request.COOKIES
        and not request.user.is_authenticated
    )


def replica_answers() -> bool:
    """Whether the replica takes queries now; when it does not, the primary serves reads for RETRY_SECONDS."""
    global _replica_down_until  # one flag per worker process
    if time.monotonic() < _replica_down_until:
        return False
    replica = connections[REPLICA]
    try:
        replica.close_if_health_check_failed()  # a connection kept from an earlier request may have died
        replica.ensure_connection()
    except DatabaseError:
        _replica_down_until = time.monotonic() + RETRY_SECONDS
        logger.warning("The database replica does not answer: reads go to the primary for %s s", RETRY_SECONDS)
        return False
    return True


class ReplicaReadsMiddleware:
    """Route the request's reads, and pin to the primary for a while whoever sends a form (after it, on purpose:
    the view's own reads already go to the primary because the method is not GET or HEAD)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        alias = REPLICA if may_read_replica(request) and replica_answers() else DEFAULT_DB_ALIAS
        token = _reads.set(alias)
        try:
            response = self.get_response(request)
        finally:
            _reads.reset(token)
        if request.method not in SAFE_METHODS and replica_reads_on():
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.SAMEN_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
