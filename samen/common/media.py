"""Uploaded files leave the storage (folder or bucket) with the row or the field that held them."""

from django.db import models, transaction
from django.db.models.signals import post_delete


def delete_file_after_commit(file) -> None:
    """Delete a stored file once the transaction that let go of it commits; a rollback keeps it for the row."""
    if file and file.name:
        name, storage = file.name, file.storage
        transaction.on_commit(lambda: storage.delete(name))


def delete_files_with_rows(model: type[models.Model], field_name: str) -> None:
    """Connect `model`'s deletions (a service, the admin, a cascade) to the deletion of its `field_name` file."""

    def delete_file(sender, instance, **kwargs):
        delete_file_after_commit(getattr(instance, field_name))

    post_delete.connect(delete_file, sender=model, weak=False, dispatch_uid=f"media:{model._meta.label}.{field_name}")
