/* Equal Shares with cost utilities and Add1, compiled: the same decisions as equal_shares.py, at C speed.
 *
 * Built by `pip install -e .` (pyproject.toml, ext-modules, optional): if it does not build, equal_shares.py counts
 * in pure Python, its reference. Nothing here is trusted beyond what it proves (docs/architecture.md):
 *
 * - Money is in whole units (Tables): every share t and cost is an integer below 2^50, exact in a double.
 * - A run computes budgets and prices in doubles and carries E, a proven bound on every budget's error, and M, one on
 *   the sum of those errors over all voters (those who pay all they have end with exactly nothing, so what a price
 *   spreads over its payers is at most the errors that vanish, plus its rounding). A price x
 *   is the root of sum(min(budget, x)) = cost over the supporters; the groups that pay all they have (budget below
 *   x) are found by iteration, then proven: every one of them at most x, every other at least x, with the errors.
 *   The price's own error bound follows from the sums that made it.
 * - The winner of a round is the lowest price per unit of cost (rho = x / cost); projects are priced lazily from
 *   proven lower bounds (budgets only shrink within a run, so a price proven once bounds it for the later rounds).
 *   If another price could be as low, the tie is settled exactly when all of them are twins (the same cost and the
 *   same supporters: the same price) or at their floor (every supporter pays in full: rho = 1 / supporters,
 *   compared as integers), then by the tie order (project numbers); otherwise, and
 *   wherever a comparison is closer than its bound, the count gives up and returns None: the caller counts in
 *   pure Python, which settles such cases in exact rationals.
 * - Add1 resolves the shares t0, t0 + step, ... in order, as pabutools does, and stops where the outcome is
 *   exhaustive (kept) or overspends (the run before is kept). They are computed WINDOW at a time from the top down:
 *   a run at a lower share follows the run above it while both have funded the same projects (in any order), each
 *   priced here at least as high (see run), so the bounds proven above hold below, and the winner above is priced
 *   first; most rivals then need no price (Warszawa 2026: 13,309 prices instead of 23,531). Up to WINDOW - 1 runs
 *   beyond the stop are computed for nothing.
 *
 * For the winners' exact prices the caller needs, per round, the groups that paid all they had (their exact budget
 * follows from the exact prices before) and the number of voters who paid in full.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define U (1.0 / 9007199254740992.0) /* 2^-53, the unit roundoff of a double */
#define LIMIT 1125899906842624.0     /* 2^50: beyond, whole units are not exact doubles */

enum { OK = 0, UNAFFORDABLE = 1, UNCERTAIN = 2 };
enum { WINDOW = 8, FOLLOW_PROJECTS = 400 }; /* Add1 shares computed together; beyond this many projects, runs are
                                               * not followed (each keeps projects^2 bounds) */

typedef struct {
    double budget;  /* in this run, floats, each within E of the exact budget */
    double voters;  /* exact: below 2^53 */
} Group;

typedef struct {
    int projects, groups;
    const int64_t *cost;    /* per project, whole units (0: not counted here) */
    int32_t *start;         /* per project, its supporter groups: members[start[p]:start[p + 1]] */
    int32_t *members;
    Group *group;           /* per group (distinct ballot): its budget and voters */
    double *weight;         /* per project, its number of supporters */
    double *start_x;        /* per project, a proven lower bound on its price in this run (prices only grow) */
    Group *aside;           /* room for the supporters of any one project (price) */
    int *twin;              /* per project, the first project with the same cost and the same supporters */
    int32_t *original;      /* per group, its number as given (groups are renumbered, see count) */
    char *zero;             /* per group, proven to have nothing left */
    int *round_of;          /* per project, the round the run followed funded it in (-1: not funded) */
    long prices;            /* statistics, returned: prices computed, runs */
    long runs;
} Count;

typedef struct {
    double x, e;     /* the price per supporter and its error bound */
    double mass;     /* a bound on the error the rounding of this price adds to the errors' sum over all voters */
    double rich;     /* the voters who pay it in full (all its supporters: the price is its floor, exactly) */
} Price;

