from dataclasses import dataclass
from datetime import timedelta

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats

from samen.common import clock, page_cache
from samen.common.geography import neighbourhoods
from samen.common.replica import reads_from_primary
from samen.processes import areas, eligibility, page, queries
from samen.processes.models import Process
from samen.processes.phases import PHASE_KINDS, VOTING
from samen.processes.poster import poster_pdf


@dataclass(frozen=True)
class Card:
    """A process on the home page: what is happening in plain words, until when, how many took part, its action."""

    process: Process
    now: str  # "Vote until 16 July", or what comes next, or that it has ended
    action: str  # the one thing the card invites to do ("Vote"), or "" when nothing is open
    participants: int
    nearby: bool  # in the signed-in resident's home neighbourhood or its municipality
    stage: int  # 0 open, 1 to come, 2 ended: the order of the cards


def _card(process: Process, participants: int, home_municipality: str | None, home: int | None) -> Card:
    now = queries.now_in_plain_words(process)
    nearby = home is not None and (
        process.neighbourhood_code == home
        or (process.scope == "municipality" and process.municipality_nis == home_municipality)
    )
    return Card(process, now.text, now.action, participants, nearby, now.stage)


def process_list(request):
    """The home page: every visible process as a card, those near the signed-in resident first, then open ones,
    then those still to come, then those that have ended."""
    processes = list(queries.visible_processes(request.user))
    counts = queries.participant_counts([process.pk for process in processes])
    home = request.user.neighbourhood_code if request.user.is_authenticated else None
    home_municipality = neighbourhoods()[home].municipality_nis if home in neighbourhoods() else None
    cards = [_card(process, counts[process.pk].people, home_municipality, home) for process in processes]
    cards.sort(key=lambda card: (not card.nearby, card.stage))
    return render(request, "processes/process_list.html", {"cards": cards, "outcomes": page.recent_outcomes()})


def _by_place(request) -> areas.ByPlace:
    home = request.user.neighbourhood_code if request.user.is_authenticated else None
    return areas.by_place(queries.visible_processes(request.user), home=home)


def process_map(request):
    """The processes open now or to come, by place: a list grouped by municipality and neighbourhood, and a map of
    them drawn over it by JavaScript (areas.py); the signed-in resident's municipality first."""
    return render(request, "processes/process_map.html", {"grouped": _by_place(request)})


def process_map_data(request):
    """The same as GeoJSON, for the map: the outlines of the region and of the places with a process, and their
    processes."""
    return JsonResponse(areas.as_geojson(_by_place(request)), content_type="application/geo+json")


def get_visible_process(request, slug, *, counting: bool = False) -> Process:
    """The process at `slug` with its phases and themes, or a 404 for anyone who may not see it (drafts). With
    `counting`, the rows the parts of its page count (its meetings, its City projects) are counted in the same query."""
    # What the apps' parts of the page read (a shortlist, a budget, a lottery) hangs on the process: one join.
    processes = Process.objects.select_related(*page.related_names()).prefetch_related("phases", "themes")
    if counting:
        processes = processes.annotate(**{f"counted_{row.key}": queries.rows_of(row) for row in page.counted_rows()})
    process = get_object_or_404(processes, slug=slug)
    if not request.user.has_perm("processes.view_process", process):
        raise Http404
    return process


def process_detail(request, slug):
    """The process and the parts the apps add to it (`page.py`: the idea list, a vote's, a budget's, a lottery's
    links). Anonymous visitors get it from the page cache (`common/page_cache.py`), keyed by the address with its
    filters, page and search, the language and which part htmx asked for alone, if any."""
    fragment = page.fragment_for(request.htmx.target if request.htmx else None)
    variant = fragment.name if fragment else "page"
    personal = any(part.personal(request) for part in page.parts() if part.personal)
    if not page_cache.servable(request) or personal:
        return _process_detail(request, slug, fragment)
    page_key = page_cache.key(request, variant)
    now = clock.now()
    stored = page_cache.serve(request, page_key, slug, now)
    if stored is not None:
        return stored
    # A page to be stored is read from the primary: a replica lagging behind a change the generations already count
    # would leave a stale page stored as the current one.
    with reads_from_primary():
        return _process_detail(request, slug, fragment, page_key=page_key, now=now)


def _process_detail(request, slug, fragment, *, page_key=None, now=None):
    process = get_visible_process(request, slug, counting=fragment is None)
    shown = [fragment] if fragment else page.parts()
    contexts = {part.name: part.context(request, process) if part.context else {} for part in shown}
    phase = queries.running_phase(process)
    taken_part = None if fragment else queries.participant_counts([process.pk])[process.pk]
    context = {
        "process": process,
        "phase": phase,
        "now_text": _now_text(phase),
        "next_phase": queries.next_phase(process),
        "participants": taken_part.people if taken_part else 0,
        # Said while a vote runs, where it answers "why can I not vote?"; in an idea call it would only mislead.
        "not_eligible": (
            eligibility.why_not_eligible(process, request.user)
            if process.voters and phase is not None and phase.allows & VOTING
            else None
        ),
        "link_parts": [part for part in shown if part.slot == "links"],
        "main_parts": [part for part in shown if part.slot == "main"],
    }
    for part_context in contexts.values():
        context |= part_context
    template = fragment.fragment_template if fragment else "processes/process_detail.html"
    if page_key is None:
        return render(request, template, context)
    return page_cache.render_and_store(
        request,
        page_key,
        slug=slug,
        process_id=process.pk,
        until=_true_until(process, now, taken_part),
        render=lambda extra: render(request, template, context | extra),
        canonical=_canonical(request, shown, contexts),
    )


def _true_until(process, now, taken_part: queries.Count | None):
    """Until when the stored page is true: the next phase boundary, and the count of participants it shows is at most
    COUNT_SECONDS old (a ballot does not make the page stale, see queries.COUNT_SECONDS)."""
    until = queries.next_boundary(process, now=now)
    if taken_part is None:
        return until
    count_until = taken_part.counted_at + timedelta(seconds=queries.COUNT_SECONDS)
    return count_until if until is None else min(until, count_until)


def _canonical(request, shown, contexts) -> bool:
    """An address the page itself links to: known parameters, values each part accepts."""
    if not set(request.GET) <= page.parameters():
        return False
    return all(part.canonical(request, contexts[part.name]) for part in shown if part.canonical)


def _now_text(phase) -> str:
    """'You can ... until Sunday 21 June 2020, 23:59': the last minute of the last day, Brussels time."""
    if phase is None:
        return ""
    until = formats.date_format(queries.last_minute(phase), "l j F Y, H:i")
    return PHASE_KINDS[phase.kind].now_text % {"until": until}


def poster(request, slug):
    """The process's poster to print (PDF, Dutch and French side by side, a QR code to its page)."""
    process = get_visible_process(request, slug)
    response = HttpResponse(poster_pdf(process), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="samen-{process.slug}-poster.pdf"'
    return response
