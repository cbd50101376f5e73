"""`{% resource_cards post %}`: a card for each resource a post links to (R-4).

Forum templates use it without the forum views knowing about resources. The cards of every
post on the page are looked up together, on the first call, from the page's `posts`."""

from django import template

from resources.selectors import attach_linked_resources

register = template.Library()


@register.inclusion_tag("resources/includes/post_cards.html", takes_context=True)
def resource_cards(context, post):
    if not hasattr(post, "linked_resources"):
        page = context.get("posts") or []
        attach_linked_resources(page if any(p is post for p in page) else [post])
    return {"resources": post.linked_resources}
