import gzip
import hashlib
import secrets
from datetime import timedelta

from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.cache import patch_vary_headers

from samen.common import clock, page_cache
from samen.common.replica import reads_from_primary
from samen.ideas.forms import IdeaFilterForm
from samen.ideas.queries import (
    SORTS,
    filtered_ideas,
    idea_points_geojson,
    ideas_for_page,
    ideas_stamp,
    ordered_idea_ids,
)
from samen.processes import eligibility, queries
from samen.processes.models import Process
from samen.processes.phases import PHASE_KINDS, POST_IDEA

IDEAS_PER_PAGE = 12
LIST_PARAMETERS = {"q", "theme", "neighbourhood", "sort", "page"}  # what the list's address may carry


def process_list(request):
    processes = queries.visible_processes(request.user)
    return render(request, "processes/process_list.html", {"processes": processes})


def _shuffle_seed(request) -> int:
    """One random order per visitor, kept in the session so paging does not reshuffle."""
    if "shuffle_seed" not in request.session:
        request.session["shuffle_seed"] = secrets.randbelow(100_000)
    return request.session["shuffle_seed"]


def get_visible_process(request, slug) -> Process:
    """The process at `slug` with its phases and themes, or a 404 for anyone who may not see it (drafts)."""
    # The shortlist and the budget (apps of their own) hang on the process: one join instead of two queries.
    process = get_object_or_404(
        Process.objects.select_related("shortlist", "budget", "lottery__council").prefetch_related("phases", "themes"),
        slug=slug,
    )
    if not request.user.has_perm("processes.view_process", process):
        raise Http404
    return process


def _criteria(request, process) -> tuple[IdeaFilterForm, dict]:
    filters = IdeaFilterForm(request.GET or None, process=process)
    return filters, (filters.cleaned_data if filters.is_valid() else IdeaFilterForm.defaults())


def _matching(criteria: dict) -> dict:
    """The list's filters as the idea queries take them; the list and the map read the same ones."""
    return {"theme_slug": criteria["theme"], "neighbourhood_code": criteria["neighbourhood"], "text": criteria["q"]}


def process_ideas_geojson(request, slug):
    """The located ideas matching the list's filters, for the map (loaded only when someone opens it).

    The gzipped answer is cached per process, filters and state of the ideas, so 10,000 points cost a cache read
    until an idea changes."""
    process = get_visible_process(request, slug)
    _filters, criteria = _criteria(request, process)
    key_parts = [process.pk, sorted(_matching(criteria).items()), ideas_stamp(process)]
    key = "ideas-map:" + hashlib.sha256(repr(key_parts).encode()).hexdigest()
    local = caches["local"]  # the key changes with the ideas, so each worker's copy is never stale
    body = local.get(key)
    if body is None:
        body = gzip.compress(idea_points_geojson(filtered_ideas(process, **_matching(criteria))), compresslevel=6)
        local.set(key, body, timeout=24 * 3600)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        response = HttpResponse(body, content_type="application/geo+json")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(body), content_type="application/geo+json")
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def process_detail(request, slug):
    """The process and its idea list. Anonymous visitors get it from the page cache (`common/page_cache.py`), keyed
    by the address with its filters, page and search, the language and whether htmx asked for the list only."""
    variant = "list" if request.htmx and request.htmx.target == "idea-list" else "page"
    if not page_cache.servable(request) or request.GET.get("sort") == "random":  # random: the visitor's own order
        return _process_detail(request, slug, variant)
    page_key = page_cache.key(request, variant)
    now = clock.now()
    stored = page_cache.serve(request, page_key, slug, now)
    if stored is not None:
        return stored
    # A page to be stored is read from the primary: a replica lagging behind a change the generations already count
    # would leave a stale page stored as the current one.
    with reads_from_primary():
        return _process_detail(request, slug, variant, page_key=page_key, now=now)


def _process_detail(request, slug, variant, *, page_key=None, now=None):
    process = get_visible_process(request, slug)
    filters, criteria = _criteria(request, process)
    ordered = ordered_idea_ids(
        process,
        **_matching(criteria),
        sort=criteria["sort"] or SORTS[0],
        seed=_shuffle_seed(request) if criteria["sort"] == "random" else 0,
    )
    page = Paginator(ordered, IDEAS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = ideas_for_page(page.object_list)
    phase = queries.running_phase(process)
    context = {
        "process": process,
        "phase": phase,
        "now_text": _now_text(phase),
        "next_phase": queries.next_phase(process),
        "can_post": phase is not None and POST_IDEA in phase.allows,
        "not_eligible": eligibility.why_not_eligible(process, request.user) if process.voters else None,
        "filters": filters,
        "page": page,
        "query_without_page": _query_without_page(request),
    }
    template = "processes/process_detail.html" + ("#idea_list" if variant == "list" else "")
    if page_key is None:
        return render(request, template, context)
    return page_cache.render_and_store(
        request,
        page_key,
        slug=slug,
        process_id=process.pk,
        until=queries.next_boundary(process, now=now),
        render=lambda extra: render(request, template, context | extra),
        canonical=_canonical(request, filters, page),
    )


def _canonical(request, filters, page) -> bool:
    """An address the list itself links to: known parameters with valid values, a page that exists."""
    if not set(request.GET) <= LIST_PARAMETERS or request.GET.get("page", "1") != str(page.number):
        return False
    return not request.GET or filters.is_valid()


def _now_text(phase) -> str:
    """'You can ... until Sunday 21 June 2020, 23:59': the last minute of the last day, Brussels time."""
    if phase is None:
        return ""
    last_minute = phase.period.closes_at() - timedelta(minutes=1)
    until = formats.date_format(last_minute, "l j F Y, H:i")
    return PHASE_KINDS[phase.kind].now_text % {"until": until}


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
