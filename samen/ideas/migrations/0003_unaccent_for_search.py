from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL's unaccent (a trusted extension since PostgreSQL 13) for accent-blind search; no-op on SQLite."""

    dependencies = [("ideas", "0002_theme_in_use_is_restricted")]

    operations = [UnaccentExtension()]