typedef struct {
    int *order;      /* the winners in order */
    double *x;       /* their float prices */
    double *e;       /* and those prices' error bounds */
    double *rich;    /* voters who paid in full */
    double *bounds;  /* round r's proven lower bounds on every project's rho: bounds[r * projects + p] (INFINITY:
                      * funded or unaffordable), or NULL where runs are not followed (see run) */
    int *poor_start; /* round r's poor groups: poor[poor_start[r]:poor_start[r + 1]] */
    int *poor;
    int rounds, poor_used, poor_size;
    int64_t cost, t;
} Trace;

/* The lowest x with sum(min(budget, x)) >= cost over p's supporters, proven. E bounds every budget's error, M the sum
 * of all voters' budget errors.
 *
 * From x at most the root (cost / supporters: everyone pays in full; or a bound proven in an earlier round), a pass
 * splits the groups at x: those below pay all they have, the others x. The root of that split, (cost - what those
 * below have) / the others, is the next x: x only grows (in exact arithmetic), and the split is final when no group's
 * budget lies between x and the next x. The pass keeps the groups just above x aside, so that the next splits are
 * made among them alone; a new pass over all the groups is needed only if the root lies beyond them. */
static int price(Count *c, int p, double E, double M, Price *out) {
    const int32_t *g = c->members + c->start[p], n = c->start[p + 1] - c->start[p];
    const Group *groups = c->group;
    Group *aside = c->aside;
    const double cost = (double)c->cost[p], W = c->weight[p];
    double x = fmax(cost / W, c->start_x[p]); /* at most the root: a lower bound proven in an earlier round */
    c->prices++;
    for (int pass = 0; pass < 64; pass++) {
        double total = 0, below = 0, rich = 0, high = -1, low = INFINITY, top = x * 1.25;
        int count = 0, kept = 0;
        /* two interleaved sums (any order of summing non-negative terms has the same error bound): the loop is
         * bound by the latency of the additions, not by the loads */
        double total2 = 0, rich2 = 0, below2 = 0;
#define SPLIT(k, total, below, rich)                                                                              \
    do {                                                                                                          \
        double bi = (k)->budget, vi = (k)->voters, paid = vi * bi;                                                 \
        total += paid;                                                                                            \
        if (bi < x) {                                                                                             \
            below += paid;                                                                                        \
            count++;                                                                                              \
            high = bi > high ? bi : high;                                                                         \
        } else {                                                                                                  \
            rich += vi;                                                                                           \
            if (bi < top)                                                                                         \
                aside[kept++] = *(k);                                                                             \
            else                                                                                                  \
                low = bi < low ? bi : low;                                                                        \
        }                                                                                                         \
    } while (0)
        int i = 0;
        for (; i + 1 < n; i += 2) {
            const Group *k1 = groups + g[i], *k2 = groups + g[i + 1];
            SPLIT(k1, total, below, rich);
            SPLIT(k2, total2, below2, rich2);
        }
        if (i < n) SPLIT(groups + g[i], total, below, rich);
#undef SPLIT
        total += total2, below += below2, rich += rich2;
        if (pass == 0) {
            /* |float total - exact total| <= the budgets' errors + the rounding of n products and sums of
             * non-negative terms */
            double slack = 2 * (fmin(W * E, M) + (2.0 * n + 4) * U * total);
            if (total + slack < cost) return UNAFFORDABLE;
            if (total - slack < cost) return UNCERTAIN;
        }
        double next = x;
        for (;;) { /* split again among the groups kept aside while the root stays below the top */
            if (rich <= 0) return UNCERTAIN;
            next = (cost - below) / rich;
            if (next >= top) break;
            int moved = 0;
            for (int i = 0; i < kept; i++) {
                if (aside[i].budget < next) {
                    below += aside[i].voters * aside[i].budget;
                    rich -= aside[i].voters;
                    count++;
                    high = aside[i].budget > high ? aside[i].budget : high;
                    aside[i--] = aside[--kept];
                    moved = 1;
                }
            }
            if (!moved) break;
        }
        if (next >= top) { /* beyond the groups kept aside: a new pass from there */
            x = next;
            continue;
        }
        for (int i = 0; i < kept; i++) low = aside[i].budget < low ? aside[i].budget : low;
        /* the exact price is (cost - what the groups below have) / rich: the error of their budgets, then the
         * rounding of their sum (non-negative terms), of the subtraction and of the division */
        double rounding = 2 * ((2.0 * count + 4) * U * cost + rich * 2 * U * next);
        double e = 2 * (fmin((W - rich) * E, M) + rounding) / rich;
        if ((count && high + E > next - e) || low - E < next + e) return UNCERTAIN;
        c->start_x[p] = next - e;
        out->x = next;
        out->e = e;
        out->mass = rounding;
        out->rich = rich;
        return OK;
    }
    return UNCERTAIN;
}

