from django import template

from samen.ideas import fragments
from samen.ideas.comment_html import CommentHtml

register = template.Library()


@register.simple_tag(takes_context=True)
def support_box(context):
    """The idea page's support box, the same HTML the support toggle answers with (samen/ideas/fragments.py)."""
    return fragments.support_box(
        context["request"], context["idea"], supported=context.get("supported", False), error=context.get("error")
    )


def _comment_html(context) -> CommentHtml:
    """One per template render, so that what a page's comments share is read once (samen/ideas/comment_html.py)."""
    found = context.render_context.get(CommentHtml)
    if found is None:
        found = CommentHtml(context["request"], context.get("idea"), csrf_token=context.get("csrf_token"))
        context.render_context[CommentHtml] = found
    return found


@register.simple_tag(takes_context=True)
def comment_thread(context, comment):
    """A top-level comment with its replies and the form to reply: `<li id="comment-…">`."""
    return _comment_html(context).thread(comment)


@register.simple_tag(takes_context=True)
def flag_form(context, kind, content):
    """The report form, for those who may report this idea or comment."""
    return _comment_html(context).flag_form(kind, content)


@register.simple_tag(takes_context=True)
def moderation_decision(context, kind, content):
    """A moderator's hide, restore or approve form for this idea or comment."""
    return _comment_html(context).decision_form(kind, content)
