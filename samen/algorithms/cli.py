"""The `samen` console command: recount and check from published data, without the web application.

Later subcommands count ballots, budgets and lotteries; `samen phase` tells which dated phase runs at an instant.
"""

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from samen.algorithms.timeline import Period, running_index


def _period(text: str) -> Period:
    first, _, last = text.partition(":")
    try:
        period = Period(date.fromisoformat(first), date.fromisoformat(last))
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected FIRST:LAST as ISO dates, got {text!r}") from error
    if period.last_day < period.first_day:
        raise argparse.ArgumentTypeError(f"{text!r} ends before it starts")
    return period


def _instant(text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected an ISO date-time with offset, got {text!r}") from error
    if instant.tzinfo is None:
        raise argparse.ArgumentTypeError("give the instant with its UTC offset, e.g. 2020-06-21T23:30+02:00")
    return instant


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="samen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    phase = commands.add_parser("phase", help="which of the dated phases runs at an instant")
    phase.add_argument("periods", nargs="+", type=_period, metavar="FIRST:LAST")
    phase.add_argument("--at", type=_instant, required=True, help="ISO date-time with offset")
    phase.add_argument("--zone", default="Europe/Brussels", help="the calendar's time zone")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
