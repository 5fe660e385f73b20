"""Whole pages for anonymous visitors, kept in the shared cache (Redis in production) and invalidated by what changed.

Launch-day traffic is mostly people without an account following a link: they all get the same page for the same
address and language, so it is rendered once and then read from the cache. A page is stored with the generations it
was rendered under: one per process, raised whenever something the page shows changes (an idea, a support, a
comment, a phase, the process itself, its shortlist, budget or lottery), and one for the whole site (a display name
shown under ideas, an account deleted). A stored page whose generations are no longer the current ones is never
served. It also stores the instant it stops being true on its own (the next phase boundary), so a phase that opens
at 10:00 shows as open at 10:00.

What is personal never enters the cache: signed-in visitors, visitors with a message waiting, and the random order
(kept in the visitor's session) are rendered as before. The one per-visitor part of an anonymous page, the CSRF
token of its forms (the language switcher), is stored as a placeholder and filled in for each visitor.

Raising a generation happens at once and again when the transaction commits: a visitor who rendered the page
between the two, from data not yet committed, stored it under a generation the commit makes stale.
"""

import hashlib
import logging
import time
import zlib
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation

SITE = "site"
logger = logging.getLogger(__name__)
# Seconds a stored page is kept even if nothing changed: what bounds Redis's memory when someone asks for many
# different addresses (each stored page cost one render: at most renders a second, times TIMEOUT, times ~4 KB).
TIMEOUT = 300
# Seconds a worker keeps a process's phases in memory (processes/queries.attach_phases): the bound on a stale copy if
# the shared cache missed a phase change (see _raise); a new generation replaces it at once otherwise.
PHASES_SECONDS = 60
CSRF_PLACEHOLDER = "samen-page-cache-csrf-placeholder"


def _cache():
    return caches["default"]


def _generation_key(scope) -> str:
    return f"page-generation:{scope}"


@cache
def release() -> str:
    """Changes with every release (code, templates, translations, static files' names): a new release never serves
    a page rendered by the previous one, which may link static files that no longer exist."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder, patterns in (("samen", ("*.py", "*.html")), ("locale", ("*.mo",))):
        for pattern in patterns:
            for path in sorted((root / folder).rglob(pattern)):  # contents: the same on every app server
                digest.update(f"{path.relative_to(root)}\n".encode())
                digest.update(path.read_bytes())
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def _raise(scope) -> None:
    """Raise `scope`'s generation. When the shared cache does not answer, the write goes on and the failure is
    logged: nothing is served from the cache while it does not answer, and if it comes back with its contents (a
    network cut rather than a restart, which empties it), a page that missed this raise is kept at most TIMEOUT
    seconds and a worker's copy of phases at most PHASES_SECONDS."""
    key = _generation_key(scope)
    try:
        backend = _cache()
        if isinstance(backend, RedisCache):
            # One round trip (Django's incr() makes two, EXISTS then INCR), on every write: when never set or
            # evicted, start from the clock, so that no old page's generation comes back.
            key = backend.make_and_validate_key(key)
            pipeline = backend._cache.get_client(key, write=True).pipeline(transaction=False)
            pipeline.set(key, time.time_ns(), nx=True)
            pipeline.incr(key)
            pipeline.execute()
        else:
            try:
                backend.incr(key)
            except ValueError:  # never set, or evicted: start from the clock
                backend.add(key, time.time_ns(), timeout=None)
    except Exception:  # whatever the backend raises (Redis down)
        logger.error("The shared cache does not answer: the pages of %s could not be marked stale", scope)


def _raise_now_and_on_commit(scope) -> None:
    _raise(scope)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _raise(scope), robust=True)


def generation(scope: str) -> int | None:
    """The current generation of `scope` in the shared cache: whatever is kept under it elsewhere (a worker's copy of
    a process's phases) is current while this has not changed. None when the shared cache does not answer: then
    nothing may be read from a copy."""
    key = _generation_key(scope)
    try:
        value = _cache().get(key)
        if value is None:
            _cache().add(key, time.time_ns(), timeout=None)
            value = _cache().get(key)
    except Exception:  # whatever the backend raises (Redis down): read the database instead
        logger.warning("The shared cache does not answer: pages and phases are read from the database")
        return None
    return value


def generations(process_ids: list[int]) -> dict[int, int] | None:
    """The current generations of these processes, in one read of the shared cache (a value kept under them, a count
    of participants, is current while they have not changed); None when the shared cache does not answer."""
    keys = {process_id: _generation_key(process_id) for process_id in process_ids}
    try:
        found = _cache().get_many(keys.values())
        for key in keys.values():
            if key not in found:
                _cache().add(key, time.time_ns(), timeout=None)
                found[key] = _cache().get(key)
    except Exception:  # whatever the backend raises (Redis down)
        logger.warning("The shared cache does not answer: counts are read from the database")
        return None
    return {process_id: found[key] for process_id, key in keys.items()}


def scope_changed(scope: str) -> None:
    """What is kept under `scope`'s generation is stale (now, and again when the transaction commits)."""
    _raise_now_and_on_commit(scope)


def process_changed(process_id: int | None) -> None:
    """Something the process's pages show has changed: its stored pages are stale."""
    if process_id is not None:
        _raise_now_and_on_commit(process_id)


