from datetime import datetime

from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import condition, require_safe

from samen.opendata import catalogue
from samen.opendata.build import MANIFEST, file_url, read_manifest


@require_safe
def index(request):
    """The public list of downloads, as the last build left them (the page never builds)."""
    manifest = read_manifest() or {"datasets": [], "licence": ""}
    language = request.LANGUAGE_CODE if request.LANGUAGE_CODE in catalogue.LANGUAGES else "en"
    datasets = [
        {
            **entry,
            "display_title": entry["title"].get(language) or entry["title"]["en"],
            "display_description": entry["description"].get(language) or entry["description"]["en"],
            "files": [
                {**file, "modified_at": datetime.fromisoformat(file["modified"]), "url": file_url(file)}
                for file in entry["files"]
            ],
        }
        for entry in manifest["datasets"]
    ]
    return render(request, "opendata/index.html", {"datasets": datasets, "licence": manifest["licence"]})


def last_built(request):
    """The catalogue changes only with the manifest: a harvester asking again gets 304 Not Modified until then."""
    try:
        return default_storage.get_modified_time(MANIFEST)
    except (FileNotFoundError, NotImplementedError):
        return None


@require_safe
@condition(last_modified_func=last_built)
def catalog_turtle(request):
    return HttpResponse(catalogue.graph().serialize(format="turtle"), content_type="text/turtle; charset=utf-8")


@require_safe
@condition(last_modified_func=last_built)
def catalog_jsonld(request):
    return HttpResponse(
        catalogue.graph().serialize(format="json-ld", indent=1), content_type="application/ld+json; charset=utf-8"
    )
