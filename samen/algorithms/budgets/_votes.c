/* The VOTES section of a .pb file read in C (part of the _mes extension): each ballot's projects as numbers,
 * identical ballots once, no Python object per ballot.
 *
 * pabulib.py calls it only on a section it has checked to be plain (no quotes, carriage returns, NUL, tabs or
 * unusual spaces, no space beside a `;`): there each line splits on `;` as the csv reader splits it. It declines
 * (returns None) on anything it does not read exactly as the Python reader does, and the Python reader (the
 * reference) then reads the section again, and tells the error if there is one: a line of another width, an
 * empty or repeated voter id, a project that is not one or is named twice in a ballot. Lines whose fields are all
 * empty are skipped, as the Python reader skips them.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A set of byte strings, open addressing: a slot holds an entry's number + 1 (0: empty) and its hash's high bits,
 * so that the strings are compared only when those agree (a comparison reads the text: a cache miss). */
typedef struct {
    int32_t entry;
    uint32_t check;
} Slot;

typedef struct {
    Slot *slot;
    uint64_t mask;
} Table;

static uint64_t hash_of(const char *s, Py_ssize_t n) {
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (Py_ssize_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    h ^= h >> 33, h *= 0xff51afd7ed558ccdULL; /* mixed, so that the low bits (the slot) depend on every byte */
    return h ^ (h >> 33);
}

static int table_init(Table *t, Py_ssize_t entries) {
    uint64_t size = 16;
    while (size < 2 * (uint64_t)entries + 2) size *= 2;
    t->slot = calloc(size, sizeof(Slot));
    t->mask = size - 1;
    return t->slot ? 0 : -1;
}

/* The spans of a text: where each starts and how long it is. */
typedef struct {
    Py_ssize_t *at, *len;
} Spans;

/* The entry equal to data[at:at + len], or -1; `slot` is left at the free slot where it would go. */
static int32_t find(Table *t, const Spans *s, const char *data, Py_ssize_t at, Py_ssize_t len, uint64_t *slot) {
    const uint64_t h = hash_of(data + at, len);
    uint64_t i = h & t->mask;
    for (; t->slot[i].entry; i = (i + 1) & t->mask) {
        int32_t e = t->slot[i].entry - 1;
        if (t->slot[i].check == (uint32_t)(h >> 32) && s->len[e] == len && !memcmp(data + s->at[e], data + at, len))
            return e;
    }
    t->slot[i].check = (uint32_t)(h >> 32);
    *slot = i;
    return -1;
}

/* The project whose id is text[0:len], or -1. */
static int32_t lookup(const Table *t, const Spans *s, const char **ids, const char *text, Py_ssize_t len) {
    for (uint64_t i = hash_of(text, len) & t->mask; t->slot[i].entry; i = (i + 1) & t->mask) {
        int32_t e = t->slot[i].entry - 1;
        if (s->len[e] == len && !memcmp(ids[e], text, len)) return e;
    }
    return -1;
}

typedef struct {
    int32_t *start, *members, *seen;
    int64_t *voters;
    int32_t distinct, used, size;
} Distinct;

/* The distinct ballot with these projects (members[from:used], just appended), added if new. */
static int32_t ballot_number(Distinct *d, Table *t, int32_t from) {
    const char *key = (const char *)(d->members + from);
    const Py_ssize_t len = (Py_ssize_t)(d->used - from) * (Py_ssize_t)sizeof(int32_t);
    const uint64_t h = hash_of(key, len);
    uint64_t i = h & t->mask;
    for (; t->slot[i].entry; i = (i + 1) & t->mask) {
        int32_t e = t->slot[i].entry - 1, n = d->start[e + 1] - d->start[e];
        if (t->slot[i].check == (uint32_t)(h >> 32) && (Py_ssize_t)n * (Py_ssize_t)sizeof(int32_t) == len &&
            !memcmp(d->members + d->start[e], key, len)) {
            d->used = from; /* known: drop the copy */
            return e;
        }
    }
    t->slot[i].entry = d->distinct + 1, t->slot[i].check = (uint32_t)(h >> 32);
    d->start[++d->distinct] = d->used;
    return d->distinct - 1;
}

/* Whether a field starts or ends with a character str.strip removes (ASCII or, in UTF-8, U+0085, U+00A0, U+1680,
 * U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). */
static int ascii_space(unsigned char c) { return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f); }

