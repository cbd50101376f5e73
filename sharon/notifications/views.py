from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sharon.accounts.decorators import member_required

from . import services
from .models import Notification


@member_required
def notification_list(request):
    notifications = Notification.objects.filter(user=request.user).order_by("-created_at")
    page = Paginator(notifications, 25).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page})


@member_required
@require_POST
def mark_all_read(request):
    services.notifications_mark_read(user=request.user)
    return redirect("notifications:list")
