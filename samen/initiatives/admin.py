from django.contrib import admin

from samen.initiatives.models import Initiative, InitiativeKind


@admin.register(InitiativeKind)
class InitiativeKindAdmin(admin.ModelAdmin):
    """The rules of a right of initiative. They apply to every open initiative of the kind (threshold at closing,
    council months for the deadline): change them between initiatives, as the charter changes."""

    list_display = ["name", "municipality_nis", "threshold", "committee_size", "collection_months", "council_months"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    """Read-only: every step has its page and its service (the text, the check, signatures, the council)."""

    list_display = ["__str__", "kind", "status", "collection_ends", "transmitted_on", "decided_on"]
    list_filter = ["status", "kind"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
