import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .avatars import AVATARS, avatar_url
from .decorators import member_required
from .export import member_data
from .forms import AccountDeleteForm, ProfileForm
from .models import User


@member_required
def profile(request, username):
    member = get_object_or_404(User, username=username, is_active=True)
    return render(request, "accounts/profile.html", {"member": member})


@member_required
def profile_edit(request):
    user = request.user
    form = ProfileForm(request.POST or None, initial={"avatar": user.avatar, "bio": user.bio})
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=user, avatar=form.cleaned_data["avatar"], bio=form.cleaned_data["bio"]
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile", username=user.username)
    avatars = [(key, label, avatar_url(key)) for key, label in AVATARS.items()]
    return render(request, "accounts/profile_edit.html", {"form": form, "avatars": avatars})


@member_required
def export(request):
    """A page that says what the file holds; its button (a POST, so no link prefetch or
    crawler starts a download) returns the file."""
    if request.method != "POST":
        return render(request, "accounts/export.html")
    user = request.user
    response = HttpResponse(
        json.dumps(member_data(user), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="sharon-{user.username}-{day}.json"'
    response["Cache-Control"] = "no-store"
    return response


@member_required
def delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(
            user=request.user, remove_posts=form.cleaned_data["posts"] == form.REMOVE
        )
        logout(request)
        messages.success(request, _("Your account has been deleted. Take care of yourself."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})
