"""Supports count people, not accounts: each support of a verified account gets the person's pseudonym in the idea's
supports, and where one person supported an idea from two accounts only their first support stays. Supports of
accounts never verified keep no key (nothing tells whose they are)."""

import hashlib
import hmac

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def pseudonym(digest: str, vote: str) -> str:
    """accounts.verification.vote_pseudonym as it was when this migration was written, frozen here."""
    message = f"{vote}|{digest}".encode()
    return hmac.new(settings.SAMEN_VERIFICATION_KEY.encode(), message, hashlib.sha256).hexdigest()


def give_keys(apps, schema_editor):
    Support = apps.get_model("ideas", "Support")
    rows = (
        Support.objects.filter(supporter_key__isnull=True, resident__verification__isnull=False)
        .order_by("pk")
        .values_list("pk", "idea_id", "resident__verification__digest")
    )
    seen, keyed, twice = set(), [], []
    for pk, idea_id, digest in rows.iterator():
        key = pseudonym(digest, f"support:{idea_id}")
        if (idea_id, key) in seen:
            twice.append(pk)
        else:
            seen.add((idea_id, key))
            keyed.append(Support(pk=pk, supporter_key=key))
    Support.objects.filter(pk__in=twice).delete()
    Support.objects.bulk_update(keyed, ["supporter_key"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('assisted', '0001_consent'),
        ('ideas', '0011_ideas_and_comments_dated_by_the_brussels_clock'),
        ('accounts', '0002_resident_verification'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='support',
            name='consent',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='support', to='assisted.consent'),
        ),
        migrations.AddField(
            model_name='support',
            name='entered_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='support',
            name='supporter_key',
            field=models.CharField(blank=True, editable=False, max_length=64, null=True),
        ),
        migrations.AlterField(
            model_name='support',
            name='resident',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='supports', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(give_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='support',
            constraint=models.UniqueConstraint(condition=models.Q(('supporter_key__isnull', False)), fields=('idea', 'supporter_key'), name='support_one_per_person'),
        ),
    ]
