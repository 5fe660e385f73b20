from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from samen.accounts import views as account_views
from samen.accounts.second_factor import admin_login
from samen.common import pwa
from samen.common import views as common_views
from samen.opendata.urls import catalogue_urlpatterns

urlpatterns = [
    path("healthz", common_views.health, name="health"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("branding/<int:version>.css", common_views.branding_stylesheet, name="branding_stylesheet"),
    path("admin/login/", admin_login),  # before the admin's own: sign in through allauth, with the second factor
    path("admin/", admin.site.urls),
    path("api/v1/", include(("samen.api.urls", "api-v1"), namespace="api-v1")),  # language-neutral (issue 17)
    *catalogue_urlpatterns,
    *i18n_patterns(
        # Inside the language prefix, so that the switcher knows which language the current page is in.
        path("i18n/", include("django.conf.urls.i18n")),
        path("", include("samen.processes.urls")),
        path("", include("samen.ideas.urls")),
        path("", include("samen.votes.urls")),
        path("", include("samen.budgets.urls")),
        path("", include("samen.panels.urls")),
        path("", include("samen.initiatives.urls")),
        path("", include("samen.consultations.urls")),
        path("", include("samen.debates.urls")),
        path("", include("samen.city.urls")),
        path("", include("samen.meetings.urls")),
        path("", include("samen.opendata.urls")),
        path("", include("samen.assisted.urls")),
        path("moderation/", include("samen.ideas.moderation_urls")),
        path("", include("samen.notifications.urls")),
        path("account/profile/", account_views.profile, name="profile"),
        path("account/participation/", account_views.participation_page, name="my_participation"),
        path("account/data/", account_views.data, name="account_data"),
        path("account/data/export/", account_views.export, name="account_export"),
        path("account/data/delete/", account_views.delete, name="account_delete"),
        path("account/verify/", account_views.verify, name="verify"),
        path("account/verify/letter/", account_views.verify_letter, name="verify_letter"),
        path("account/verify/code/", account_views.verify_code, name="verify_code"),
        path("account/verify/document/", account_views.verify_document, name="verify_document"),
        path("account/letters/", account_views.letter_batch, name="letters"),
        path("account/verify/eid/", account_views.eid_start, name="eid_start"),
        path("account/verify/eid/callback/", account_views.eid_callback, name="eid_callback"),
        path("account/census/", account_views.census, name="census"),
        path("privacy/", account_views.privacy_notice, name="privacy"),
        path("offline/", pwa.offline, name="offline"),
        path("account/", include("allauth.urls")),
    ),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
