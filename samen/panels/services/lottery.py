"""The two-stage civic lottery: register, invitations, volunteers, quotas, a frozen pool and the draw.

The pool is frozen (pseudonyms given, quotas fixed, files published) before the seed is known, and the panel is drawn
from those very files, so that `samen sortition` on the downloads gives the published panel and probabilities.
"""

import csv
import io
import random
import secrets
from collections import Counter, defaultdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _

from samen.algorithms.sortition import SortitionInputError, check_feasibility, draw_panel, read_pool, read_quotas
from samen.algorithms.sortition.invitations import draw_invitations as pick_invitations
from samen.algorithms.sortition.invitations import reserve_order
from samen.algorithms.sortition.pool import household
from samen.common import clock
from samen.common.geography import neighbourhoods
from samen.common.services import Texts, require_perm, translated_columns
from samen.common.translation import official_field_errors
from samen.panels import notifications, queries
from samen.panels.features import FEATURES, NEIGHBOURHOOD
from samen.panels.models import MAX_POOL, Lottery, Quota, RegisterEntry, Seat, Volunteer

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I: read off a letter
CODE_LENGTH = 10


def create_lottery(
    *,
    process,
    panel_size: int,
    invitations: int,
    seed_announcement: dict[str, str],
    stratify_invitations: bool = True,
    households: bool = True,
) -> Lottery:
    lottery = Lottery(
        process=process,
        panel_size=panel_size,
        invitations=invitations,
        stratify_invitations=stratify_invitations,
        households=households,
        **translated_columns("seed_announcement", seed_announcement),
    )
    lottery.full_clean()
    lottery.save()
    return lottery


def _refuse(message: str, code: str, **params) -> ValidationError:
    return ValidationError(message % params if params else message, code=code)