typedef struct {
    uint64_t key;
    int group;
} Keyed;

static const double *sort_popular;

static int more_popular(const void *a, const void *b) {
    int p = *(const int *)a, q = *(const int *)b;
    return sort_popular[p] != sort_popular[q] ? (sort_popular[p] < sort_popular[q] ? 1 : -1) : (p > q) - (p < q);
}

static int larger_key(const void *a, const void *b) {
    const Keyed *x = a, *y = b;
    return x->key != y->key ? (x->key < y->key ? 1 : -1) : (x->group > y->group) - (x->group < y->group);
}

static int grow(Trace *tr, int need) {
    if (tr->poor_used + need <= tr->poor_size) return 0;
    int size = tr->poor_size * 2 + need;
    int *more = realloc(tr->poor, sizeof(int) * size);
    if (!more) return -1;
    tr->poor = more;
    tr->poor_size = size;
    return 0;
}

/* Whether this run, after its rounds so far, is dominated by upper after as many rounds: the same projects funded,
 * in any order, each at a price proven at least upper's. Where no voter with money paid all it had, a price is
 * exactly cost / the voters who paid in full: then two prices of a project are compared as those integers. */
static int dominated(const Trace *tr, const Trace *upper, const int *round_of) {
    const int k = tr->rounds;
    if (k > upper->rounds) return 0;
    for (int j = 0; j < k; j++) {
        const int u = round_of[tr->order[j]];
        if (u < 0 || u >= k) return 0;
        const int fixed = tr->poor_start[j + 1] == tr->poor_start[j];
        const int fixed_up = upper->poor_start[u + 1] == upper->poor_start[u];
        if (!(tr->x[j] - tr->e[j] >= upper->x[u] + upper->e[u] || (fixed && fixed_up && tr->rich[j] <= upper->rich[u])))
            return 0;
    }
    return 1;
}

/* One run of Equal Shares at share t. Returns OK, UNCERTAIN, or -1 (out of memory).
 *
 * `upper`: a finished run at a higher share, or NULL. A voter who approved the funded projects F has
 * max(0, share - sum of their prices over F) left, whatever the order they were funded in; so while this run has
 * funded what upper funded, in the same order, each at a price proven at least upper's, no voter has more money here
 * than in upper's run at the same round, and every price here is at least the price there (unaffordable there:
 * unaffordable here). Upper's proven lower bounds of that round then hold here too, and upper's winner is priced
 * first: if it beats every bound, it wins without pricing the others. Where the runs part, this one goes on alone,
 * and follows again once both have funded the same projects (two swapped), if still dominated (`dominated`). */
