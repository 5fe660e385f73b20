"""Uploaded files leave the storage (folder or bucket) with the row or the field that held them."""

from django.db import models, transaction
from django.db.models.signals import post_delete, pre_save


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


def delete_replaced_files(model: type[models.Model], field_name: str) -> None:
    """Connect `model`'s saves to the deletion of the `field_name` file a save replaces or clears (the admin's
    upload of a new picture, its "clear" box), once the save commits. Only for rows edited as a whole, such as a
    process in the admin: the save reads the stored name first, one query."""

    def delete_previous_file(sender, instance, raw=False, **kwargs):
        if raw or instance.pk is None:
            return
        stored = sender._default_manager.filter(pk=instance.pk).values_list(field_name, flat=True).first()
        if stored and stored != getattr(instance, field_name).name:
            storage = sender._meta.get_field(field_name).storage
            transaction.on_commit(lambda: storage.delete(stored))

    pre_save.connect(
        delete_previous_file, sender=model, weak=False, dispatch_uid=f"media-replaced:{model._meta.label}.{field_name}"
    )
