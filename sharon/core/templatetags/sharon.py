from django import forms, template

register = template.Library()

_CLASSES = {
    forms.Textarea: "nhsuk-textarea",
    forms.Select: "nhsuk-select",
    forms.CheckboxInput: "nhsuk-checkboxes__input",
}


@register.filter
def field_kind(field) -> str:
    """How the field partial lays a field out: checkbox, radios, or a plain control."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if widget.is_hidden:
        return "hidden"
    return "control"


@register.simple_tag
def nhsuk_widget(field):
    """Render a field's widget with the NHS.UK classes and its hint/error descriptions."""
    widget = field.field.widget
    css = _CLASSES.get(type(widget), "nhsuk-input")
    if field.errors and css in ("nhsuk-input", "nhsuk-textarea", "nhsuk-select"):
        css += f" {css}--error"
    described = [f"{field.auto_id}-hint"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}-error")
    # Labels and hints say what to type; placeholders vanish as you type and fail contrast.
    attrs = {"class": css, "placeholder": False}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.simple_tag
def elided_pages(page) -> list:
    """Page numbers around the current one, with the paginator's ellipsis for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


@register.filter
def duration_hm(value) -> str:
    """A timedelta as a person says it: '3 days 4 h', '2 h 15 min', '5 min'."""
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days} day{'s' if days != 1 else ''} {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"