static int run(Count *c, int64_t t, Trace *tr, const Trace *upper, double *lower, char *alive, char *priced,
               Price *found) {
    const int P = c->projects;
    const double share = (double)t;
    double E = 0, M = 0; /* each budget's error is at most E, and their sum over the voters at most M */
    c->runs++;
    for (int i = 0; i < c->groups; i++) c->group[i].budget = share, c->zero[i] = 0;
    for (int p = 0; p < P; p++) {
        alive[p] = c->cost[p] > 0 && c->weight[p] > 0;
        lower[p] = alive[p] ? (1.0 / c->weight[p]) * (1 - 4 * U) : INFINITY;
        c->start_x[p] = 0;
    }
    tr->rounds = tr->poor_used = 0;
    tr->poor_start[0] = 0;
    tr->cost = 0;
    tr->t = t;
    if (upper) {
        for (int p = 0; p < P; p++) c->round_of[p] = -1;
        for (int r = 0; r < upper->rounds; r++) c->round_of[upper->order[r]] = r;
    }
    for (;;) {
        /* price projects in order of their lower bounds until none unpriced could beat the best priced */
        int best = -1;
        double best_hi = INFINITY, best_lo = INFINITY;
        memset(priced, 0, P);
        if (upper && dominated(tr, upper, c->round_of)) {
            const int r = tr->rounds;
            if (r >= upper->rounds) return OK; /* upper ended: what it had left was unaffordable, so it is here */
            const double *bound = upper->bounds + (size_t)r * P;
            for (int p = 0; p < P; p++) {
                if (bound[p] == INFINITY) alive[p] = 0;
                if (bound[p] > lower[p]) lower[p] = bound[p];
            }
            const int g = upper->order[r];
            if (alive[g]) {
                priced[g] = 1;
                int status = price(c, g, E, M, &found[g]);
                if (status == UNCERTAIN) return UNCERTAIN;
                if (status == UNAFFORDABLE) {
                    alive[g] = 0;
                } else {
                    double rho = found[g].x / (double)c->cost[g];
                    double er = found[g].e / (double)c->cost[g] + 4 * U * rho;
                    lower[g] = rho - er;
                    best = g, best_hi = rho + er, best_lo = rho - er;
                }
            }
        }
        for (;;) {
            int next = -1;
            for (int p = 0; p < P; p++)
                if (alive[p] && !priced[p] && (next < 0 || lower[p] < lower[next])) next = p;
            if (next < 0 || lower[next] > best_hi) break;
            priced[next] = 1;
            int status = price(c, next, E, M, &found[next]);
            if (status == UNCERTAIN) return UNCERTAIN;
            if (status == UNAFFORDABLE) {
                alive[next] = 0;
                continue;
            }
            double rho = found[next].x / (double)c->cost[next];
            double er = found[next].e / (double)c->cost[next] + 4 * U * rho;
            lower[next] = rho - er;
            if (rho + er < best_hi || (rho + er == best_hi && (rho - er < best_lo || (rho - er == best_lo && next < best)))) {
                best = next, best_hi = rho + er, best_lo = rho - er;
            }
        }
        if (best < 0) return OK;
        if (tr->bounds) {
            double *bound = tr->bounds + (size_t)tr->rounds * P;
            for (int p = 0; p < P; p++) bound[p] = alive[p] ? lower[p] : INFINITY;
        }
        /* other priced projects as low as the best: settled exactly if they are all twins (the same cost and the
         * same supporters: the same price, whatever the budgets), or all at their floor (rho = 1 / supporters);
         * then the tie order decides. Otherwise give up. */
        int winner = best, twins = 1, floors = found[best].rich == c->weight[best];
        for (int p = 0; p < P; p++) {
            if (p == best || !priced[p] || !alive[p] || lower[p] > best_hi) continue;
            twins = twins && c->twin[p] == c->twin[best];
            floors = floors && found[p].rich == c->weight[p];
            if (!twins && !floors) return UNCERTAIN;
        }
        for (int p = 0; p < P; p++) {
            if (p == best || !priced[p] || !alive[p] || lower[p] > best_hi) continue;
            if (twins ? p < winner : c->weight[p] > c->weight[winner] || (c->weight[p] == c->weight[winner] && p < winner))
                winner = p;
        }
        /* record the round, then every supporter pays x or all it has. Those who pay all they have end with
         * nothing, exactly (they are proven to have at most x): their errors vanish; each of the others has x less,
         * and the error of x times their number is at most the errors that vanished plus the price's rounding. */
        Price *w = &found[winner];
        const int32_t *g = c->members + c->start[winner], n = c->start[winner + 1] - c->start[winner];
        if (grow(tr, n)) return -1;
        double e = w->e, x = w->x, next_E = (E + e + 2 * U * share) * (1 + 8 * U);
        for (int i = 0; i < n; i++) {
            int k = g[i];
            double bi = c->group[k].budget;
            if (bi < x && !c->zero[k]) tr->poor[tr->poor_used++] = k;
            double left = bi - x;
            if (left < -next_E) {
                c->group[k].budget = 0, c->zero[k] = 1;
            } else {
                c->group[k].budget = left > 0 ? left : 0;
            }
        }
        E = next_E;
        M = (M + w->mass + c->weight[winner] * 2 * U * share) * (1 + 8 * U);
        const int r = tr->rounds;
        tr->order[r] = winner;
        tr->x[r] = x;
        tr->e[r] = e;
        tr->rich[r] = w->rich;
        tr->rounds++;
        tr->poor_start[tr->rounds] = tr->poor_used;
        tr->cost += c->cost[winner];
        alive[winner] = 0;
        lower[winner] = INFINITY;
    }
}

