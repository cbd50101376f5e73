"""Keep the members' area out of search engines (People: forum content is never indexed)."""

PUBLIC_PREFIXES = ("/resources/", "/urgent-help/", "/about/", "/guidelines/", "/static/")


def member_area_noindex(get_response):
    def middleware(request):
        response = get_response(request)
        if request.path != "/" and not request.path.startswith(PUBLIC_PREFIXES):
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response

    return middleware
