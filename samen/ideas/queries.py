import json
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import (
    BigIntegerField,
    Count,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
)
from django.db.models.functions import Coalesce, Mod

from samen.common.prepared import PreparedGet
from samen.common.text import fold, strip_accents
from samen.ideas.models import Comment, Idea, Support, Visibility
from samen.processes.page import taking_part
from samen.processes.queries import attach_phases

SORTS = ("newest", "most_supported", "random")

# PostgreSQL stems each idea with its author's language (any other than Dutch and French: English); the query is
# parsed with the same dictionary. The trigger that stores each idea's vector (migration 0008) maps them alike.
SEARCH_CONFIGS = {"nl": "dutch", "fr": "french"}


def search_ideas(ideas: QuerySet[Idea], text: str) -> QuerySet[Idea]:
    """Accent-blind search: full text on PostgreSQL; on SQLite every word must appear in the title or the text."""
    text = text.strip()[:200]
    if not text:
        return ideas
    if connection.vendor == "postgresql":
        # One constant query per language, so that each can use the GIN index on the stored vector.
        words = strip_accents(text)

        def stemmed_as(config: str) -> Q:
            return Q(search_vector=SearchQuery(words, search_type="websearch", config=config))

        in_its_language = ~Q(language__in=SEARCH_CONFIGS) & stemmed_as("english")
        for language, config in SEARCH_CONFIGS.items():
            in_its_language |= Q(language=language) & stemmed_as(config)
        return ideas.filter(in_its_language)
    ideas = ideas.annotate(
        folded_title=Func(F("title"), function="samen_fold", output_field=TextField()),
        folded_body=Func(F("body"), function="samen_fold", output_field=TextField()),
    )
    for word in fold(text).split()[:10]:
        ideas = ideas.filter(Q(folded_title__contains=word) | Q(folded_body__contains=word))
    return ideas


def filtered_ideas(
    process, *, theme_slug: str = "", neighbourhood_code: int | None = None, text: str = ""
) -> QuerySet[Idea]:
    """The public ideas of a process that match the list's filters; the list and the map both start here."""
    ideas = Idea.objects.filter(process=process, visibility=Visibility.PUBLISHED)
    if theme_slug:
        ideas = ideas.filter(theme__slug=theme_slug)
    if neighbourhood_code is not None:
        ideas = ideas.filter(neighbourhood_code=neighbourhood_code)
    return search_ideas(ideas, text)


def _count_of(rows: QuerySet) -> Subquery:
    """A correlated COUNT: computed for the rows a page shows, and dropped by the paginator's count()."""
    counted = rows.order_by().values("idea").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def ordered_idea_ids(
    process,
    *,
    theme_slug: str = "",
    neighbourhood_code: int | None = None,
    text: str = "",
    sort: str = "newest",
    seed: int = 0,
) -> QuerySet:
    """The ids of the matching ideas in the list's order. Sorting narrow rows keeps 10,000 ideas cheap; the page
    then loads its dozen full rows with `ideas_for_page`."""
    ideas = filtered_ideas(process, theme_slug=theme_slug, neighbourhood_code=neighbourhood_code, text=text)
    if sort == "most_supported":
        ideas = ideas.values("pk").annotate(supports_n=Count("supports")).order_by("-supports_n", "-created_at", "-pk")
    elif sort == "random":
        # A stable shuffle for one visitor: the same seed gives the same order on every page.
        ideas = ideas.annotate(shuffle=Mod(F("pk") * 7919 + seed, 104729)).order_by("shuffle", "pk")
    else:
        ideas = ideas.order_by("-created_at", "-pk")
    return ideas.values_list("pk", flat=True)


def ideas_for_page(ids) -> list[Idea]:
    """Full rows for one page of ids, in that order, with the counts the list shows (one query)."""
    ideas = (
        Idea.objects.filter(pk__in=list(ids))
        .select_related("theme", "author")
        .annotate(
            support_count=_count_of(Support.objects.filter(idea=OuterRef("pk"))),
            comment_count=_count_of(Comment.objects.filter(idea=OuterRef("pk"), visibility=Visibility.PUBLISHED)),
        )
    )
    by_pk = {idea.pk: idea for idea in ideas}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def idea_points_geojson(ideas: QuerySet[Idea]) -> bytes:
    """A compact GeoJSON FeatureCollection of the located ideas: id, point (5 decimals, about 1 m) and title.

    Written directly as text: for 10,000 ideas this is several times faster than building dicts for json.dumps."""
    rows = ideas.filter(latitude__isnull=False).order_by("pk").values_list("pk", "longitude", "latitude", "title")
    title = json.JSONEncoder(ensure_ascii=False).encode
    features = ",".join(
        f'{{"type":"Feature","id":{pk},"geometry":{{"type":"Point","coordinates":[{longitude:.5f},{latitude:.5f}]}},'
        f'"properties":{{"title":{title(text)}}}}}'
        for pk, longitude, latitude, text in rows
    )
    return f'{{"type":"FeatureCollection","features":[{features}]}}'.encode()


