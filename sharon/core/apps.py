from django.apps import AppConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as BaseStaticFilesConfig


class CoreConfig(AppConfig):
    name = "sharon.core"
    label = "core"
    verbose_name = "Site"


class StaticFilesConfig(BaseStaticFilesConfig):
    # The NHS.UK frontend package ships sources and maps we never serve.
    ignore_patterns = [
        *BaseStaticFilesConfig.ignore_patterns,
        "*.scss",
        "*.map",
        "*.mjs",
        "*.mts",
        "*.njk",
        "*.d.ts",
        "*.md",
    ]
