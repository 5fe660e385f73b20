"""What every API answer shares: a per-client rate limit (429 with Retry-After), CORS open for reading, an ETag
(and a Last-Modified where the view names one) with conditional GET (304), and public caching for a minute."""

import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import gettext as _

from samen.common.http import client_ip

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600, "hour": 3600, "d": 86400}
MAX_AGE = 60
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/minute" -> (120, 60): requests allowed per period in seconds."""
    count, _slash, period = rate.partition("/")
    return int(count), PERIODS[period.strip().lower()]


def over_limit(request) -> int:
    """0 while the client may go on, else the seconds until its window ends. A fixed window counted in the default
    cache (atomic add and incr on Redis and in local memory alike)."""
    allowed, period = parse_rate(settings.SAMEN_API_RATE)
    now = time.time()
    window = int(now // period)
    key = f"api-rate:{client_ip(request)}:{window}"
    try:
        cache.add(key, 0, timeout=period + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=period + 1)
            used = 1
    except Exception:  # the shared cache is down: serve the public data rather than fail
        logger.warning("API rate limit not counted: the cache does not answer", exc_info=True)
        return 0
    if used <= allowed:
        return 0
    return max(1, int((window + 1) * period - now + 0.999))


def cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    return response


def nul_character(request) -> JsonResponse | None:
    """A NUL character (%00) in the address or a parameter: PostgreSQL refuses it in any text it compares, so no
    object can be named with it; answered before a query would fail with a 500."""
    if "\x00" in request.path:
        return JsonResponse({"detail": _("There is nothing at this address of the API.")}, status=404)
    if any("\x00" in text for name, values in request.GET.lists() for text in (name, *values)):
        return JsonResponse({"detail": _("A parameter contains a NUL character.")}, status=422)
    return None


def public_api(view):
    """Wrap one of the API's views (django-ninja's) with the shared behaviour above."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":  # a CORS preflight: reading is open to every origin, without credentials
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since, Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = ALLOWED_METHODS
            return cors(response)
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"detail": _("This API only reads: use GET.")}, status=405)
            response["Allow"] = ALLOWED_METHODS
            return cors(response)
        if retry_after := over_limit(request):
            response = JsonResponse({"detail": _("Too many requests: please wait and try again.")}, status=429)
            response["Retry-After"] = str(retry_after)
            return cors(response)
        if refused := nul_character(request):
            return cors(refused)
        head = request.method == "HEAD"
        if head:  # the GET's headers without its body
            request.method = "GET"
        response = view(request, *args, **kwargs)
        if head:
            request.method = "HEAD"
        cors(response)
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            set_response_etag(response)
            modified = getattr(request, "api_last_modified", None)  # named by the view: shared.last_modified
            stamp = int(modified.timestamp()) if modified else None
            if stamp is not None:
                response["Last-Modified"] = http_date(stamp)
            response = cors(
                get_conditional_response(request, etag=response.get("ETag"), last_modified=stamp, response=response)
            )
        if head:
            response.content = b""
        return response

    return wrapped


@public_api
def not_found(request, rest=""):
    """Any other address under /api/v1/: a JSON 404, as a client of the API expects."""
    return JsonResponse({"detail": _("There is nothing at this address of the API.")}, status=404)
