from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from .models import Resource, ResourceCategory


def index(request):
    published = Resource.objects.filter(status=Resource.Status.PUBLISHED)
    categories = ResourceCategory.objects.prefetch_related(
        Prefetch("resources", queryset=published.order_by("order", "title"), to_attr="published")
    )
    return render(request, "resources/index.html", {"categories": categories})


def detail(request, slug):
    resource = get_object_or_404(
        Resource.objects.select_related("category"), slug=slug, status=Resource.Status.PUBLISHED
    )
    return render(request, "resources/detail.html", {"resource": resource})
