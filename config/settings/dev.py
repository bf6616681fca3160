"""Local development: the embedded default (SQLite, local-memory cache, database tasks)."""

from .base import *

DEBUG = env_bool("DJANGO_DEBUG", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