def ideas_stamp(process) -> str:
    """Changes whenever an idea of the process is added, edited, moderated or deleted: a cache key part."""
    stamp = Idea.objects.filter(process=process).aggregate(count=Count("pk"), last=Max("updated_at"))
    return f"{stamp['count']}-{stamp['last'].timestamp() if stamp['last'] else 0}"


def idea_for_page(pk: int) -> Idea:
    """One idea with what its page and its permission checks read (process, phases, themes, support count)."""
    return (
        Idea.objects.select_related("process", "theme", "author")
        .prefetch_related("process__phases", "process__themes")
        .annotate(support_count=_count_of(Support.objects.filter(idea=OuterRef("pk"))))
        .get(pk=pk)
    )


# Its SQL is built once per worker (samen/common/prepared.py): building it cost as much CPU as the database's answer.
_idea_for_action = PreparedGet(
    Idea,
    lambda: (
        Idea.objects.select_related("process")
        .defer("body", "title_vector", "search_vector")
        .annotate(support_count=_count_of(Support.objects.filter(idea=OuterRef("pk"))))
    ),
)


def idea_for_action(pk: int) -> Idea:
    """One idea with what a write on it checks (its process, the process's phases from the worker's memory) and its
    support count before the write, in one query; none of its text."""
    idea = _idea_for_action.get(pk)
    attach_phases(idea.process)
    return idea


# Top-level comments, each with all its replies. A signed-in visitor gets a reply form and a report form under every
# comment: 25 threads keep that page under 100 KB (bench/comment_pages.py).
COMMENTS_PER_PAGE = 25
# Far beyond any idea's comments, and small enough for an OFFSET on every database: a larger ?comments= number asks
# for the last page, as a number just past the end does.
_LAST_PAGE_ASKED = 1_000_000


@dataclass(frozen=True)
class ThreadPage:
    """One page of threads (each top-level comment with the replies the viewer may see, `shown_replies`), with what
    the page's links need: known without counting the idea's comments."""

    threads: list[Comment]
    number: int
    has_next: bool

    def __iter__(self):
        return iter(self.threads)

    def __len__(self):
        return len(self.threads)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def _comments_shown_to(viewer) -> QuerySet[Comment]:
    """Published comments; hidden or pending ones only for their author and the moderators."""
    comments = Comment.objects.select_related("author").order_by("created_at", "pk")
    if viewer.has_perm("ideas.moderate"):
        return comments
    shown = Q(visibility=Visibility.PUBLISHED)
    if viewer.is_authenticated:
        shown |= Q(author=viewer)
    return comments.filter(shown)


def _page_number(number) -> int:
    """As Django's paginator reads it: not a number is page 1; zero, a negative number or one past the end is the
    last page (`_LAST_PAGE_ASKED` stands for those)."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number < _LAST_PAGE_ASKED else _LAST_PAGE_ASKED


def _threads(tops: QuerySet[Comment], start: int, stop: int) -> list[Comment]:
    """Threads start to stop in their order. Their ids are chosen in the index alone, ordered by parent_id first
    (NULL for every top-level comment, so the order is the same): with it PostgreSQL reads the index in order
    instead of sorting all the idea's threads. Their rows then come by key, without their Markdown (`body`)."""
    ids = tops.order_by("parent_id", "created_at", "pk").values("pk")[start:stop]
    rows = Comment.objects.filter(pk__in=ids).select_related("author").defer("body").order_by("created_at", "pk")
    return list(rows)


