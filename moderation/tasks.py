from celery import shared_task

from . import services


@shared_task(name="moderation.check_content")
def check_content(check_id: int) -> None:
    services.content_check_run(check_id=check_id)


@shared_task(name="moderation.sweep_unchecked")
def sweep_unchecked() -> int:
    return services.unchecked_sweep()
