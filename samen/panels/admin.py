from django.contrib import admin

from samen.panels.models import Council, Lottery, Nomination

# Announced on the manage page, where the service records when; never changed afterwards, here or anywhere.
INVITATION_SEED = [
    "invitation_seed_announcement_nl",
    "invitation_seed_announcement_fr",
    "invitation_seed_announcement_en",
    "invitation_seed_known_on",
    "invitation_seed_announced_at",
    "invitation_seed",
]


@admin.register(Lottery)
class LotteryAdmin(admin.ModelAdmin):
    """The lottery's rules; everything after (register, invitations, quotas, draw) happens on its manage page."""

    list_display = ["process", "panel_size", "invitations", "drawn_at"]
    fields = [
        "process",
        "panel_size",
        "invitations",
        "stratify_invitations",
        "households",
        "seed_announcement_nl",
        "seed_announcement_fr",
        "seed_announcement_en",
        *INVITATION_SEED,
    ]

    def get_readonly_fields(self, request, obj=None):
        # Once invited, residents have read these rules in their letter: they no longer change.
        return self.fields if obj is not None and obj.invitations_drawn_at else INVITATION_SEED


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "drawn_seats", "delegate_seats", "term_start", "term_end"]
    prepopulated_fields = {"slug": ["name_fr"]}


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["delegate_name", "association", "council", "status"]
    list_filter = ["status", "council"]
