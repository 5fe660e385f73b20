from django import template

from samen.ideas import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def support_box(context):
    """The idea page's support box, the same HTML the support toggle answers with (samen/ideas/fragments.py)."""
    return fragments.support_box(
        context["request"], context["idea"], supported=context.get("supported", False), error=context.get("error")
    )
