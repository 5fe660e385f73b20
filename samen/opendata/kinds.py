"""The datasets of the process kinds beyond their results: the anonymous ballots as their files publish them, the
lotteries' pools, quotas and draws under pseudonyms, and the public citizens' initiatives with their signature
counts. Each appears exactly where its page shows it to an anonymous visitor; nothing names a person."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count

from samen.algorithms.ballot_files import numbered_ballots
from samen.budgets import queries as budget_queries
from samen.budgets.models import Budget
from samen.initiatives import queries as initiative_queries
from samen.opendata.tables import Dataset, Table, day, moment
from samen.panels import queries as panel_queries
from samen.panels.models import Lottery
from samen.processes.models import Process
from samen.votes import queries as vote_queries
from samen.votes import services as vote_services
from samen.votes.models import Shortlist

ANYONE = AnonymousUser()


def ballots() -> Dataset:
    vote_rows, budget_rows = [], []
    shortlists = Shortlist.objects.filter(process__status=Process.Status.PUBLISHED).select_related("process")
    for shortlist in shortlists.order_by("process_id"):
        if not ANYONE.has_perm("votes.view_results", shortlist):
            continue
        vote_services.count_votes(shortlist=shortlist)  # the ballots are published with the result
        for number, choices in numbered_ballots(vote_queries.ballots_for_count(shortlist)):
            vote_rows.append((shortlist.process_id, number, " ".join(choices)))
    budgets = Budget.objects.filter(process__status=Process.Status.PUBLISHED).select_related("process")
    for budget in budgets.order_by("process_id"):
        if not ANYONE.has_perm("budgets.view_result", budget.process):
            continue
        for number, (chosen, paper) in enumerate(budget_queries.ballots_for_count(budget), start=1):
            budget_rows.append((budget.process_id, number, ",".join(chosen), "paper" if paper else "internet"))
    return Dataset(
        slug="ballots",
        title={"nl": "Anonieme stembiljetten", "fr": "Bulletins anonymes", "en": "Anonymous ballots"},
        description={
            "nl": "De stembiljetten van de afgelopen stemmingen en participatieve budgetten, zonder naam of "
            "pseudoniem, zoals hun hertelbestanden ze publiceren.",
            "fr": "Les bulletins des votes et des budgets participatifs terminés, sans nom ni pseudonyme, tels que "
            "leurs fichiers de recomptage les publient.",
            "en": "The ballots of the votes and participatory budgets that have ended, without any name or "
            "pseudonym, as their recount files publish them.",
        },
        tables=[
            Table("vote_ballots", ("process_id", "ballot", "idea_ids"), vote_rows),
            Table("budget_ballots", ("process_id", "ballot", "proposal_ids", "voting_method"), budget_rows),
        ],
    )


def lotteries() -> Dataset:
    published = (
        Lottery.objects.filter(process__status=Process.Status.PUBLISHED)
        .annotate(volunteer_count=Count("volunteers"))
        .order_by("process_id")
    )
    lottery_rows, pool_rows, quota_rows, probability_rows, panel_rows = [], [], [], [], []
    for lottery in published:
        drawn = lottery.outcome if lottery.drawn_at else None
        lottery_rows.append(
            (
                lottery.process_id,
                lottery.panel_size,
                lottery.invitations,
                lottery.volunteer_count,
                moment(lottery.invitations_drawn_at),
                moment(lottery.pool_frozen_at),
                moment(lottery.drawn_at),
                drawn["method"] if drawn else None,
                drawn["seed"] if drawn else None,
                drawn["min_probability"] if drawn else None,
            )
        )
        if not lottery.pool_frozen_at:
            continue
        pool_rows += [(lottery.process_id, *stratum) for stratum in panel_queries.pool_counts(lottery)]
        quota_rows += [(lottery.process_id, q.category, q.value, q.minimum, q.maximum) for q in lottery.quotas.all()]
        if drawn:
            panel = set(drawn["panel"])
            probability_rows += [
                (lottery.process_id, pseudonym, p, pseudonym in panel)
                for pseudonym, p in drawn["probabilities"].items()
            ]
            panel_rows += [
                (lottery.process_id, number, option["probability"], " ".join(option["panel"]))
                for number, option in enumerate(drawn["distribution"], start=1)
            ]
    return Dataset(
        slug="lotteries",
        title={"nl": "Lotingen", "fr": "Tirages au sort", "en": "Lotteries"},
        description={
            "nl": "De panels die bij loting worden samengesteld: hoeveel vrijwilligers per groep, de quota, en na de "
            "trekking ieders kans en het getrokken panel, onder de pseudoniemen van het gepubliceerde bestand.",
            "fr": "Les panels tirés au sort : combien de volontaires par groupe, les quotas, et après le tirage la "
            "probabilité de chacun et le panel tiré, sous les pseudonymes du fichier publié.",
            "en": "The panels drawn by lot: how many volunteers per group, the quotas, and after the draw everyone's "
            "chance and the panel drawn, under the pseudonyms of the published pool file.",
        },
        tables=[
            Table(
                "lotteries",
                (
                    "process_id",
                    "panel_size",
                    "invitations",
                    "volunteers",
                    "invitations_drawn_at",
                    "pool_frozen_at",
                    "drawn_at",
                    "method",
                    "seed",
                    "min_probability",
                ),
                lottery_rows,
            ),
            Table("pools", ("process_id", "category", "value", "volunteers"), pool_rows),
            Table("quotas", ("process_id", "category", "value", "minimum", "maximum"), quota_rows),
            Table("probabilities", ("process_id", "pseudonym", "probability", "selected"), probability_rows),
            Table("panels", ("process_id", "panel", "probability", "pseudonyms"), panel_rows),
        ],
    )


def initiatives() -> Dataset:
    public = initiative_queries.with_counts().exclude(status__in=initiative_queries.PRIVATE).order_by("pk")
    rows = []
    for initiative in public:
        state = initiative_queries.state_of(initiative)
        rows.append(
            (
                initiative.pk,
                initiative.title_nl,
                initiative.title_fr,
                initiative.title_en,
                initiative.kind.municipality_nis,
                initiative.status,
                str(state.stage),
                state.signatures,
                state.threshold,
                day(initiative.collection_starts),
                day(initiative.collection_ends),
                day(initiative.transmitted_on),
                day(state.deadline),
                state.overdue,
                initiative.decision,
                day(initiative.decided_on),
            )
        )
    return Dataset(
        slug="initiatives",
        title={"nl": "Burgerinitiatieven", "fr": "Initiatives citoyennes", "en": "Citizens' initiatives"},
        description={
            "nl": "De openbare burgerinitiatieven: hun stand, termijnen en aantal handtekeningen; nooit wie tekende.",
            "fr": "Les initiatives citoyennes publiques : leur état, leurs délais et leur nombre de signatures ; "
            "jamais qui a signé.",
            "en": "The public citizens' initiatives: where they stand, their deadlines and their signature counts; "
            "never who signed.",
        },
        tables=[
            Table(
                "initiatives",
                (
                    "id",
                    "title_nl",
                    "title_fr",
                    "title_en",
                    "municipality_nis",
                    "status",
                    "stage",
                    "signatures",
                    "threshold",
                    "collection_starts",
                    "collection_ends",
                    "transmitted_on",
                    "council_deadline",
                    "overdue",
                    "decision",
                    "decided_on",
                ),
                rows,
            )
        ],
    )
