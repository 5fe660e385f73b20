from django.contrib import admin
from translated_fields import TranslatedFieldAdmin

from samen.city.models import (
    Domain,
    Indicator,
    IndicatorValue,
    Objective,
    PopulationCount,
    PopulationTable,
    Project,
    ProjectUpdate,
)


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "foundation", "position"]
    list_editable = ["position"]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["__str__", "domain", "position"]
    list_filter = ["domain"]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    fields = ["date", "value", "note"]
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """Values computed by the platform are stored by the `compute_indicators` command, not typed here."""

    list_display = ["__str__", "domain", "kind", "unit", "direction", "target_value", "target_date"]
    list_filter = ["domain", "kind"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [IndicatorValueInline]


class PopulationCountInline(admin.TabularInline):
    model = PopulationCount
    extra = 0


@admin.register(PopulationTable)
class PopulationTableAdmin(admin.ModelAdmin):
    list_display = ["title", "reference_date", "invented", "licence"]
    inlines = [PopulationCountInline]


class ProjectUpdateInline(admin.TabularInline):
    """Posted from the project's page, where followers are mailed; here they can be read, or removed if mistaken."""

    model = ProjectUpdate
    fields = ["published_at", "status", "text_fr", "text_nl", "link", "invented"]
    readonly_fields = fields
    extra = 0
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Project)
class ProjectAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    """A project's facts; its status moves with the updates posted on its page (which mail the followers)."""

    list_display = ["__str__", "domain", "status", "department", "invented"]
    list_filter = ["domain", "status", "invented"]
    search_fields = ["title_nl", "title_fr", "title_en", "department"]
    raw_id_fields = ["process", "idea", "proposal", "initiative"]
    filter_horizontal = ["indicators"]
    prepopulated_fields = {"slug": ["title_fr"]}
    inlines = [ProjectUpdateInline]
