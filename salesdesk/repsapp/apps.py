from django.apps import AppConfig


class RepsAppConfig(AppConfig):
    name = "salesdesk.repsapp"
    label = "repsapp"
    verbose_name = "Reps' app (installable, offline)"
