"""Ballots cast before ballots kept the person's pseudonym: give one to each ballot whose account is verified now, so
that a person who already voted in a running vote cannot vote again from another account. A ballot of a deleted
account, or of an account whose verification moved away, has no known person and keeps none."""

import hashlib
import hmac

from django.conf import settings
from django.db import migrations


def pseudonym(digest: str, vote: str) -> str:
    """accounts.verification.vote_pseudonym as it was when this migration was written, frozen here."""
    message = f"{vote}|{digest}".encode()
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), message, hashlib.sha256).hexdigest()


def give_keys(apps, schema_editor):
    Ballot = apps.get_model("budgets", "BudgetBallot")
    rows = Ballot.objects.filter(voter_key__isnull=True, voter__verification__isnull=False).values_list(
        "pk", "budget_id", "voter__verification__digest"
    )
    keyed = [Ballot(pk=pk, voter_key=pseudonym(digest, f"budget:{vote_id}")) for pk, vote_id, digest in rows]
    Ballot.objects.bulk_update(keyed, ["voter_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0004_budget_ballot_once_per_person"),
        ("accounts", "0002_resident_verification"),
    ]

    operations = [migrations.RunPython(give_keys, migrations.RunPython.noop)]
