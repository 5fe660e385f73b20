"""The ideas' part of a process page (the list with its filters, pages and map) and the map's data.

Registered in `IdeasConfig.ready` through `samen.processes.page`: the process page shows it without importing
this app."""

import gzip
import hashlib
import secrets

from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from samen.ideas.forms import IdeaFilterForm
from samen.ideas.queries import (
    SORTS,
    assisted_share,
    filtered_ideas,
    idea_points_geojson,
    ideas_for_page,
    ideas_stamp,
    ordered_idea_ids,
)
from samen.processes import queries
from samen.processes.page import Part
from samen.processes.phases import POST_IDEA
from samen.processes.views import get_visible_process

IDEAS_PER_PAGE = 12
LIST_PARAMETERS = frozenset({"q", "theme", "neighbourhood", "sort", "page"})  # what the list's address may carry


def _shuffle_seed(request) -> int:
    """One random order per visitor, kept in the session so paging does not reshuffle."""
    if "shuffle_seed" not in request.session:
        request.session["shuffle_seed"] = secrets.randbelow(100_000)
    return request.session["shuffle_seed"]


def _criteria(request, process) -> tuple[IdeaFilterForm, dict]:
    filters = IdeaFilterForm(request.GET or None, process=process)
    return filters, (filters.cleaned_data if filters.is_valid() else IdeaFilterForm.defaults())


def _matching(criteria: dict) -> dict:
    """The list's filters as the idea queries take them; the list and the map read the same ones."""
    return {"theme_slug": criteria["theme"], "neighbourhood_code": criteria["neighbourhood"], "text": criteria["q"]}


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def collects_ideas(process) -> bool:
    """Whether the process ever takes ideas: a consultation or a lottery alone shows no empty idea list."""
    return any(POST_IDEA in phase.allows for phase in process.phases.all())


def idea_list_context(request, process) -> dict:
    if not collects_ideas(process):
        return {"collects_ideas": False}
    filters, criteria = _criteria(request, process)
    ordered = ordered_idea_ids(
        process,
        **_matching(criteria),
        sort=criteria["sort"] or SORTS[0],
        seed=_shuffle_seed(request) if criteria["sort"] == "random" else 0,
    )
    page = Paginator(ordered, IDEAS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = ideas_for_page(page.object_list)
    assisted, every = assisted_share(process)
    return {
        "assisted_ideas": assisted,
        "published_ideas": every,
        "collects_ideas": True,
        "can_post": queries.phase_allows(process, POST_IDEA),
        "filters": filters,
        "page": page,
        "query_without_page": _query_without_page(request),
    }


def _canonical(request, context) -> bool:
    """An address the list itself links to: valid filter values, a page that exists."""
    if not context["collects_ideas"]:
        return not request.GET
    if request.GET.get("page", "1") != str(context["page"].number):
        return False
    return not request.GET or context["filters"].is_valid()


IDEA_LIST = Part(
    name="ideas",
    template="ideas/process_ideas.html",
    slot="main",
    context=idea_list_context,
    fragment_target="idea-list",
    fragment_template="ideas/process_ideas.html#idea_list",
    parameters=LIST_PARAMETERS,
    canonical=_canonical,
    personal=lambda request: request.GET.get("sort") == "random",  # the visitor's own order
)


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
