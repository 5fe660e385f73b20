from django.contrib import admin
from translated_fields import TranslatedFieldAdmin

from samen.debates.models import Argument, Debate, DebateComment


class ArgumentInline(admin.TabularInline):
    model = Argument
    fields = ("side", "text", "author", "visibility", "created_at")
    readonly_fields = ("author", "created_at")
    extra = 0


@admin.register(Debate)
class DebateAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    """A look at the debates and their arguments; managers put, edit and close debates on the site's own pages."""

    list_display = ("question", "process", "opened_at", "closed_at")
    search_fields = ("question_nl", "question_fr", "question_en")
    readonly_fields = ("created_by", "closed_at")
    inlines = [ArgumentInline]


@admin.register(DebateComment)
class DebateCommentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "debate", "author", "visibility", "created_at")
    list_filter = ("visibility",)
    readonly_fields = ("author",)
