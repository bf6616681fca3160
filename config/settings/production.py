"""Production: secrets and hosts must come from the environment; HTTPS everywhere."""

from .base import *

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# Personal data in complaints is encrypted with this key (Fernet, comma-separated for rotation).
PENDOPO_FIELD_ENCRYPTION_KEY = env_str("PENDOPO_FIELD_ENCRYPTION_KEY")
if not PENDOPO_FIELD_ENCRYPTION_KEY.strip() or "INSECURE" in PENDOPO_FIELD_ENCRYPTION_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("PENDOPO_FIELD_ENCRYPTION_KEY must be a real key in production.")
