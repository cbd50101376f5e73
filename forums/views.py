from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from sharon.accounts.decorators import member_required

from . import selectors
from .models import Category, Thread

THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 20


@member_required
def index(request):
    return render(
        request, "forums/index.html", {"categories": selectors.categories_with_activity()}
    )


@member_required
def category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = Paginator(selectors.threads_in_category(category=category), THREADS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "forums/category.html", {"category": category, "page": page})


@member_required
def thread(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("category", "author"), pk=pk)
    page = Paginator(selectors.posts_in_thread(thread=thread), POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "forums/thread.html", {"thread": thread, "page": page})
