from django.apps import AppConfig


def _post_saved(sender, *, instance, created, **kwargs):
    from .services import resource_links_sync

    resource_links_sync(post=instance, created=created)


def _worksheet_replaced(sender, *, instance, **kwargs):
    if instance.pk is None:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if old and old != instance.file.name:
        instance._replaced_file = old


def _worksheet_saved(sender, *, instance, **kwargs):
    from .services import worksheet_file_discard

    if replaced := getattr(instance, "_replaced_file", None):
        worksheet_file_discard(name=replaced)
        del instance._replaced_file


def _worksheet_deleted(sender, *, instance, **kwargs):
    from .services import worksheet_file_discard

    worksheet_file_discard(name=instance.file.name)


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "CBT resources"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from forums.models import Post
        from sharon import content

        from .models import Worksheet

        content.saved.connect(_post_saved, sender=Post, dispatch_uid="resources-post-saved")
        # Files of deleted or replaced worksheets are removed from storage, not left behind.
        pre_save.connect(_worksheet_replaced, sender=Worksheet, dispatch_uid="worksheet-replaced")
        post_save.connect(_worksheet_saved, sender=Worksheet, dispatch_uid="worksheet-saved")
        post_delete.connect(_worksheet_deleted, sender=Worksheet, dispatch_uid="worksheet-deleted")
