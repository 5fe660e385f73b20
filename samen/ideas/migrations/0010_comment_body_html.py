from django.db import migrations, models

from samen.common.markdown import render_markdown


def render_every_comment(apps, schema_editor):
    """What the page rendered at every view, rendered once for the comments written before this column."""
    Comment = apps.get_model("ideas", "Comment")
    batch = []
    for comment in Comment.objects.only("pk", "body").iterator(chunk_size=1000):
        comment.body_html = render_markdown(comment.body)
        batch.append(comment)
        if len(batch) == 1000:
            Comment.objects.bulk_update(batch, ["body_html"])
            batch = []
    Comment.objects.bulk_update(batch, ["body_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0009_comment_thread_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="body_html",
            field=models.TextField(blank=True, editable=False),
        ),
        # Backwards, the column goes away with what it held.
        migrations.RunPython(render_every_comment, migrations.RunPython.noop, elidable=True),
    ]
