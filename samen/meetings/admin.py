from django.contrib import admin

from samen.meetings import services
from samen.meetings.models import Meeting, Registration


class RegistrationInline(admin.TabularInline):
    model = Registration
    fields = ("person", "status", "position", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    """Process managers create and edit meetings here (this first slice has no form of its own on the site)."""

    list_display = ("title", "starts_at", "process", "council", "capacity", "cancelled")
    list_filter = ("cancelled",)
    search_fields = ("title_nl", "title_fr", "title_en")
    readonly_fields = ("uid", "sequence")
    inlines = [RegistrationInline]

    def save_model(self, request, obj, form, change):
        services.save_meeting(meeting=obj, by=request.user)
