from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedFieldAdmin

from samen.votes import queries
from samen.votes.models import Criterion, JuryMember, Shortlist

# Announced before the vote opens; after that nobody may change them, an administrator included.
ANNOUNCED_RULES = ["size", "winners", "max_choices", "hide_running_counts", "tie_break", "lottery_seed"]


class CriterionInline(TranslatedFieldAdmin, admin.TabularInline):
    model = Criterion
    extra = 1


class JuryMemberInline(admin.TabularInline):
    model = JuryMember
    extra = 1
    autocomplete_fields = ["member"]


@admin.register(Shortlist)
class ShortlistAdmin(admin.ModelAdmin):
    list_display = ["__str__", "winners", "max_choices", "tie_break", "published_at"]
    inlines = [CriterionInline, JuryMemberInline]
    fieldsets = [
        (None, {"fields": ["process"]}),
        (_("The vote, announced before it opens"), {"fields": ANNOUNCED_RULES}),
    ]
    readonly_fields = ["published_at"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("process")
            if queries.vote_has_opened(obj) or obj.is_published:
                fields += ANNOUNCED_RULES
        return fields
