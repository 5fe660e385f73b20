"""What the API answers, field by field: public data only. Texts the City writes in several languages come as an
object {"nl", "fr", "en"}; a resident's words come once, in the language they were written in."""

import datetime as dt

from ninja import Schema


class Texts(Schema):
    nl: str
    fr: str
    en: str


def texts(obj, name: str) -> Texts:
    return Texts(**{language: getattr(obj, f"{name}_{language}", "") or "" for language in ("nl", "fr", "en")})


class Page(Schema):
    count: int
    next: str | None
    previous: str | None


class ThemeOut(Schema):
    slug: str
    name: Texts


class PhaseOut(Schema):
    kind: str
    title: Texts
    first_day: dt.date
    last_day: dt.date


class ProcessOut(Schema):
    slug: str
    title: Texts
    description: Texts
    status: str
    scope: str
    municipality_nis: str | None
    neighbourhood_code: int | None
    topics: list[str]
    themes: list[ThemeOut]
    phases: list[PhaseOut]
    created_at: dt.datetime
    url: str


class ProcessPage(Page):
    results: list[ProcessOut]


class IdeaOut(Schema):
    id: int
    process: str
    theme: str
    title: str
    text: str
    language: str
    latitude: float | None
    longitude: float | None
    neighbourhood_code: int | None
    municipality_nis: str | None
    created_at: dt.datetime
    support_count: int
    comment_count: int
    url: str


class IdeaPage(Page):
    results: list[IdeaOut]


class CommentOut(Schema):
    id: int
    idea: int
    parent: int | None
    text: str
    language: str
    created_at: dt.datetime


class CommentPage(Page):
    results: list[CommentOut]


class DomainOut(Schema):
    slug: str
    name: Texts
    foundation: bool
    position: int


class ValueOut(Schema):
    date: dt.date
    value: float


class IndicatorOut(Schema):
    slug: str
    domain: str
    objective: Texts | None
    name: Texts
    unit: str
    direction: str
    baseline_value: float | None
    baseline_date: dt.date | None
    target_value: float | None
    target_date: dt.date | None
    source: str
    source_url: str
    kind: str
    values: list[ValueOut]
    url: str


class IndicatorPage(Page):
    results: list[IndicatorOut]


class DomainPage(Page):
    results: list[DomainOut]


class Error(Schema):
    detail: str


class Index(Schema):
    licence: str
    openapi: str
    processes: str
    domains: str
    indicators: str