def _register_rows(text: str) -> list[RegisterEntry]:
    """Read the register extract, refusing it whole at its first wrong line (named in the message)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        missing = [name for name in ("id", "address", "neighbourhood") if name not in header]
        if missing:
            raise _refuse(
                _("Line 1: the register needs the columns id, address and neighbourhood; missing: %(missing)s."),
                "register_columns",
                missing=", ".join(missing),
            )
        column = {name: header.index(name) for name in header}
        optional = [name for name in FEATURES if name in column and FEATURES[name].declared]
        rows, seen = [], {}
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = {name: (row[index].strip() if index < len(row) else "") for name, index in column.items()}
            if not cells["id"] or not cells["address"]:
                raise _refuse(
                    _("Line %(line)s: the id and the address must not be empty."), "register_empty", line=line
                )
            if cells["id"] in seen:
                raise _refuse(
                    _("Line %(line)s: the id %(id)s is already on line %(first)s."),
                    "register_duplicate",
                    line=line,
                    id=cells["id"],
                    first=seen[cells["id"]],
                )
            seen[cells["id"]] = line
            code = cells["neighbourhood"]
            if not code.isdigit() or int(code) not in neighbourhoods():
                raise _refuse(
                    _("Line %(line)s: %(value)s is not a neighbourhood code of the Brussels monitoring."),
                    "register_neighbourhood",
                    line=line,
                    value=code or "''",
                )
            features = {}
            for name in optional:
                if cells[name] and cells[name] not in FEATURES[name].values:
                    raise _refuse(
                        _("Line %(line)s: %(value)s is not a value of %(feature)s (expected %(expected)s)."),
                        "register_feature",
                        line=line,
                        value=cells[name],
                        feature=name,
                        expected=", ".join(FEATURES[name].values),
                    )
                if cells[name]:
                    features[name] = cells[name]
            rows.append(
                RegisterEntry(
                    register_id=cells["id"], address=cells["address"], neighbourhood_code=int(code), features=features
                )
            )
            if len(rows) > MAX_POOL:
                raise _refuse(_("The register has more than %(max)s rows."), "register_size", max=MAX_POOL)
    except csv.Error as error:
        raise _refuse(
            _("Line %(line)s: this is not valid CSV (%(error)s)."), "register_csv", line=reader.line_num, error=error
        ) from None
    if not rows:
        raise _refuse(_("The register has no rows."), "register_empty")
    return rows


def upload_register(*, lottery: Lottery, manager, text: str) -> int:
    """Replace the register extract; only before the invitations are drawn. Returns the number of rows."""
    require_perm(manager, "panels.manage_lottery", lottery.process)
    rows = _register_rows(text)
    population: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        population[NEIGHBOURHOOD][str(row.neighbourhood_code)] += 1
        for name, value in row.features.items():
            population[name][value] += 1
    with transaction.atomic():
        current = Lottery.objects.select_for_update().get(pk=lottery.pk)
        if current.invitations_drawn_at:
            raise _refuse(_("The invitations have been drawn: the register can no longer change."), "invitations_drawn")
        if current.invitation_seed_announced_at:
            raise _refuse(_("The invitations' seed is announced: the register can no longer change."), "seed_announced")
        lottery.register.all().delete()
        for row in rows:
            row.lottery = lottery
        RegisterEntry.objects.bulk_create(rows, batch_size=2000)
        lottery.population = {category: dict(counts) for category, counts in population.items()}
        lottery.save(update_fields=["population"])
    return len(rows)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def announce_invitation_seed(*, lottery: Lottery, manager, source: Texts, known_on: date) -> Lottery:
    """Make public, before it is known, where the invitations' seed will come from (e.g. a EuroMillions result of a
    given date): the register is fixed first and the announcement never changes, so a manager cannot try seeds until
    the list of invited residents suits them."""
    require_perm(manager, "panels.manage_lottery", lottery.process)
    if known_on <= clock.today():
        raise _refuse(_("Choose a seed that becomes known after today, once the announcement is public."), "seed_known")
    with transaction.atomic():
        lottery = Lottery.objects.select_for_update().get(pk=lottery.pk)
        if lottery.invitation_seed_announced_at:
            raise _refuse(_("The invitations' seed is announced and can no longer change."), "seed_announced")
        if not lottery.register.exists():
            raise _refuse(_("Upload the register extract first."), "register_missing")
        source_columns = translated_columns("invitation_seed_announcement", source)
        for column, text in source_columns.items():
            setattr(lottery, column, text)
        if errors := official_field_errors(lottery, "invitation_seed_announcement", required=True):
            raise ValidationError(errors, code="seed_announcement_languages")
        lottery.invitation_seed_known_on, lottery.invitation_seed_announced_at = known_on, clock.now()
        lottery.full_clean()
        lottery.save(update_fields=[*source_columns, "invitation_seed_known_on", "invitation_seed_announced_at"])
    return lottery


def draw_invitations(*, lottery: Lottery, manager, seed: str) -> int:
    """Draw who is invited with the announced seed (from the register file and the seed an auditor gets the same
    list), give each a code for their letter, and erase everyone else's register row."""
    require_perm(manager, "panels.manage_lottery", lottery.process)
    seed = seed.strip()
    if not seed:
        raise _refuse(_("Enter the seed that was announced."), "seed")
    rng = random.Random(seed)  # noqa: S311 - a recorded seed must replay the draw; the codes come from secrets
    with transaction.atomic():
        lottery = Lottery.objects.select_for_update().get(pk=lottery.pk)
        if lottery.invitations_drawn_at:
            raise _refuse(_("The invitations have already been drawn."), "invitations_drawn")
        if not lottery.invitation_seed_announced_at:
            raise _refuse(
                _("Announce where the invitations' seed comes from, and draw once it is known."), "seed_not_announced"
            )
        if clock.today() < lottery.invitation_seed_known_on:
            raise _refuse(
                _("The announced seed is known on %(day)s: draw the invitations from then on."),
                "seed_not_known",
                day=formats.date_format(lottery.invitation_seed_known_on),
            )
        strata: dict[str, list[str]] = defaultdict(list)
        ids = dict(lottery.register.values_list("register_id", "pk"))
        for register_id, code in lottery.register.values_list("register_id", "neighbourhood_code"):
            strata[str(code)].append(register_id)
        if not ids:
            raise _refuse(_("Upload the register extract first."), "register_missing")
        chosen = pick_invitations(strata, lottery.invitations, rng, proportional=lottery.stratify_invitations)
        invited = lottery.register.filter(register_id__in=chosen)
        entries = list(invited)
        for entry in entries:
            entry.code = _new_code()
        RegisterEntry.objects.bulk_update(entries, ["code"], batch_size=2000)
        lottery.register.filter(code__isnull=True).delete()
        lottery.invitation_seed, lottery.invitations_drawn_at = seed, clock.now()
        lottery.save(update_fields=["invitation_seed", "invitations_drawn_at"])
    return len(entries)


