from django.shortcuts import render

# Resources, urgent help, notifications and settings stay open during a break.
HIDDEN_DURING_BREAK = {"forums"}


def break_gate(get_response):
    """While a member takes a break (A-6), the forums show a calm page instead."""

    def middleware(request):
        return get_response(request)

    def process_view(request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        match = request.resolver_match
        if (
            user is not None
            and user.is_authenticated
            and match is not None
            and match.namespace in HIDDEN_DURING_BREAK
            and user.is_on_break
        ):
            response = render(request, "notifications/on_break.html", status=200)
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
            return response
        return None

    middleware.process_view = process_view
    return middleware
