"""One support per person, not per account: supports keep the person's pseudonym for the argument. Supports given
before get one when their account is verified now (a verified account is one person: its digest is unique; should
two rows still meet on one key, the first given stays and the later goes), so that a person who supported from one
account cannot support again from another. A support of an account never verified keeps none."""

import hashlib
import hmac

from django.conf import settings
from django.db import migrations, models


def pseudonym(digest: str, vote: str) -> str:
    """accounts.verification.vote_pseudonym as it was when this migration was written, frozen here."""
    message = f"{vote}|{digest}".encode()
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), message, hashlib.sha256).hexdigest()


def give_keys(apps, schema_editor):
    Support = apps.get_model("debates", "ArgumentSupport")
    rows = (
        Support.objects.filter(supporter_key__isnull=True, resident__verification__isnull=False)
        .order_by("created_at", "pk")
        .values_list("pk", "argument_id", "resident__verification__digest")
    )
    seen, keyed, extra = set(), [], []
    for pk, argument_id, digest in rows:
        key = pseudonym(digest, f"argument:{argument_id}")
        if (argument_id, key) in seen:
            extra.append(pk)
            continue
        seen.add((argument_id, key))
        keyed.append(Support(pk=pk, supporter_key=key))
    Support.objects.filter(pk__in=extra).delete()
    Support.objects.bulk_update(keyed, ["supporter_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("debates", "0001_debates_arguments_supports_comments"),
        ("accounts", "0002_resident_verification"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="argumentsupport",
            name="supporter_key",
            field=models.CharField(blank=True, editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(give_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="argumentsupport",
            constraint=models.UniqueConstraint(
                condition=models.Q(("supporter_key__isnull", False)),
                fields=("argument", "supporter_key"),
                name="argument_support_one_per_person",
            ),
        ),
    ]