/* pabutools' Add1 test: 2 overspends, 1 exhaustive (no other supported project fits), 0 neither */
static int stop(Count *c, Trace *tr, int64_t budget, char *funded) {
    if (tr->cost > budget) return 2;
    memset(funded, 0, c->projects);
    for (int r = 0; r < tr->rounds; r++) funded[tr->order[r]] = 1;
    for (int p = 0; p < c->projects; p++)
        if (c->weight[p] > 0 && c->cost[p] > 0 && !funded[p] && tr->cost + c->cost[p] <= budget) return 0;
    return 1;
}

static PyObject *result(Trace *tr, Count *c) {
    PyObject *order = PyList_New(tr->rounds), *x = PyList_New(tr->rounds), *rich = PyList_New(tr->rounds);
    PyObject *poor = PyList_New(tr->rounds);
    if (!order || !x || !rich || !poor) goto fail;
    for (int r = 0; r < tr->rounds; r++) {
        PyList_SET_ITEM(order, r, PyLong_FromLong(tr->order[r]));
        PyList_SET_ITEM(x, r, PyFloat_FromDouble(tr->x[r]));
        PyList_SET_ITEM(rich, r, PyLong_FromLongLong((long long)tr->rich[r]));
        int from = tr->poor_start[r], to = tr->poor_start[r + 1];
        PyObject *groups = PyList_New(to - from);
        if (!groups) goto fail;
        for (int i = from; i < to; i++) PyList_SET_ITEM(groups, i - from, PyLong_FromLong(c->original[tr->poor[i]]));
        PyList_SET_ITEM(poor, r, groups);
    }
    return Py_BuildValue("{sLsNsNsNsNslsl}", "t", (long long)tr->t, "order", order, "prices", x, "rich", rich,
                         "poor", poor, "runs", c->runs, "priced", c->prices);
fail:
    Py_XDECREF(order);
    Py_XDECREF(x);
    Py_XDECREF(rich);
    Py_XDECREF(poor);
    return NULL;
}

static int trace_init(Trace *tr, int P, int follow) {
    tr->order = malloc(sizeof(int) * (P + 1));
    tr->x = malloc(sizeof(double) * (P + 1));
    tr->e = malloc(sizeof(double) * (P + 1));
    tr->bounds = follow ? malloc(sizeof(double) * (size_t)(P + 1) * (size_t)(P + 1)) : NULL;
    tr->rich = malloc(sizeof(double) * (P + 1));
    tr->poor_start = malloc(sizeof(int) * (P + 2));
    tr->poor_size = 1024;
    tr->poor = malloc(sizeof(int) * tr->poor_size);
    tr->rounds = tr->poor_used = 0;
    return tr->order && tr->x && tr->e && (tr->bounds || !follow) && tr->rich && tr->poor_start && tr->poor ? 0 : -1;
}

static void trace_free(Trace *tr) {
    free(tr->order);
    free(tr->x);
    free(tr->e);
    free(tr->bounds);
    free(tr->rich);
    free(tr->poor_start);
    free(tr->poor);
}

PyDoc_STRVAR(count_doc,
             "count(costs, start, projects, voters, t, step, budget, add1)\n--\n\n"
             "Equal Shares with cost utilities at share t (whole units), with Add1 if add1 (raising t by step).\n"
             "costs: int64 per project; the distinct ballots: start (int32 per ballot, then the end) and projects\n"
             "(int32, the projects' numbers, ballot after ballot); voters: int64 per ballot. Returns a dict (t, order,\n"
             "prices, rich, poor, runs, priced), or None where floats cannot prove a decision (then count in exact\n"
             "arithmetic).");

