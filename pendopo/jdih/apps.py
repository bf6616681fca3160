from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JdihConfig(AppConfig):
    name = "pendopo.jdih"
    label = "jdih"
    verbose_name = _("JDIH (produk hukum)")

    def ready(self) -> None:
        from pendopo.jdih import signals  # noqa: F401  (feed cache purge on publish)