def register_volunteer(
    *, lottery: Lottery, user, code: str, first_name: str, features: dict[str, str], consent: bool, show_name: bool
) -> Volunteer:
    """An invited resident answers with the code from their letter; one answer per invitation and per person."""
    require_perm(user, "panels.volunteer", lottery.process)
    if not consent:
        raise _refuse(_("To take part in the draw, tick that you agree."), "consent")
    entry = lottery.register.filter(code=normalise_code(code)).first()
    if entry is None:
        raise _refuse(_("This invitation code is not valid for this lottery. Check the letter you received."), "code")
    declared = {}
    for name, feature in FEATURES.items():
        if feature.declared:
            if features.get(name) not in feature.values:
                raise _refuse(_("Choose your %(feature)s."), "feature", feature=str(feature.label).lower())
            declared[name] = features[name]
    declared[NEIGHBOURHOOD] = str(entry.neighbourhood_code)
    volunteer = Volunteer(
        lottery=lottery,
        user=user,
        invitation=entry,
        first_name=first_name.strip(),
        features=declared,
        show_name=show_name,
    )
    volunteer.full_clean(exclude=["lottery", "user", "invitation"], validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            volunteer.save()
    except IntegrityError:
        if lottery.volunteers.filter(user=user).exists():
            raise _refuse(_("You have already answered an invitation for this lottery."), "already_volunteer") from None
        raise _refuse(_("This invitation has already been answered."), "code_used") from None
    return volunteer


def set_quotas(*, lottery: Lottery, manager, bounds: dict[tuple[str, str], tuple[int, int]]) -> list[Quota]:
    """Replace the quotas; only until the pool is frozen. A bound outside 0..seats is refused, naming the value."""
    require_perm(manager, "panels.manage_lottery", lottery.process)
    known = queries.quota_values(lottery)
    quotas = []
    for (category, value), (low, high) in bounds.items():
        if value not in known.get(category, ()):
            raise _refuse(_("%(value)s is not a value of %(category)s."), "quota_value", value=value, category=category)
        if not 0 <= low <= high <= lottery.panel_size:
            raise _refuse(
                _("%(category)s %(value)s: the bounds must satisfy 0 ≤ at least ≤ at most ≤ %(k)s."),
                "quota_bounds",
                category=category,
                value=value,
                k=lottery.panel_size,
            )
        quotas.append(Quota(lottery=lottery, category=category, value=value, minimum=low, maximum=high))
    with transaction.atomic():
        if Lottery.objects.select_for_update().get(pk=lottery.pk).pool_frozen_at:
            raise _refuse(_("The pool is frozen: the quotas can no longer change."), "pool_frozen")
        lottery.quotas.all().delete()
        return Quota.objects.bulk_create(quotas)


def _pool(lottery: Lottery):
    quotas = read_quotas(queries.quotas_csv(lottery).splitlines())
    column = queries.HOUSEHOLD if lottery.households else None
    people = read_pool(queries.pool_csv(lottery).splitlines(), quotas, id_column=queries.POOL_ID, address_column=column)
    return people, quotas


def _engine_error(error: SortitionInputError) -> ValidationError:
    return _refuse(_("The draw cannot run on this pool: %(reason)s"), "pool_refused", reason=error)


def check_can_freeze(lottery: Lottery) -> None:
    """Refuse a freeze the lottery is not ready for (checked again under the row lock when it runs)."""
    if lottery.pool_frozen_at:
        raise _refuse(_("The pool is already frozen."), "pool_frozen")
    if not queries.registration_has_ended(lottery):
        raise _refuse(_("The pool can be frozen once the invitations can no longer be answered."), "too_early")
    if not lottery.quotas.exists():
        raise _refuse(_("Set the quotas first."), "no_quotas")


def check_can_draw(lottery: Lottery, seed: str) -> None:
    """Refuse a draw without a seed, before the freeze or after a draw (checked again under the row lock)."""
    if not seed.strip():
        raise _refuse(_("Enter the seed that was announced."), "seed")
    if not lottery.pool_frozen_at:
        raise _refuse(_("Freeze the pool before the draw."), "not_frozen")
    if lottery.drawn_at:
        raise _refuse(_("The panel has already been drawn; a draw is never repeated."), "drawn")


def freeze_pool(*, lottery: Lottery, manager, rng: random.Random | None = None) -> Lottery:
    """Give every volunteer a random pseudonym (and their household one) and fix the quotas, once the answers are in
    and a panel can meet the quotas; from then on the pool and quota files are public and nothing in them can change.
    Addresses are erased: the letters are out."""
    require_perm(manager, "panels.manage_lottery", lottery.process)
    rng = rng or secrets.SystemRandom()
    with transaction.atomic():
        lottery = Lottery.objects.select_for_update().get(pk=lottery.pk)
        check_can_freeze(lottery)
        volunteers = sorted(lottery.volunteers.select_related("invitation"), key=lambda v: v.pk)
        numbers = rng.sample(range(1, len(volunteers) + 1), len(volunteers))
        for volunteer, number in zip(volunteers, numbers, strict=True):
            volunteer.pseudonym = str(number)
        households: dict[str, str] = {}
        for volunteer in sorted(volunteers, key=lambda v: int(v.pseudonym)):
            volunteer.household = households.setdefault(
                household(volunteer.invitation.address), f"H{len(households) + 1}"
            )
        Volunteer.objects.bulk_update(volunteers, ["pseudonym", "household"], batch_size=2000)
        lottery.register.update(address="")  # the letters are out and households are pseudonyms: no address kept
        try:
            people, quotas = _pool(lottery)
            feasibility = check_feasibility(people, quotas, lottery.panel_size, households=lottery.households)
        except SortitionInputError as error:
            raise _engine_error(error) from None
        if not feasibility.feasible:
            raise _refuse(_("No panel meets these quotas: %(reason)s"), "infeasible", reason=feasibility.message)
        lottery.pool_frozen_at = clock.now()
        lottery.save(update_fields=["pool_frozen_at"])
    return lottery


def draw_lottery(*, lottery: Lottery, manager, seed: str) -> Lottery:
    """Draw the panel from the published files with the announced seed; the result is final and public at once.

    Each volunteer learns their probability; those not drawn form the reserve list, in the order of the seed.
    """
    require_perm(manager, "panels.manage_lottery", lottery.process)
    seed = seed.strip()
    with transaction.atomic():
        lottery = Lottery.objects.select_for_update().get(pk=lottery.pk)
        check_can_draw(lottery, seed)
        try:
            people, quotas = _pool(lottery)
            draw = draw_panel(people, quotas, lottery.panel_size, seed=seed, households=lottery.households)
        except SortitionInputError as error:
            raise _engine_error(error) from None
        outcome = draw.as_json()
        panel = set(outcome["panel"])
        volunteers = {v.pseudonym: v for v in lottery.volunteers.all()}
        reserve = {p: rank for rank, p in enumerate(reserve_order([p for p in volunteers if p not in panel], seed), 1)}
        for pseudonym, volunteer in volunteers.items():
            volunteer.probability = outcome["probabilities"][pseudonym]
            volunteer.selected = pseudonym in panel
            volunteer.reserve_rank = reserve.get(pseudonym)
        Volunteer.objects.bulk_update(volunteers.values(), ["probability", "selected", "reserve_rank"], batch_size=2000)
        lottery.seed, lottery.outcome, lottery.drawn_at = seed, outcome, clock.now()
        lottery.save(update_fields=["seed", "outcome", "drawn_at"])
        council = getattr(lottery, "council", None)
        if council is not None:
            since = max(council.term_start, clock.today())
            Seat.objects.bulk_create(
                Seat(council=council, volunteer=volunteers[p], since=since) for p in sorted(panel, key=int)
            )
        notifications.announce_draw(lottery)
    return lottery