static PyObject *count(PyObject *self, PyObject *args) {
    Py_buffer costs, bstart, bprojects, voters;
    long long t, step, budget;
    int add1;
    if (!PyArg_ParseTuple(args, "y*y*y*y*LLLp", &costs, &bstart, &bprojects, &voters, &t, &step, &budget, &add1))
        return NULL;
    PyObject *answer = NULL;
    Count c = {0};
    Trace runs[WINDOW + 1] = {{0}}; /* runs[0]: the last run resolved; then a window of shares above it */
    int chosen = 0;
    double *lower = NULL;
    char *alive = NULL, *priced = NULL, *funded = NULL;
    Price *found = NULL;
    c.projects = (int)(costs.len / sizeof(int64_t));
    c.groups = (int)(voters.len / sizeof(int64_t));
    const int32_t *from = bstart.buf, *named = bprojects.buf;
    const Py_ssize_t entries = bprojects.len / (Py_ssize_t)sizeof(int32_t);
    int malformed = bstart.len != (Py_ssize_t)sizeof(int32_t) * (c.groups + 1) || step <= 0 || t < 0;
    for (int k = 0; !malformed && k < c.groups; k++)
        malformed = from[k] < 0 || from[k] > from[k + 1] || from[k + 1] > entries;
    for (Py_ssize_t i = 0; !malformed && i < entries; i++) malformed = named[i] < 0 || named[i] >= c.projects;
    if (malformed) {
        PyErr_SetString(PyExc_ValueError, "malformed tables");
        goto done;
    }
    c.cost = costs.buf;
    /* each project's supporter groups, from the ballots (projects that cost nothing are not counted here) */
    c.start = calloc(c.projects + 2, sizeof(int32_t));
    c.members = malloc(sizeof(int32_t) * (entries + 1));
    if (!c.start || !c.members) {
        PyErr_NoMemory();
        goto done;
    }
    /* the groups renumbered so that each project's supporters lie close together (sorted by which of the most
     * popular projects they support, the most popular first): a price reads them nearly in order */
    const int64_t *counts = voters.buf;
    double *popular = calloc(c.projects + 1, sizeof(double));
    int *by_votes = malloc(sizeof(int) * (c.projects + 1));
    Keyed *keyed = malloc(sizeof(Keyed) * (c.groups + 1));
    c.original = malloc(sizeof(int32_t) * (c.groups + 1));
    if (!popular || !by_votes || !keyed || !c.original) {
        free(popular), free(by_votes), free(keyed);
        PyErr_NoMemory();
        goto done;
    }
    for (int k = 0; k < c.groups; k++)
        for (int i = from[k]; i < from[k + 1]; i++) popular[named[i]] += (double)counts[k];
    for (int p = 0; p < c.projects; p++) by_votes[p] = p;
    sort_popular = popular;
    qsort(by_votes, c.projects, sizeof(int), more_popular);
    uint64_t *bit = (uint64_t *)popular; /* reused: each project's bit, the most popular the highest */
    for (int p = 0; p < c.projects; p++) bit[p] = 0;
    for (int r = 0; r < c.projects && r < 64; r++) bit[by_votes[r]] = (uint64_t)1 << (63 - r);
    for (int k = 0; k < c.groups; k++) {
        keyed[k].key = 0, keyed[k].group = k;
        for (int i = from[k]; i < from[k + 1]; i++) keyed[k].key |= bit[named[i]];
    }
    qsort(keyed, c.groups, sizeof(Keyed), larger_key);
    for (Py_ssize_t i = 0; i < entries; i++)
        if (c.cost[named[i]] > 0) c.start[named[i] + 2]++;
    for (int p = 0; p < c.projects; p++) c.start[p + 2] += c.start[p + 1];
    for (int j = 0; j < c.groups; j++) {
        int k = keyed[j].group;
        c.original[j] = k;
        for (int i = from[k]; i < from[k + 1]; i++)
            if (c.cost[named[i]] > 0) c.members[c.start[named[i] + 1]++] = j;
    }
    free(popular), free(by_votes), free(keyed);
    c.group = malloc(sizeof(Group) * (c.groups + 1));
    c.weight = calloc(c.projects + 1, sizeof(double));
    c.start_x = calloc(c.projects + 1, sizeof(double));
    c.aside = malloc(sizeof(Group) * (c.groups + 1));
    c.twin = malloc(sizeof(int) * (c.projects + 1));
    c.zero = malloc(c.groups + 1);
    c.round_of = malloc(sizeof(int) * (c.projects + 1));
    lower = malloc(sizeof(double) * (c.projects + 1));
    alive = malloc(c.projects + 1);
    priced = malloc(c.projects + 1);
    funded = malloc(c.projects + 1);
    found = malloc(sizeof(Price) * (c.projects + 1));
    if (!c.group || !c.weight || !c.start_x || !c.aside || !c.twin || !c.zero || !c.round_of || !lower || !alive || !priced || !funded || !found ||
        0) {
        PyErr_NoMemory();
        goto done;
    }
    const int follow = c.projects <= FOLLOW_PROJECTS;
    for (int j = 0; j <= WINDOW; j++)
        if (trace_init(&runs[j], c.projects, follow)) {
            PyErr_NoMemory();
            goto done;
        }
    for (int i = 0; i < c.groups; i++) c.group[i].voters = (double)counts[c.original[i]];
    for (int p = 0; p < c.projects; p++)
        for (int i = c.start[p]; i < c.start[p + 1]; i++) c.weight[p] += c.group[c.members[i]].voters;
    for (int p = 0; p < c.projects; p++) {
        int32_t n = c.start[p + 1] - c.start[p];
        c.twin[p] = p;
        for (int q = 0; q < p && c.twin[p] == p; q++)
            if (c.twin[q] == q && c.cost[q] == c.cost[p] && c.start[q + 1] - c.start[q] == n &&
                !memcmp(c.members + c.start[q], c.members + c.start[p], sizeof(int32_t) * n))
                c.twin[p] = q;
    }
    int64_t largest = 0;
    for (int p = 0; p < c.projects; p++) largest = c.cost[p] > largest ? c.cost[p] : largest;
    int status = UNCERTAIN;
    Py_BEGIN_ALLOW_THREADS
    if ((double)t + (double)largest <= LIMIT) status = run(&c, t, &runs[0], NULL, lower, alive, priced, found);
    /* Add1: a window of shares above the last one resolved is computed from the top down, each run following the
     * one above (run), then resolved upwards: the first that overspends keeps the run before it, the first that
     * is exhaustive is kept. The first run is kept if it stops (it cannot overspend). */
    int verdict = status == OK && add1 ? stop(&c, &runs[0], budget, funded) : 1;
    while (!verdict) {
        int n = follow ? WINDOW : 1;
        while (n > 1 && (double)(t + n * step) + (double)largest > LIMIT) n--;
        if ((double)(t + n * step) + (double)largest > LIMIT) {
            status = UNCERTAIN;
            break;
        }
        status = run(&c, t + n * step, &runs[n], NULL, lower, alive, priced, found);
        for (int j = n - 1; status == OK && j >= 1; j--)
            status = run(&c, t + j * step, &runs[j], &runs[j + 1], lower, alive, priced, found);
        if (status != OK) break;
        for (int j = 1; j <= n && !verdict; j++) {
            verdict = stop(&c, &runs[j], budget, funded);
            if (verdict) chosen = verdict == 2 ? j - 1 : j;
        }
        if (!verdict) {
            Trace swap = runs[0];
            runs[0] = runs[n];
            runs[n] = swap;
            t += n * step;
        }
    }
    Py_END_ALLOW_THREADS
    if (status == -1) {
        PyErr_NoMemory();
        goto done;
    }
    if (status != OK) {
        answer = Py_None;
        Py_INCREF(answer);
        goto done;
    }
    answer = result(&runs[chosen], &c);
done:
    free(c.group);
    free(c.weight);
    free(c.start_x);
    free(c.aside);
    free(c.twin);
    free(c.zero);
    free(c.round_of);
    free(lower);
    free(alive);
    free(priced);
    free(funded);
    free(found);
    for (int j = 0; j <= WINDOW; j++) trace_free(&runs[j]);
    PyBuffer_Release(&costs);
    free(c.start);
    free(c.members);
    free(c.original);
    PyBuffer_Release(&bstart);
    PyBuffer_Release(&bprojects);
    PyBuffer_Release(&voters);
    return answer;
}

/* _votes.c: the VOTES section of a .pb file read in C */
extern const char samen_read_votes_doc[];
PyObject *samen_read_votes(PyObject *self, PyObject *args);

static PyMethodDef methods[] = {{"count", count, METH_VARARGS, count_doc},
                                {"read_votes", samen_read_votes, METH_VARARGS, samen_read_votes_doc},
                                {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_mes",
                                    "Equal Shares with cost utilities and Add1, compiled (see equal_shares.py).", -1,
                                    methods};

PyMODINIT_FUNC PyInit__mes(void) { return PyModule_Create(&module); }
