from django.conf import settings

from samen.common import branding


def site(request):
    return {
        "map_tiles": settings.MAP_TILE_URL,
        "map_attribution": settings.MAP_TILE_ATTRIBUTION,
        "branding": branding.current(),
    }