static int wide_space(const unsigned char *s, Py_ssize_t n) { /* s: 2 or 3 bytes of one character */
    if (n == 2) return s[0] == 0xc2 && (s[1] == 0x85 || s[1] == 0xa0);
    if (s[0] == 0xe1) return s[1] == 0x9a && s[2] == 0x80;
    if (s[0] == 0xe2)
        return (s[1] == 0x80 && (s[2] <= 0x8a || s[2] == 0xa8 || s[2] == 0xa9 || s[2] == 0xaf)) ||
               (s[1] == 0x81 && s[2] == 0x9f);
    return s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80;
}

static int space_at_start(const char *field, Py_ssize_t n) {
    const unsigned char *s = (const unsigned char *)field;
    if (s[0] < 0x80) return ascii_space(s[0]);
    return (n >= 2 && wide_space(s, 2)) || (n >= 3 && wide_space(s, 3));
}

static int space_at_end(const char *field, Py_ssize_t n) {
    const unsigned char *s = (const unsigned char *)field + n;
    if (s[-1] < 0x80) return ascii_space(s[-1]);
    return (n >= 2 && wide_space(s - 2, 2)) || (n >= 3 && wide_space(s - 3, 3));
}

static PyObject *as_bytes(const void *data, Py_ssize_t size) { return PyBytes_FromStringAndSize(data, size); }

const char samen_read_votes_doc[] =
    "read_votes(data, ids, width)\n--\n\n"
             "The lines of a plain VOTES section after its header (UTF-8 bytes), each of `width` fields, voter id then\n"
             "vote (project ids among `ids`, separated by commas). Returns bytes: each ballot's line start (int64) and\n"
             "distinct ballot (int32); the distinct ballots' starts (int32, then the end), projects (int32, numbers in\n"
             "`ids`) and voters (int64); each project's votes (int64). None where the Python reader must read it.";

