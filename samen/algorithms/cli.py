"""The `samen` console command: recount and check from published data, without the web application.

`samen count` recounts a shortlist vote from its published CSV files; `samen phase` tells which dated phase runs at
an instant; `samen pb` counts a participatory budget from its pabulib file (greedy or Equal Shares) and explains a
voter's share; `samen sortition` computes a LEXIMIN lottery over quota-meeting panels and draws one with a seed, from
a published pool and quota file; `samen questionnaire tally` recounts a consultation's questionnaire from its
published JSON.

Each subcommand imports what it needs when it runs: `samen pb` is timed from the command's start
(docs/performance.md), so it does not pay for the shortlist count, the calendar or the lottery.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from datetime import datetime

    from samen.algorithms import approval
    from samen.algorithms.ties import TieBreak, TieStep
    from samen.algorithms.timeline import Period


def _period(text: str) -> Period:
    from datetime import date

    from samen.algorithms.timeline import Period

    first, _, last = text.partition(":")
    try:
        period = Period(date.fromisoformat(first), date.fromisoformat(last))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected FIRST:LAST as ISO dates, got {text!r}") from error
    if period.last_day < period.first_day:
        raise argparse.ArgumentTypeError(f"{text!r} ends before it starts")
    return period


def _instant(text: str) -> datetime:
    from datetime import datetime

    try:
        instant = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected an ISO date-time with offset, got {text!r}") from error
    if instant.tzinfo is None:
        raise argparse.ArgumentTypeError("give the instant with its UTC offset, e.g. 2020-06-21T23:30+02:00")
    return instant


def _steps(text: str) -> tuple[str, ...]:
    from samen.algorithms.ties import METHODS

    steps = tuple(step.strip() for step in text.split(","))
    unknown = [step for step in steps if step not in METHODS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown step {unknown[0]!r}: expected a list of {', '.join(METHODS)}")
    return steps


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="samen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    phase = commands.add_parser("phase", help="which of the dated phases runs at an instant")
    phase.add_argument("periods", nargs="+", type=_period, metavar="FIRST:LAST")
    phase.add_argument("--at", type=_instant, required=True, help="ISO date-time with offset")
    phase.add_argument("--zone", default="Europe/Brussels", help="the calendar's time zone")
    vote = commands.add_parser("count", help="recount a shortlist vote from its published ballots and shortlist")
    vote.add_argument("ballots", type=Path, metavar="BALLOTS.csv", help="header ballot,choices")
    vote.add_argument("--shortlist", type=Path, required=True, metavar="SHORTLIST.csv", help="idea,jury_score,title")
    vote.add_argument("--winners", type=int, required=True, help="how many ideas win")
    vote.add_argument("--max-choices", type=int, help="ideas per ballot (default: the largest ballot)")
    vote.add_argument("--tie-break", type=_steps, default="jury,lottery", help="steps in order (default: jury,lottery)")
    vote.add_argument("--seed", default="", help="the lottery seed announced before the vote")
    vote.add_argument("--json", action="store_true", help="print the outcome as JSON")
    budget = commands.add_parser("pb", help="count a participatory budget from its pabulib file (.pb)")
    budget.add_argument("file", type=Path, metavar="FILE.pb")
    budget.add_argument("--rule", choices=PB_RULES, default="mes-add1-greedy", help="default: mes-add1-greedy")
    budget.add_argument("--utility", choices=("cost", "points"), default="cost", help="points: cumulative, scoring")
    budget.add_argument("--json", action="store_true", help="print the outcome as JSON")
    budget.add_argument("--explain", metavar="VOTER_ID", help="how this voter's share was spent")
    budget.add_argument(
        "--tie-break",
        metavar="STEPS",
        help="cost,lottery or lottery (default: the file's META tie_break, else the smaller project id)",
    )
    budget.add_argument("--seed", default="", help="the lottery seed (default: the file's META tie_break_seed)")
    lottery = commands.add_parser("sortition", help="draw a panel by lot under quotas (LEXIMIN), or check a draw")
    lottery.add_argument("--pool", type=Path, required=True, metavar="POOL.csv", help="one column per category")
    lottery.add_argument("--quotas", type=Path, required=True, metavar="QUOTAS.csv", help="category,value,min,max")
    lottery.add_argument("--k", type=int, required=True, help="the panel size")
    lottery.add_argument("--id-column", help="the pool's id column (default: the row number, first data row 1)")
    lottery.add_argument(
        "--household-column", help="a column naming each person's household: at most one per household is drawn"
    )
    lottery.add_argument("--method", choices=("leximin", "legacy"), default="leximin", help="default: leximin")
    lottery.add_argument("--seed", default="", help="the seed announced before the draw")
    lottery.add_argument("--json", action="store_true", help="print the whole distribution, probabilities and panel")
    lottery.add_argument(
        "--time-limit", type=float, default=600.0, metavar="SECONDS", help="per integer program (default: 600)"
    )
    questionnaire = commands.add_parser("questionnaire", help="a consultation's questionnaire, from published JSON")
    actions = questionnaire.add_subparsers(dest="action", required=True)
    recount = actions.add_parser("tally", help="count the responses per question, as JSON")
    recount.add_argument("questionnaire", type=Path, metavar="QUESTIONNAIRE.json", help='{"questions": [...]}')
    recount.add_argument("responses", type=Path, metavar="RESPONSES.json", help="a list of {question: answer}")
    return parser


PB_RULES = ("greedy", "mes", "mes-add1", "mes-add1-greedy")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "pb":
        return _pb(args)
    if args.command == "sortition":
        return _sortition(args)
    if args.command == "count":
        return _count(args)
    if args.command == "questionnaire":
        return _questionnaire(args)
    return _phase(args)


def _phase(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from samen.algorithms.timeline import running_index

    zone = ZoneInfo(args.zone)
    index = running_index(args.periods, args.at, zone)
    if index is None:
        print("no phase runs at that instant")
        return 1
    period = args.periods[index]
    print(
        f"phase {index + 1} runs ({period.first_day} to {period.last_day}, until {period.closes_at(zone).isoformat()})"
    )
    return 0


T = TypeVar("T")


class _Refused(Exception):
    """A file or a ballot the count cannot accept: the message starts with FILE:LINE."""


def _read(path: Path, read: Callable[[TextIO], T]) -> T:
    from samen.algorithms import ballot_files

    try:
        with path.open(encoding="utf-8-sig", newline="") as lines:
            return read(lines)
    except ballot_files.BallotFileError as error:
        raise _Refused(f"{path}:{error.line}: {error.reason}") from None
    except OSError as error:
        raise _Refused(f"{path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise _Refused(f"{path}: not UTF-8 text") from None


def _count(args: argparse.Namespace) -> int:
    """Exit 2 pointing at FILE:LINE when a file or a ballot is refused, so the published data can be checked."""
    from samen.algorithms import approval, ballot_files
    from samen.algorithms.ties import TieBreak

    try:
        shortlist = _read(args.shortlist, ballot_files.read_shortlist)
        rows = _read(args.ballots, ballot_files.read_ballot_rows)
        tie_break = TieBreak(steps=args.tie_break, seed=args.seed, jury_scores={i: s for i, s, _ in shortlist})
        largest = max((len(row.choices) for row in rows), default=1)
        max_choices = largest if args.max_choices is None else args.max_choices
        try:
            outcome = approval.count(
                [row.choices for row in rows],
                [idea for idea, _, _ in shortlist],
                winners=args.winners,
                max_choices=max_choices,
                tie_break=tie_break,
            )
        except approval.BallotError as error:
            raise _Refused(f"{args.ballots}:{rows[error.ballot - 1].line}: {error}") from None
        except ValueError as error:
            raise _Refused(str(error)) from None
    except _Refused as refusal:
        print(f"samen count: {refusal}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(approval.outcome_as_json(outcome, tie_break), indent=2, ensure_ascii=False))
    else:
        print(_as_text(outcome, {idea: title for idea, _, title in shortlist}, tie_break))
    return 0


def _ideas(ids: Sequence[str]) -> str:
    return f"ideas {', '.join(ids[:-1])} and {ids[-1]}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _explain(step: TieStep, seed: str, jury: dict[str, str]) -> str:
    """What a step compared, in the order it gave, so a reader can check each comparison by hand.

    After a jury step the lottery runs within each group of equal jury score: `jury` (candidate -> score compared)
    tells those groups apart, so that "<" only ever joins keys that were compared.
    """
    import itertools
    from fractions import Fraction

    from samen.algorithms.ties import JURY

    if step.method == JURY:
        text = step.values[0][1]
        for (_, before), (_, after) in itertools.pairwise(step.values):
            text += f" {'=' if Fraction(after) == Fraction(before) else '>'} {after}"
        return f"jury score {text}"
    groups: list[list[str]] = []
    for index, (candidate, key) in enumerate(step.values):
        shown = f"sha256({f'{seed}:{candidate}'!r}) = {key}"
        if index and jury.get(candidate) == jury.get(step.values[index - 1][0]):
            groups[-1].append(shown)
        else:
            groups.append([shown])
    return f"lottery with seed {seed!r}: {', '.join(' < '.join(group) for group in groups)}"


def _as_text(outcome: approval.Outcome, titles: dict[str, str], tie_break: TieBreak) -> str:
    winners = set(outcome.winners)
    from samen.algorithms.ties import JURY

    lines = [f"{_plural(outcome.ballots, 'ballot')}, {_plural(len(winners), 'winner')}"]
    for rank, idea in enumerate(outcome.ranking, start=1):
        title = f' "{titles[idea]}"' if titles.get(idea) else ""
        mark = ", winner" if idea in winners else ""
        lines.append(f"{rank:>3}. idea {idea}{title}: {_plural(outcome.tallies[idea], 'vote')}{mark}")
    for tie in outcome.ties:
        decided = " (this tie decided who won)" if tie.decisive else ""
        jury = {candidate: value for step in tie.steps if step.method == JURY for candidate, value in step.values}
        steps = "; ".join(_explain(step, tie_break.seed, jury) for step in tie.steps)
        lines.append(f"{_ideas(tie.candidates)} tied with {_plural(tie.votes, 'vote')}{decided}: {steps}")
    return "\n".join(lines)


def _pb(args: argparse.Namespace) -> int:
    """Count a participatory budget from its .pb file; exit 2 pointing at FILE:LINE when the file is malformed."""
    from samen.algorithms import budgets  # imported here: the other subcommands do not pay for it
    from samen.algorithms.budgets import explain, tiebreak

    gc.disable()  # a city's file is ~60,000 ballot objects with no cycles: collecting them only costs time
    try:
        with args.file.open(encoding="utf-8-sig", newline="") as lines:
            election = budgets.read_pabulib(lines)
        tie_break = _budget_tie_break(args, election)
        order = tiebreak.announced_order(election, tie_break)
        outcome = budgets.count(election, rule=args.rule, utility=args.utility, tie_order=order)
        explanation = budgets.explain_voter(election, outcome, args.explain) if args.explain else None
    except budgets.PabulibError as error:
        return _refuse(f"{args.file}:{error.line}: {error.reason}")
    except OSError as error:
        return _refuse(f"{args.file}: {error.strerror}")
    except UnicodeDecodeError:
        return _refuse(f"{args.file}: not UTF-8 text")
    except KeyError:
        return _refuse(f"{args.file}: no voter {args.explain!r}")
    except ValueError as error:
        return _refuse(f"{args.file}: {error}")
    finally:
        gc.enable()
    if args.json:
        data = budgets.outcome_json(outcome)
        if tie_break is not None:
            data["tie_break"] = {"steps": list(tie_break.steps), "seed": tie_break.seed}
        if explanation is not None:
            data["explanation"] = explain.explanation_json(explanation)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(explain.outcome_text(args.file.name, election, outcome, tie_break))
    if explanation is not None:
        print(explain.explanation_text(explanation, election.meta.get("currency", "")))
    return 0


def _budget_tie_break(args: argparse.Namespace, election) -> TieBreak | None:
    """The file's announced tie-break, or the one given on the command line: --seed alone keeps the file's steps
    (a lottery when the file announces none), --tie-break alone keeps the file's seed."""
    from samen.algorithms.budgets import tiebreak
    from samen.algorithms.ties import LOTTERY

    announced = tiebreak.tie_break_of(election.meta)
    if not (args.tie_break or args.seed):
        return announced
    steps = args.tie_break or (",".join(announced.steps) if announced else LOTTERY)
    return tiebreak.budget_tie_break(steps, args.seed or (announced.seed if announced else ""))


