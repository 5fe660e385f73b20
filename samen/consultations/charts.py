"""A question's results as the results page draws them: rows for the data table and the geometry of a bar chart
drawn on the server (an inline SVG, no JavaScript). Shares stay exact in the count; they are rounded only here."""

from fractions import Fraction

from samen.algorithms.questionnaire import QuestionTally
from samen.consultations.models import Question

ROW = 28  # the height of one bar and its gap, in the chart's units
LABELS = 220  # the width kept for the labels left of the bars
BARS = 300  # the longest bar


def _percent(part: int | Fraction, whole: int | Fraction) -> float | None:
    return float(Fraction(part) * 100 / whole) if whole else None


def _rows(question: Question, counts: QuestionTally) -> list[dict]:
    Kind = Question.Kind
    if question.kind == Kind.RANKING:
        most = max(counts.borda.values(), default=0)
        return [
            {
                "label": question.option_label(key),
                "count": counts.borda[key],
                "first_places": counts.first_places[key],
                "percent": None,
                "length": _percent(counts.borda[key], most) or 0,
            }
            for key in sorted(question.option_keys, key=lambda key: -counts.borda[key])
        ]
    if question.kind in {Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE}:
        return [
            {
                "label": question.option_label(key),
                "count": counts.counts[key],
                "percent": _percent(counts.counts[key], counts.seen),
                "length": _percent(counts.counts[key], counts.seen) or 0,
            }
            for key in question.option_keys
        ]
    if question.kind == Kind.SCALE:
        ends = {question.scale_min: question.min_label, question.scale_max: question.max_label}
        return [
            {
                "label": f"{value} {ends[value]}".strip() if value in ends else str(value),
                "count": count,
                "percent": _percent(count, counts.answered),
                "length": _percent(count, counts.answered) or 0,
            }
            for value, count in counts.distribution.items()
        ]
    return []


def summary(question: Question, counts: QuestionTally, texts: list[str]) -> dict:
    rows = _rows(question, counts)
    for index, row in enumerate(rows):
        row["y"] = index * ROW
        row["text_y"] = index * ROW + ROW // 2 + 5
        width = BARS * row["length"] / 100
        row["width"] = f"{width:.1f}"  # SVG numbers: a point, whatever the language
        row["value_x"] = f"{LABELS + width + 6:.1f}"
    return {
        "question": question,
        "seen": counts.seen,
        "answered": counts.answered,
        "rows": rows,
        "height": len(rows) * ROW,
        "labels": LABELS,
        "mean": float(counts.mean) if counts.mean is not None else None,
        "texts": texts,
        "points": len(counts.points or ()),
    }