def thread_page(idea: Idea, *, viewer, number=1, per_page: int = COMMENTS_PER_PAGE) -> ThreadPage:
    """One page of an idea's top-level comments, oldest first, each with its replies: two queries, whatever the
    number of comments (one more, a count, for a page number past the end, which gives the last page)."""
    comments = _comments_shown_to(viewer)
    tops = comments.filter(idea=idea, parent__isnull=True)
    number = _page_number(number)
    # One thread more than the page shows tells whether a next page exists.
    threads = _threads(tops, (number - 1) * per_page, number * per_page + 1) if number < _LAST_PAGE_ASKED else []
    if not threads and number > 1:
        number = max(1, -(-tops.count() // per_page))
        threads = _threads(tops, (number - 1) * per_page, number * per_page + 1)
    page = ThreadPage(threads=threads[:per_page], number=number, has_next=len(threads) > per_page)
    # Each thread's replies as a plain list: a prefetch would build a queryset per thread to hold its replies.
    replies: dict[int, list[Comment]] = {}
    if page.threads:
        for reply in comments.filter(idea=idea, parent__in=[thread.pk for thread in page.threads]).defer("body"):
            reply.idea = idea  # the permission checks read comment.idea.process: no query per comment
            replies.setdefault(reply.parent_id, []).append(reply)
    for thread in page.threads:
        thread.idea = idea
        thread.shown_replies = replies.get(thread.pk, [])
    return page


def page_of_comment(idea: Idea, comment_pk: int, *, viewer, per_page: int = COMMENTS_PER_PAGE) -> int:
    """The page that shows this comment (its thread's page), for a link to it; page 1 if the viewer cannot see it.
    Two queries: the thread's top comment by its key, the count of earlier threads in the index alone."""
    comments = _comments_shown_to(viewer).filter(idea=idea)
    tops = comments.filter(parent__isnull=True)
    its_thread = comments.filter(pk=comment_pk).values(top=Coalesce("parent_id", "pk", output_field=BigIntegerField()))
    top = tops.filter(pk=Subquery(its_thread)).values("pk", "created_at").first()
    if top is None:
        return 1
    earlier = tops.filter(Q(created_at__lt=top["created_at"]) | Q(created_at=top["created_at"], pk__lt=top["pk"]))
    return earlier.count() // per_page + 1


def assisted_share(process) -> tuple[int, int]:
    """(how many of the process's published ideas a facilitator posted for a resident, how many there are)."""
    counts = Idea.objects.filter(process=process, visibility=Visibility.PUBLISHED).aggregate(
        assisted=Count("pk", filter=Q(consent__isnull=False)), every=Count("pk")
    )
    return counts["assisted"], counts["every"]


def ideas_posted() -> int:
    """How many ideas were posted in published processes (the City's dashboard counts them)."""
    return Idea.objects.filter(process__status="published").count()


def participants(process_ids: list[int]):
    """(process, account) for whoever posted, commented or supported an idea there (for the process's card);
    (process, pseudonym) for a support kept without an account."""
    return [
        taking_part(
            Idea.objects.filter(process_id__in=process_ids, author__isnull=False),
            process="process_id",
            account="author_id",
        ),
        taking_part(
            Comment.objects.filter(idea__process_id__in=process_ids, author__isnull=False),
            process="idea__process_id",
            account="author_id",
        ),
        taking_part(
            Support.objects.filter(idea__process_id__in=process_ids, resident__isnull=False),
            process="idea__process_id",
            account="resident_id",
        ),
        # A support kept without an account (entered by a facilitator, or of an account since deleted): its person.
        taking_part(
            Support.objects.filter(
                idea__process_id__in=process_ids, resident__isnull=True, supporter_key__isnull=False
            ),
            process="idea__process_id",
            key="supporter_key",
        ),
    ]


def kept_supports(process_ids: list[int]):
    """(process, "support:<idea>", pseudonym) of the supports kept without an account, counted as their person."""
    for process_id, idea_id, key in Support.objects.filter(
        idea__process_id__in=process_ids, resident__isnull=True, supporter_key__isnull=False
    ).values_list("idea__process_id", "idea_id", "supporter_key"):
        yield process_id, f"support:{idea_id}", key


def assisted_support_count(idea: Idea) -> int:
    """How many of the idea's supports a facilitator entered with a resident (samen/assisted)."""
    return idea.supports.filter(consent__isnull=False).count()


def assisted_supports_in(process) -> int:
    return Support.objects.filter(idea__process=process, consent__isnull=False).count()


def supportable_ideas(process):
    """The process's published ideas, by title, for a facilitator to choose the one a resident supports."""
    return (
        Idea.objects.filter(process=process, visibility=Visibility.PUBLISHED)
        .only("pk", "title")
        .order_by("title", "pk")
    )