def _refuse(message: str) -> int:
    print(f"samen pb: {message}", file=sys.stderr)
    return 2


def _sortition(args: argparse.Namespace) -> int:
    """Draw a panel; exit 2 naming FILE:LINE for a refused file, or the quotas that conflict when none can be met."""
    from samen.algorithms import sortition

    def read(path: Path, reader: Callable[[TextIO], T]) -> T:
        try:
            with path.open(encoding="utf-8-sig", newline="") as lines:
                return reader(lines)
        except sortition.SortitionInputError as error:
            where = f"{path}:{error.line}" if error.line else f"{path}"
            raise _Refused(f"{where}: {error.reason}") from None
        except OSError as error:
            raise _Refused(f"{path}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise _Refused(f"{path}: not UTF-8 text") from None

    try:
        quotas = read(args.quotas, sortition.read_quotas)
        people = read(
            args.pool,
            lambda lines: sortition.read_pool(
                lines, quotas, id_column=args.id_column, address_column=args.household_column
            ),
        )
        households = args.household_column is not None
        try:
            outcome = sortition.draw_panel(
                people,
                quotas,
                args.k,
                seed=args.seed,
                method=args.method,
                households=households,
                time_limit=args.time_limit,
            )
        except sortition.SolverTimeLimit as error:
            print(f"samen sortition: {error}", file=sys.stderr)
            return 3
        except sortition.SortitionInputError as error:
            source = {"quotas": args.quotas, "pool": args.pool}.get(error.source)
            raise _Refused(f"{source}: {error}" if source else str(error)) from None
    except _Refused as refusal:
        print(f"samen sortition: {refusal}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(outcome.as_json(), indent=2, ensure_ascii=False))
        return 0
    lottery = outcome.distribution
    left_out = f"; no panel can hold {', '.join(lottery.unselectable)}" if lottery.unselectable else ""
    estimated = " (estimated from repeated seeded draws)" if lottery.estimated else ""
    print(f"{args.method}: {_plural(len(lottery.panels), 'panel')} of {lottery.k} drawn from {len(people)} people")
    print(f"minimum selection probability {lottery.min_probability:.6f}{estimated}{left_out}")
    print(f"seed {outcome.seed!r} draws: {', '.join(outcome.panel)}")
    return 0


def _questionnaire(args: argparse.Namespace) -> int:
    """Print the tally as JSON; exit 2 naming the file (and the response's number) when one is refused."""
    from samen.algorithms import questionnaire

    def load(path: Path):
        try:
            return json.loads(path.read_text(encoding="utf-8-sig"))
        except OSError as error:
            raise _Refused(f"{path}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise _Refused(f"{path}: not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise _Refused(f"{path}:{error.lineno}: not JSON ({error.msg})") from None

    try:
        try:
            definition = questionnaire.from_json(load(args.questionnaire))
        except ValueError as error:
            raise _Refused(f"{args.questionnaire}: {error}") from None
        responses = load(args.responses)
        if not isinstance(responses, list):
            raise _Refused(f"{args.responses}: expected a list of responses")
        try:
            result = questionnaire.tally(definition, responses)
        except questionnaire.ResponseError as error:
            raise _Refused(f"{args.responses}: {error}") from None
    except _Refused as refusal:
        print(f"samen questionnaire: {refusal}", file=sys.stderr)
        return 2
    print(json.dumps(questionnaire.tally_json(result), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