PyObject *samen_read_votes(PyObject *self, PyObject *args) {
    Py_buffer text;
    PyObject *ids, *answer = NULL;
    int width;
    if (!PyArg_ParseTuple(args, "y*O!i", &text, &PyList_Type, &ids, &width)) return NULL;
    const char *data = text.buf;
    const Py_ssize_t size = text.len, projects = PyList_GET_SIZE(ids);
    Py_ssize_t lines = 1;
    for (const char *p = data; (p = memchr(p, '\n', data + size - p)); p++) lines++;
    Table voter_ids = {0}, project_ids = {0}, ballots = {0};
    Spans voter = {0}, project = {0};
    Distinct d = {0};
    int64_t *line_at = malloc(sizeof(int64_t) * lines), *votes = calloc(projects + 1, sizeof(int64_t));
    int32_t *kind = malloc(sizeof(int32_t) * lines);
    const char **project_text = malloc(sizeof(char *) * (projects + 1));
    voter.at = malloc(sizeof(Py_ssize_t) * lines), voter.len = malloc(sizeof(Py_ssize_t) * lines);
    project.len = malloc(sizeof(Py_ssize_t) * (projects + 1)); /* the ids' texts are in project_text, not in data */
    d.size = 1024;
    d.start = malloc(sizeof(int32_t) * (lines + 1)), d.voters = calloc(lines + 1, sizeof(int64_t));
    d.members = malloc(sizeof(int32_t) * d.size), d.seen = calloc(projects + 1, sizeof(int32_t));
    if (!line_at || !votes || !kind || !project_text || !voter.at || !voter.len || !project.len ||
        !d.start || !d.voters || !d.members || !d.seen || table_init(&voter_ids, lines) ||
        table_init(&project_ids, projects) || table_init(&ballots, lines)) {
        PyErr_NoMemory();
        goto done;
    }
    /* the project ids, in their own table: each one's UTF-8 text (kept alive by `ids`) */
    for (Py_ssize_t p = 0; p < projects; p++) {
        PyObject *id = PyList_GET_ITEM(ids, p);
        if (!PyUnicode_Check(id) || !(project_text[p] = PyUnicode_AsUTF8AndSize(id, &project.len[p]))) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "ids must be strings");
            goto done;
        }
        uint64_t i = hash_of(project_text[p], project.len[p]) & project_ids.mask;
        while (project_ids.slot[i].entry) i = (i + 1) & project_ids.mask;
        project_ids.slot[i].entry = (int32_t)p + 1;
    }
    int32_t count = 0, declined = 0;
    d.start[0] = 0;
    for (Py_ssize_t at = 0, next; at <= size && !declined; at = next) {
        const char *end = memchr(data + at, '\n', size - at);
        Py_ssize_t stop = end ? end - data : size;
        next = stop + 1;
        if (stop > at && data[stop - 1] == '\r') stop--; /* CRLF: the csv reader ends the line there too */
        Py_ssize_t fields = 0, filled = 0, cut[2] = {stop, stop}; /* the ends of the first two fields */
        for (Py_ssize_t i = at, field = at;; i++) {
            if (i == stop || data[i] == ';') {
                if (i > field) { /* what str.strip would change, the Python reader reads */
                    filled = 1;
                    if (space_at_start(data + field, i - field) || space_at_end(data + field, i - field)) declined = 1;
                }
                if (fields < 2) cut[fields] = i;
                fields++;
                if (i == stop) break;
                field = i + 1;
            } else if (data[i] == '"' || data[i] == '\r' || data[i] == '\0') /* the csv reader's: quotes, ends */
                declined = 1;
        }
        if (declined) break;
        if (!filled) continue; /* every field empty: skipped */
        if (fields != width || cut[0] == at) {
            declined = 1;
            break;
        }
        uint64_t slot;
        if (find(&voter_ids, &voter, data, at, cut[0] - at, &slot) >= 0) { /* a voter id again */
            declined = 1;
            break;
        }
        voter.at[count] = at, voter.len[count] = cut[0] - at;
        voter_ids.slot[slot].entry = count + 1;
        /* the vote: project ids separated by commas, spaces around each one ignored (str.strip in a plain text) */
        const int32_t from = d.used;
        for (Py_ssize_t a = cut[0] + 1, vote_end = cut[1]; a < vote_end;) {
            const char *comma = memchr(data + a, ',', vote_end - a);
            Py_ssize_t b = comma ? comma - data : vote_end, next = b + 1;
            while (a < b && data[a] == ' ') a++;
            while (b > a && data[b - 1] == ' ') b--;
            int32_t p = lookup(&project_ids, &project, project_text, data + a, b - a);
            if (p < 0 || d.seen[p] == count + 1) { /* not a project (an empty one: ",," or a last ","), or twice */
                declined = 1;
                break;
            }
            d.seen[p] = count + 1;
            if (d.used == d.size) {
                int32_t *grown = realloc(d.members, sizeof(int32_t) * (d.size *= 2));
                if (!grown) {
                    PyErr_NoMemory();
                    goto done;
                }
                d.members = grown;
            }
            d.members[d.used++] = p;
            if (comma && next == vote_end) { /* a vote ending in a comma names an empty project */
                declined = 1;
                break;
            }
            a = next;
        }
        if (declined) break;
        for (int32_t i = from; i < d.used; i++) votes[d.members[i]]++;
        kind[count] = ballot_number(&d, &ballots, from);
        d.voters[kind[count]]++;
        line_at[count++] = at;
    }
    if (declined) {
        answer = Py_None;
        Py_INCREF(answer);
        goto done;
    }
    answer = Py_BuildValue("(NNNNNN)", as_bytes(line_at, sizeof(int64_t) * count),
                           as_bytes(kind, sizeof(int32_t) * count),
                           as_bytes(d.start, sizeof(int32_t) * (d.distinct + 1)),
                           as_bytes(d.members, sizeof(int32_t) * d.used),
                           as_bytes(d.voters, sizeof(int64_t) * d.distinct), as_bytes(votes, sizeof(int64_t) * projects));
done:
    free(voter_ids.slot), free(project_ids.slot), free(ballots.slot);
    free(voter.at), free(voter.len), free(project.len);
    free(d.start), free(d.members), free(d.seen), free(d.voters);
    free(line_at), free(votes), free(kind), free(project_text);
    PyBuffer_Release(&text);
    return answer;
}
