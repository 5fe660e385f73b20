from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from samen.accounts import second_factor, services, verification
from samen.accounts.models import CensusList, User, VerificationAttempt, VerificationLetter, VerificationTransfer


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "is_active", "date_joined"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "neighbourhood_code", "preferred_language"]}),
        (_("Role"), {"fields": ["role", "is_active"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["reset_second_factor"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.assign_role(user=obj, role=obj.role)

    @admin.action(description=_("Reset the second factor (lost phone): set up a new app at the next sign-in"))
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor.reset_second_factor(user=user)
        self.message_user(request, _("Done. They set up a new authenticator app at their next sign-in."))


@admin.register(VerificationTransfer)
class VerificationTransferAdmin(admin.ModelAdmin):
    """Requests to move a person's verification to another account: the list is the log."""

    list_display = ["requested_at", "from_user", "to_user", "status", "decided_by", "decided_at"]
    list_filter = ["status"]
    readonly_fields = [
        "digest",
        "method",
        "from_user",
        "to_user",
        "municipality_nis",
        "born_on",
        "status",
        "requested_at",
        "decided_by",
        "decided_at",
    ]
    fields = [*readonly_fields, "note"]
    actions = ["approve", "refuse"]

    def has_add_permission(self, request):
        return False

    def _decide(self, request, queryset, approve: bool):
        for transfer in queryset.filter(status=VerificationTransfer.Status.PENDING):
            verification.decide_transfer(transfer=transfer, administrator=request.user, approve=approve)
        self.message_user(request, _("Decided."))

    @admin.action(description=_("Move the verification to the new account"))
    def approve(self, request, queryset):
        self._decide(request, queryset, True)

    @admin.action(description=_("Refuse"))
    def refuse(self, request, queryset):
        self._decide(request, queryset, False)


@admin.register(CensusList)
class CensusListAdmin(admin.ModelAdmin):
    list_display = ["municipality_nis", "rows", "uploaded_by", "uploaded_at"]
    readonly_fields = ["municipality_nis", "rows", "uploaded_by", "uploaded_at"]

    def has_add_permission(self, request):
        return False  # uploaded on /account/census/, which keeps only hashes


@admin.register(VerificationAttempt)
class VerificationAttemptAdmin(admin.ModelAdmin):
    """Every verification attempt, refused or not, for spotting someone trying numbers (never a clear number)."""

    list_display = ["at", "user", "method", "succeeded", "reason", "client"]
    list_filter = ["succeeded", "method", "reason"]
    search_fields = ["user__email", "digest", "client"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(VerificationLetter)
class VerificationLetterAdmin(admin.ModelAdmin):
    """Letters asked for and sent; printing happens on /account/letters/, the codes are never shown again."""

    list_display = ["requested_at", "user", "municipality_nis", "status", "printed_at", "expires_at", "failures"]
    list_filter = ["status", "municipality_nis"]
    exclude = ["code_digest", "address", "digest"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
