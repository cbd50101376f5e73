from functools import wraps

from django.contrib.auth.decorators import login_required


def member_required(view):
    """Members-only pages: visitors go to sign-in, and search engines are told not to index."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper
