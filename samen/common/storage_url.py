"""`MEDIA_STORAGE_URL`: where uploaded media live, as one URL (the local folder unless it says `s3://`)."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ImproperlyConfigured

_S3_PARAMETERS = {"endpoint_url", "region_name", "addressing_style", "custom_domain", "querystring_expire"}


@dataclass(frozen=True)
class MediaStorage:
    backend: dict  # an entry of settings.STORAGES
    origin: str | None  # where the browser fetches the media from, for the Content-Security-Policy's img-src


def media_storage(url: str, *, access_key: str = "", secret_key: str = "") -> MediaStorage:
    """Parse `s3://bucket/prefix?endpoint_url=…` (or an empty URL: the local `MEDIA_ROOT`).

    Objects are written without an ACL, so they stay as private as the bucket: browsers get a signed URL that
    expires, unless `custom_domain` names a public host (a CDN or a bucket policy that serves the images)."""
    if not url or url.startswith("file:"):
        return MediaStorage({"BACKEND": "django.core.files.storage.FileSystemStorage"}, None)
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_URL must be empty or s3://bucket/prefix?endpoint_url=…, not {url!r}")
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = sorted(set(query) - _S3_PARAMETERS)
    if unknown:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_URL: unknown parameter(s) {', '.join(unknown)}")
    endpoint = query.get("endpoint_url", "")
    if not endpoint.startswith(("https://", "http://")):
        raise ImproperlyConfigured("MEDIA_STORAGE_URL needs endpoint_url=https://… (the object store's address)")
    style = query.get("addressing_style", "path")
    if style not in {"path", "virtual"}:
        raise ImproperlyConfigured("MEDIA_STORAGE_URL: addressing_style is path or virtual")
    try:
        expire = int(query.get("querystring_expire", "3600"))
    except ValueError:
        raise ImproperlyConfigured("MEDIA_STORAGE_URL: querystring_expire is a number of seconds") from None
    from botocore.config import Config  # only when media go to a bucket

    bucket, custom_domain = parts.netloc, query.get("custom_domain", "")
    options = {
        "bucket_name": bucket,
        "location": parts.path.strip("/"),
        "endpoint_url": endpoint,
        "region_name": query.get("region_name") or None,
        # A store that does not answer fails the upload within 2 x (3 + 10) s, inside gunicorn's --timeout 30.
        "client_config": Config(
            s3={"addressing_style": style},
            signature_version="s3v4",
            connect_timeout=3,
            read_timeout=10,
            retries={"mode": "standard", "max_attempts": 2},
        ),
        "default_acl": None,  # never public-read: the bucket's own (private) policy applies
        "object_parameters": {"CacheControl": "max-age=86400"},
        "file_overwrite": False,
        "querystring_auth": not custom_domain,
        "querystring_expire": expire,
        "custom_domain": custom_domain or None,
    }
    if access_key:
        options |= {"access_key": access_key, "secret_key": secret_key}
    endpoint_parts = urlsplit(endpoint)
    if custom_domain:
        origin = f"https://{custom_domain}"
    elif style == "virtual":
        origin = f"{endpoint_parts.scheme}://{bucket}.{endpoint_parts.netloc}"
    else:
        origin = f"{endpoint_parts.scheme}://{endpoint_parts.netloc}"
    return MediaStorage({"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}, origin)
