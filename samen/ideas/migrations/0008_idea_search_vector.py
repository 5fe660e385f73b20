import django.contrib.postgres.search
from django.db import migrations

# The same text configuration per language as the search query (samen/ideas/queries.py, SEARCH_CONFIGS), and the
# same document it computed for every row at every search: the title weighted A, the text B, accents removed.
CREATE = """
CREATE FUNCTION ideas_idea_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    config regconfig := CASE NEW.language WHEN 'nl' THEN 'dutch'::regconfig WHEN 'fr' THEN 'french'::regconfig
                        ELSE 'english'::regconfig END;
BEGIN
    NEW.search_vector := setweight(to_tsvector(config, COALESCE(unaccent(NEW.title), '')), 'A')
                      || setweight(to_tsvector(config, COALESCE(unaccent(NEW.body), '')), 'B');
    RETURN NEW;
END
$$;
CREATE TRIGGER ideas_idea_search_vector BEFORE INSERT OR UPDATE OF title, body, language, search_vector
    ON ideas_idea FOR EACH ROW EXECUTE FUNCTION ideas_idea_search_vector();
UPDATE ideas_idea SET search_vector = NULL;
CREATE INDEX ideas_idea_search_vector_gin ON ideas_idea USING gin (search_vector);
"""

DROP = """
DROP INDEX ideas_idea_search_vector_gin;
DROP TRIGGER ideas_idea_search_vector ON ideas_idea;
DROP FUNCTION ideas_idea_search_vector();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    """A stored, GIN-indexed search vector per idea, kept current by a trigger (so bulk loads and the admin keep it
    too) and computed for the existing ideas here; SQLite searches its own way and leaves the column empty."""

    dependencies = [
        ("ideas", "0007_moderation_log_records_edits"),
    ]

    operations = [
        migrations.AddField(
            model_name="idea",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False),
    ]
