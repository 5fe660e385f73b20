from django.contrib import admin

from samen.ideas.models import Comment, Idea


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "theme", "author", "language", "created_at"]
    list_filter = ["process", "language"]
    search_fields = ["title", "body"]
    raw_id_fields = ["author"]

    def has_change_permission(self, request, obj=None):
        """Edits go through the site, where the moderation log records a moderator's edit of someone's words."""
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "idea", "author", "created_at"]
    raw_id_fields = ["author", "idea", "parent"]

    def has_change_permission(self, request, obj=None):
        """Edits go through the site, where the moderation log records a moderator's edit of someone's words."""
        return False

    def save_model(self, request, obj, form, change):
        obj.set_body(obj.body)  # the page shows the HTML stored with the body
        super().save_model(request, obj, form, change)
