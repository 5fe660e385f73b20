from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.forms import ModelForm
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from translated_fields import TranslatedFieldAdmin

from samen.common.images import prepare_image
from samen.common.models import Branding, FooterLink, forget


class FooterLinkInline(TranslatedFieldAdmin, admin.TabularInline):
    model = FooterLink
    extra = 1
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # "www.brussels.be" means https


class BrandingForm(ModelForm):
    class Meta:
        model = Branding
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose)

    def clean_logo(self):
        """A new logo is checked and stored as a clean JPEG without its metadata, as every uploaded image is."""
        logo = self.cleaned_data.get("logo")
        return prepare_image(logo) if isinstance(logo, UploadedFile) else logo


@admin.register(Branding)
class BrandingAdmin(TranslatedFieldAdmin, admin.ModelAdmin):
    """One row, never added or deleted: the list leads straight to it."""

    form = BrandingForm
    inlines = [FooterLinkInline]
    fieldsets = [
        (_("Organisation"), {"fields": [*Branding.name.fields]}),
        (_("Logo"), {"fields": ["logo", *Branding.logo_alt.fields]}),
        (_("Colours"), {"fields": ["primary_colour", "accent_colour"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        if not Branding.objects.filter(pk=1).exists():
            Branding.defaults().save()
        return redirect("admin:common_branding_change", 1)

    def render_change_form(self, request, context, *args, **kwargs):
        """A refused change (a colour too light, a logo without its description) answers 422 with the errors."""
        response = super().render_change_form(request, context, *args, **kwargs)
        if request.method == "POST" and context.get("errors"):
            response.status_code = 422
        return response

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        forget()
