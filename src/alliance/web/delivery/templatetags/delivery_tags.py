"""Look up a session's delivery in the mapping the client page passes."""

from django import template

register = template.Library()


@register.filter
def delivery_for(deliveries: dict, session_id: int):
    return deliveries.get(session_id)
