"""Write each dataset as CSV files in a ZIP and as one JSON file to the media storage, under opendata/, with a
manifest that the page and the DCAT-AP catalogue read. Run by the task worker or the opendata_build command: never
in a web request. The files' bytes depend on the data only, so a build without changes leaves them (and their
dates) as they were."""

import csv
import hashlib
import io
import json
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from samen.opendata.datasets import Dataset, all_datasets

FOLDER = "opendata"
MANIFEST = f"{FOLDER}/manifest.json"
ZIP_DATE = (2026, 1, 1, 0, 0, 0)  # a fixed date inside the ZIP: the same data give the same bytes


def licence() -> str:
    return settings.SAMEN_OPEN_DATA_LICENCE


def _csv_bytes(table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows(["" if cell is None else cell for cell in row] for row in table.rows)
    return out.getvalue().encode("utf-8")


def _zip_bytes(dataset: Dataset) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in dataset.tables:
            info = zipfile.ZipInfo(f"{table.name}.csv", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, _csv_bytes(table))
    return out.getvalue()


def _json_bytes(dataset: Dataset) -> bytes:
    document = {
        "dataset": dataset.slug,
        "licence": licence(),
        "tables": {
            table.name: [dict(zip(table.columns, row, strict=True)) for row in table.rows] for table in dataset.tables
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _documents(dataset: Dataset) -> list[tuple]:
    """A dataset's documents published as they are (a recount tool's input), each in its own JSON file."""
    return [
        (name, "json", "JSON", "application/json", json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))
        for name, document in dataset.documents.items()
    ]


def file_url(file: dict) -> str:
    """Where a download is: a media path on this site, or the object storage's own address."""
    return default_storage.url(file["path"])


def read_manifest() -> dict | None:
    if not default_storage.exists(MANIFEST):
        return None
    with default_storage.open(MANIFEST, "rb") as handle:
        return json.loads(handle.read())


def _write(path: str, content: bytes) -> None:
    """Replace the file: the storage would otherwise save a second one under another name."""
    if default_storage.exists(path):
        default_storage.delete(path)
    saved = default_storage.save(path, ContentFile(content))
    if saved != path:  # a storage that renames would break every link to the file
        raise RuntimeError(f"The storage saved {path} as {saved}.")


def build() -> dict:
    """Rebuild every dataset's files and the manifest; return the manifest."""
    before = read_manifest() or {}
    known = {f["path"]: f for d in before.get("datasets", []) for f in d["files"]}
    now = timezone.now().isoformat(timespec="seconds")
    datasets = []
    for dataset in all_datasets():
        files = []
        for name, extension, fmt, media_type, content in (
            ("", "zip", "CSV", "application/zip", _zip_bytes(dataset)),
            ("", "json", "JSON", "application/json", _json_bytes(dataset)),
            *_documents(dataset),
        ):
            path = f"{FOLDER}/{dataset.slug}{'-' + name if name else ''}.{extension}"
            sha256 = hashlib.sha256(content).hexdigest()
            previous = known.get(path)
            unchanged = previous and previous["sha256"] == sha256 and default_storage.exists(path)
            if not unchanged:
                _write(path, content)
            files.append(
                ({"name": name} if name else {})
                | {
                    "path": path,
                    "format": fmt,
                    "media_type": media_type,
                    "size": len(content),
                    "sha256": sha256,
                    "modified": previous["modified"] if unchanged else now,
                }
            )
        datasets.append(
            {
                "slug": dataset.slug,
                "title": dataset.title,
                "description": dataset.description,
                "licence": licence(),
                "tables": [table.name for table in dataset.tables],
                "files": files,
                "modified": max(f["modified"] for f in files),
            }
        )
    manifest = {"licence": licence(), "datasets": datasets}
    if manifest != {k: before.get(k) for k in manifest}:
        _write(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
    kept = {f["path"] for d in datasets for f in d["files"]}
    for path in set(known) - kept:  # a dataset gone (a consultation whose process went back to draft): its files too
        if default_storage.exists(path):
            default_storage.delete(path)
    return manifest
