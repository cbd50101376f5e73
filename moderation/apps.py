from django.apps import AppConfig


def _screen(sender, *, author, title, text, kind, place=None, **kwargs):
    from .services import content_screen

    return content_screen(author=author, title=title, text=text, kind=kind)


def _saved(sender, *, instance, author, created, **kwargs):
    from .services import content_saved

    content_saved(instance=instance, author=author, created=created)


class ModerationConfig(AppConfig):
    name = "moderation"
    verbose_name = "Moderation"

    def ready(self):
        from sharon import content

        content.screen.connect(_screen, dispatch_uid="moderation-screen")
        content.saved.connect(_saved, dispatch_uid="moderation-saved")
