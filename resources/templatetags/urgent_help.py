"""`{% urgent_help_contacts as contacts %}`: the services on the urgent-help page (A-3), so
that the support card shown after a worrying post lists what admins last set there."""

from django import template

from resources.services import urgent_help_contacts

register = template.Library()
register.simple_tag(urgent_help_contacts)