def site_changed() -> None:
    """Something every page may show has changed (an author's name): every stored page is stale."""
    _raise_now_and_on_commit(SITE)


def _generations(process_id: int) -> tuple[int, int] | None:
    """The process's and the site's generations; None when the shared cache does not answer (nothing is then
    served or stored: the page is rendered from the database)."""
    keys = [_generation_key(process_id), _generation_key(SITE)]
    try:
        found = _cache().get_many(keys)
        for key in keys:
            if key not in found:
                _cache().add(key, time.time_ns(), timeout=None)
                found[key] = _cache().get(key)
    except Exception:  # whatever the backend raises (Redis down)
        logger.warning("The shared cache does not answer: pages are rendered from the database")
        return None
    return found[keys[0]], found[keys[1]]


def watch(model, process_of: Callable, *, deletes: bool = True) -> None:
    """Raise the process's generation whenever a row of `model` is saved (or deleted): `process_of(row)` is its
    process's id. Without `deletes`, the service that deletes such rows raises it itself (a delete receiver makes
    Django load every row before deleting it)."""
    from django.db.models.signals import post_delete, post_save

    def changed(sender, instance, **kwargs):
        process_changed(process_of(instance))

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"page_cache_{model._meta.label}")
    if deletes:
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"page_cache_del_{model._meta.label}")


def process_through(field: str) -> Callable:
    """For `watch`: the process id of the row that `field` points to (an idea, a shortlist, a budget), read from the
    loaded row when it is, else in one query; None when that row is gone too (its own receiver has seen to it)."""

    def process_of(row):
        relation = row._meta.get_field(field)
        if relation.is_cached(row):
            pointed = getattr(row, field)
            return None if pointed is None else pointed.process_id
        pointed = getattr(row, relation.attname)
        if pointed is None:
            return None
        rows = relation.related_model._base_manager.filter(pk=pointed)
        return rows.values_list("process_id", flat=True).first()

    return process_of


def servable(request: HttpRequest) -> bool:
    """The same page for everyone who asks it this way: a GET without an account and without a message waiting."""
    if not settings.SAMEN_PAGE_CACHE or request.method not in {"GET", "HEAD"} or request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0  # counting does not mark them read


def key(request: HttpRequest, variant: str) -> str:
    """The address with its query string, the language and the variant (the whole page, or a fragment for htmx)."""
    parts = f"{release()}|{translation.get_language()}|{variant}|{request.get_full_path()}"
    return "page:" + hashlib.sha256(parts.encode()).hexdigest()


def _personal(request: HttpRequest, content: bytes, status: int, content_type: str) -> HttpResponse:
    return HttpResponse(
        content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode()),
        status=status,
        content_type=content_type,
    )


# Which process each address's slug named when a page was last rendered, in this worker: a hit then needs one small
# read from the shared cache (the generations), and the page itself from the worker's memory once it has it there.
_process_of_slug: dict[str, int] = {}


def serve(request: HttpRequest, page_key: str, slug: str, now: datetime) -> HttpResponse | None:
    """The stored page, if there is one still true at `now`: no query, one read of the shared cache (two the first
    time this worker serves the page)."""
    process_id = _process_of_slug.get(slug)
    if process_id is None:
        return None
    generations = _generations(process_id)
    if generations is None:
        return None
    local_key = f"{page_key}:{generations[0]}:{generations[1]}"
    stored = caches["local"].get(local_key)
    if stored is None:
        try:
            stored = _cache().get(page_key)
        except Exception:  # the shared cache stopped answering since: render instead
            return None
        if stored is None or stored[0] != process_id or stored[1] != generations:
            return None  # not stored, stale, or stored for another process that had this slug
        stored = (*stored[:-1], zlib.decompress(stored[-1]))  # compressed in Redis, plain in the worker's memory
        caches["local"].set(local_key, stored, timeout=TIMEOUT)
    _process_id, _generations_then, until, status, content_type, content = stored
    if until is not None and now >= until:
        return None
    return _personal(request, content, status, content_type)


def render_and_store(
    request: HttpRequest,
    page_key: str,
    *,
    slug: str,
    process_id: int,
    until: datetime | None,
    render: Callable,
    canonical: bool = True,
) -> HttpResponse:
    """`render(extra_context)` the page with the CSRF placeholder, store it, and answer with this visitor's token.
    An address that is not `canonical` (an unknown parameter, a page number out of range) is rendered, not stored:
    nobody fills Redis with pages by inventing addresses.

    The generations are read before rendering: a change during the render leaves a page that is never served."""
    generations = _generations(process_id)
    response = render({"csrf_token": CSRF_PLACEHOLDER})
    if response.status_code != 200 or not canonical or generations is None:
        return _personal(request, response.content, response.status_code, response["Content-Type"])
    timeout = TIMEOUT
    if until is not None:
        timeout = max(1, min(TIMEOUT, int((until - datetime.now(until.tzinfo)).total_seconds()) + 1))
    content = zlib.compress(response.content, 1)
    stored = (process_id, generations, until, response.status_code, response["Content-Type"], content)
    try:
        _cache().set(page_key, stored, timeout=timeout)
    except Exception:  # not stored; the visitor still gets the page
        logger.warning("The shared cache does not answer: a page was not stored")
    _process_of_slug[slug] = process_id
    return _personal(request, response.content, response.status_code, response["Content-Type"])
