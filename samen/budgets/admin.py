from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedFieldAdmin

from samen.budgets import queries
from samen.budgets.models import Budget, Proposal

# Fixed and shown before the ballot opens; after that nobody may change them.
ANNOUNCED_RULES = ["amount", "ballot_kind", "max_projects", "rule", "tie_break", "lottery_seed"]


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ["__str__", "amount", "ballot_kind", "rule", "tie_break"]
    fieldsets = [(None, {"fields": ["process"]}), (_("Announced before the ballot opens"), {"fields": ANNOUNCED_RULES})]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["process", *ANNOUNCED_RULES] if queries.ballot_has_opened(obj) else ["process"]


@admin.register(Proposal)
class ProposalAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    """Read-only here: proposals are written by residents and reviewed on the site, where each step is checked."""

    list_display = ["__str__", "budget", "estimated_cost", "cost", "status"]
    list_filter = ["status", "budget"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ProgressUpdateAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    """Posted on the follow-up page, where the author is mailed; here they can be read, or removed if mistaken."""

    list_display = ["__str__", "status", "published_at"]
    list_filter = ["status", "proposal__budget"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
