"""Seal the authenticator secrets stored in the clear before issue 13's follow-up (TOTP keys, recovery seeds)."""

from django.db import migrations

from samen.accounts.second_factor import open_secret, seal_secret


def _convert(apps, schema_editor, convert):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all():
        data = dict(authenticator.data)
        for key in ("secret", "seed"):
            if isinstance(data.get(key), str):
                data[key] = convert(data[key])
        if isinstance(data.get("migrated_codes"), list):
            data["migrated_codes"] = [convert(code) for code in data["migrated_codes"]]
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def seal(apps, schema_editor):
    _convert(apps, schema_editor, seal_secret)


def unseal(apps, schema_editor):
    _convert(apps, schema_editor, open_secret)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_verification_letters_and_attempts"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(seal, unseal)]
