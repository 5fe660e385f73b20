"""The GDPR side of an account, gathered from the apps that hold it: each app owns its personal data.

Every app that stores rows about a person has a `privacy.py` (found the way `rules.py` is) with:

- `COVERS`: the models whose rows name a person (a foreign key to the account, or a hash of the person) that the
  app's `export` reports; a test fails when a model with such a link is covered by no app;
- `export(user) -> dict`: the app's sections of the data export, plain JSON-ready data;
- optionally `files(user)`: (name in the ZIP, stored file) pairs of what the person uploaded;
- optionally `erase(user)`: what the app must blank before the account row goes (database cascades and SET NULL
  do the rest), inside the same transaction as the deletion.

The hub knows no app: it asks each in the order of INSTALLED_APPS."""

import io
import json
import zipfile
from collections.abc import Iterable
from types import ModuleType

from django.utils import timezone

from samen.common.discovery import app_submodules


def when(value) -> str | None:
    """Dates and instants in the export as ISO 8601 text."""
    return value.isoformat() if value else None


def app_modules() -> tuple[ModuleType, ...]:
    return app_submodules("privacy")


def covered_models() -> set[type]:
    return {model for module in app_modules() for model in getattr(module, "COVERS", ())}


def personal_data(user) -> dict:
    """Every row that names `user`, as plain JSON-ready data, section by section (images listed by their file)."""
    data: dict = {"exported_at": timezone.now().isoformat()}
    for module in app_modules():
        sections = module.export(user)
        clash = data.keys() & sections.keys()
        if clash:
            raise RuntimeError(f"{module.__name__} exports sections another app already exports: {sorted(clash)}")
        data.update(sections)
    return data


def uploaded_files(user) -> Iterable[tuple[str, object]]:
    for module in app_modules():
        if hasattr(module, "files"):
            yield from module.files(user)


def export_zip(user) -> bytes:
    """A ZIP with `samen-data.json` and the files the person uploaded, as they are stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("samen-data.json", json.dumps(personal_data(user), ensure_ascii=False, indent=2))
        for name, stored in uploaded_files(user):
            with stored.open("rb") as content:
                archive.writestr(name, content.read())
    return buffer.getvalue()


def erase_everywhere(user) -> None:
    """Each app blanks what must not outlive the account; call inside the transaction that deletes it."""
    for module in app_modules():
        if hasattr(module, "erase"):
            module.erase(user)
