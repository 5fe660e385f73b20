from django.contrib import admin

from samen.city.models import Domain, Indicator, IndicatorValue, Objective, PopulationCount, PopulationTable


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
