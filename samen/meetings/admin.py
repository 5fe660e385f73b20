from django.contrib import admin
from django.db import models
from translated_fields import TranslatedFieldAdmin

from samen.meetings import services
from samen.meetings.models import Meeting, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    fields = ("person", "status", "position", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Meeting)
class MeetingAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    """The same writes as the managers' pages on the site (`manage_views.py`), through the same service."""

    list_display = ("title", "starts_at", "process", "council", "capacity", "cancelled")
    list_filter = ("cancelled",)
    search_fields = ("title_nl", "title_fr", "title_en")
    readonly_fields = ("uid", "sequence")
    inlines = [RegistrationInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # "meet.example.org/x" means https

    def save_model(self, request, obj, form, change):
        services.save_meeting(meeting=obj, by=request.user, fields=form.changed_data if change else None)
