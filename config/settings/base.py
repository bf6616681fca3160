"""Settings shared by every environment. Values come from the environment via ``config.env``."""

from __future__ import annotations

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.env import BASE_DIR, env_bool, env_int, env_list, env_str

SECRET_KEY = env_str(
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-0123456789-abcdefghijklmnop"
)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "pendopo.core",
    "pendopo.regions",
    "pendopo.agencies",
    "pendopo.news",
    "pendopo.agenda",
    "pendopo.services",
    "pendopo.publishing",
    "pendopo.api",
    "pendopo.jdih",
    "pendopo.complaints",
    "pendopo.ppid",
    "pendopo.procurement",
    "pendopo.portal",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pendopo.core.middleware.PortalLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "pendopo.core.middleware.SiteTimezoneMiddleware",
    "pendopo.publishing.middleware.GoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # after "messages": adds the scheduler warning on every admin page
                "pendopo.publishing.context_processors.scheduler_warning",
                "wagtail.contrib.settings.context_processors.settings",
                "pendopo.core.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite by default (zero set-up); DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default; REDIS_URL selects Redis (Django's own backend).
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "pendopo"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work: Django's Tasks API with the database backend by default.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Bahasa Indonesia first. Times are stored in UTC and shown in the
# site's zone (SiteSettings.time_zone, activated per request by SiteTimezoneMiddleware).
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("PENDOPO_DEFAULT_TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env_str("PENDOPO_SITE_NAME", "Pendopo")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL's built-in Indonesian snowball stemmer: "membangun" finds "pembangunan".
        "SEARCH_CONFIG": "indonesian" if IS_POSTGRES else None,
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = (
    50_000_000  # 50 megapixels: any phone photo, not a decompression bomb
)
WAGTAILIMAGES_IMAGE_FORM_BASE = "pendopo.core.uploads.ImageForm"  # long names, Indonesian messages
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pendopo.core.uploads.DocumentForm"
WAGTAILDOCS_DOCUMENT_MODEL = "core.PortalDocument"  # keeps the uploaded file name (core.models)
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # ASCII slugs; non-Latin titles get a readable fallback
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# Pendopo
PENDOPO_REGENCY_CODE = env_str("PENDOPO_REGENCY_CODE", "35.10")
PENDOPO_AGENCY_HOST_SUFFIX = env_str("PENDOPO_AGENCY_HOST_SUFFIX", "localhost")
PENDOPO_SITE_PORT = env_int("PENDOPO_SITE_PORT", 80)
PENDOPO_SERVE_MEDIA = env_bool("PENDOPO_SERVE_MEDIA", False)  # dev/browser tests only
# Cuti bersama count as non-working days for legal deadlines (docs/calendar.md explains).
PENDOPO_CUTI_BERSAMA_NON_WORKING = env_bool("PENDOPO_CUTI_BERSAMA_NON_WORKING", True)
PENDOPO_SEARCH_MAX_QUERY_LENGTH = 100  # characters; longer queries get a 400 page
# An agency is flagged on /perangkat-daerah/keaktifan/ after this many working days without update.
PENDOPO_ACTIVITY_STALE_WORKING_DAYS = env_int("PENDOPO_ACTIVITY_STALE_WORKING_DAYS", 5)

# Security headers. Public pages: no inline script or style, no third-party origin.
CSRF_FAILURE_VIEW = "pendopo.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin still relies on inline scripts and styles in places; the public
    # site does not, and gets the strict policy.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail logs every page action at INFO; the audit log keeps them, the console need not.
    "loggers": {"wagtail": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}

# Publishing (issue 4): tags are case-insensitive, one tag per normalised form.
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "pendopo.news.tags.parse_tags"
# The admin warns when run_scheduled has not run for this many minutes.
PENDOPO_SCHEDULER_MAX_SILENCE_MINUTES = env_int("PENDOPO_SCHEDULER_MAX_SILENCE_MINUTES", 15)
# Full-page cache in front of the app (Varnish/nginx) to purge on publish: its purge URL.
if env_str("PENDOPO_FRONTEND_CACHE_URL", ""):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env_str("PENDOPO_FRONTEND_CACHE_URL", ""),
        }
    }
# JDIH (pendopo.jdih): PDF text extraction runs in a child process with these limits.
PENDOPO_JDIH_EXTRACT_TIMEOUT = env_int("PENDOPO_JDIH_EXTRACT_TIMEOUT", 60)  # seconds
PENDOPO_JDIH_EXTRACT_MEMORY_MB = env_int("PENDOPO_JDIH_EXTRACT_MEMORY_MB", 768)
# Complaints (pendopo/complaints/README.md). The default key is for development and tests only:
# production settings refuse it.
PENDOPO_FIELD_ENCRYPTION_KEY = env_str("PENDOPO_FIELD_ENCRYPTION_KEY", "") or (
    "INSECURE-dev-only-key"
)
PENDOPO_COMPLAINTS_RETENTION_DAYS = env_int("PENDOPO_COMPLAINTS_RETENTION_DAYS", 730)
PENDOPO_COMPLAINTS_PRIVATE_ROOT = env_str("PENDOPO_COMPLAINTS_PRIVATE_ROOT", "") or str(
    BASE_DIR / "private_media"
)
PENDOPO_COMPLAINTS_CHANNELS = env_list("PENDOPO_COMPLAINTS_CHANNELS", ["email"])
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "pengaduan@localhost")
PENDOPO_COMPLAINTS_TRACKING_PREFIX = env_str("PENDOPO_COMPLAINTS_TRACKING_PREFIX", "BWI")
# Procurement (issue 8): OCDS ocid prefix (register one with the Open Contracting Partnership;
# "ocds-xxxxxx" is a placeholder) and the published packages per OCDS page.
PENDOPO_OCDS_OCID_PREFIX = env_str("PENDOPO_OCDS_OCID_PREFIX", "ocds-xxxxxx")
PENDOPO_OCDS_PAGE_SIZE = env_int("PENDOPO_OCDS_PAGE_SIZE", 500)
# Issue 9 (admin in Bahasa Indonesia): date/time input formats that match the admin's
# day-first pickers in every admin language (pendopo/core/formats explains why).
FORMAT_MODULE_PATH = ["pendopo.core.formats"]
# No Gravatar: editors' e-mail hashes stay on the server and the admin works offline
# (Wagtail then shows its own default avatar).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's login form labels the password field "Password" in every language.
WAGTAILADMIN_USER_LOGIN_FORM = "pendopo.core.admin_forms.LoginForm"
