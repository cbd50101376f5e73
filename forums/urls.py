from django.urls import path

from . import views

app_name = "forums"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("unanswered/", views.unanswered, name="unanswered"),
    path("bookmarks/", views.bookmarks, name="bookmarks"),
    path("preferences/", views.preferences, name="preferences"),
    path("drafts/autosave/", views.draft_autosave, name="draft_autosave"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("c/<slug:slug>/new/", views.thread_new, name="thread_new"),
    path("c/<slug:slug>/watch/", views.category_watch, name="category_watch"),
    path("t/<int:pk>/", views.thread, name="thread"),
    path("t/<int:pk>/unread/", views.thread_unread, name="thread_unread"),
    path("t/<int:pk>/last/", views.thread_last, name="thread_last"),
    path("t/<int:pk>/reply/", views.reply, name="reply"),
    path("t/<int:pk>/watch/", views.thread_watch, name="thread_watch"),
    path("p/<int:pk>/", views.post_permalink, name="post"),
    path("p/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("p/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("p/<int:pk>/history/", views.post_history, name="post_history"),
    path("p/<int:pk>/react/", views.react, name="react"),
    path("p/<int:pk>/bookmark/", views.bookmark, name="bookmark"),
]
