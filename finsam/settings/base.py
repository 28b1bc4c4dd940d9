"""Settings shared by every environment, driven by environment variables.

The embedded default (no DATABASE_URL, no REDIS_URL) runs on SQLite with a Celery worker on a
filesystem broker, so `make run` works on a laptop with nothing else installed.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-0123456789abcdef")
# Off unless asked for: a debug page (URL patterns, settings, tracebacks) must never reach a user,
# also not in the embedded default that `make run` serves.
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Secret used to key the hash of personal identity numbers (never stored in clear text).
PSEUDONYM_KEY = os.environ.get("FINSAM_PSEUDONYM_KEY", SECRET_KEY)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "axes",
    "finsam",
    "styrelse",
    "insatser",
    "uppfoljning",
    "ekonomi",
    "rapporter",
    "forvaltning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "finsam.middleware.GransMiddleware",
    "finsam.middleware.IngenCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "finsam.middleware.ForbundMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "finsam.urls"
WSGI_APPLICATION = "finsam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "finsam.context_processors.forbund",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        # A SQLite URL gets the same backend as the embedded default (Swedish collation "sv").
        DATABASES["default"]["ENGINE"] = "finsam.db.sqlite3"
        DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
else:
    DATABASES = {
        "default": {
            "ENGINE": "finsam.db.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Lockout after repeated failures, per user AND address, with a cool-off so that an
# attacker cannot lock board members out for good.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# The same lockout at a justering's re-authentication (styrelse.signering.metoder); JSON under /api/.
AXES_LOCKOUT_CALLABLE = "finsam.views.inloggning_sparrad"
# Never keep a typed password in the attempt log (the login form's field is "password", justering's "losenord").
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "losenord", "password"]
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["finsam.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise serves /static/ with DEBUG off too; in the embedded default straight from the finders
# (no collectstatic needed), in production from STATIC_ROOT. Media files are never served statically.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Who sends a stored file once its view has checked the permission: "" (Django streams it),
# "x-accel-redirect" (nginx: `location /_skyddad/ { internal; alias <MEDIA_ROOT>/; }`) or
# "x-sendfile" (Apache mod_xsendfile). MEDIA_URL is never routed to MEDIA_ROOT.
FINSAM_FILSANDNING = os.environ.get("FINSAM_FILSANDNING", "").strip().lower()
FINSAM_FIL_INTERN_URL = os.environ.get("FINSAM_FIL_INTERN_URL", "/_skyddad/")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Largest accepted upload (attachments, spreadsheets, SIE files), in bytes.
FINSAM_MAX_UPLOAD_BYTES = int(os.environ.get("FINSAM_MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))
# Uploaded Office/OpenDocument files (zip): refused before reading when they expand beyond this or have more entries.
FINSAM_MAX_UPLOAD_UTPACKAT_BYTES = int(os.environ.get("FINSAM_MAX_UPLOAD_UTPACKAT_BYTES", str(200 * 1024 * 1024)))
FINSAM_MAX_UPLOAD_ZIP_POSTER = int(os.environ.get("FINSAM_MAX_UPLOAD_ZIP_POSTER", "10000"))
# Participant import limits (uppföljning), the same for page, API and command.
UPPFOLJNING_IMPORT_MAX_BYTES = 5 * 1024 * 1024  # file size
UPPFOLJNING_IMPORT_MAX_UPPACKAT = 50 * 1024 * 1024  # unpacked size of an XLSX (zip members)
UPPFOLJNING_IMPORT_MAX_RADER = 50_000  # data rows
UPPFOLJNING_IMPORT_MAX_CELL = 300  # characters per cell

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Finsam <noreply@finsam.localhost>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 10
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "finsam.views.csrf_fel"
# Content-Security-Policy (django-csp): scripts only from our own static files, never inline.
# Inline style attributes stay allowed (bar widths in the outcome charts are data-driven).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Celery. With REDIS_URL the broker is Redis; without it, kombu's filesystem transport in a
# local folder (no server), and `make run` starts a real worker on it: one task path everywhere.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Pages marked @sidcache are kept until their förbund's data changes (finsam/sidcache.py; issue 16), at most this long.
FINSAM_SIDCACHE = env_bool("FINSAM_SIDCACHE", True)
FINSAM_SIDCACHE_SEKUNDER = int(os.environ.get("FINSAM_SIDCACHE_SEKUNDER", "600"))
CELERY_BROKER_DIR = Path(os.environ.get("CELERY_BROKER_DIR", BASE_DIR / "var" / "celery"))
CELERY_BROKER_URL = REDIS_URL or "finsamfil://"  # finsamfil: kombu's filesystem transport, atomic writes (finsam/kofil.py)
# The cache: Redis when REDIS_URL is set (one cache shared by every web process), else each process's own memory.
# Sessions are read from the cache and written through to the database (issue 16: one query less on every page);
# with the per-process memory cache a session ended in one process would live on in another's cache, so the
# embedded default keeps database sessions. Nothing may call cache.clear(): on Redis it empties the whole database.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ.get("FINSAM_CACHE_URL") or REDIS_URL,
            "KEY_PREFIX": os.environ.get("FINSAM_CACHE_PREFIX") or "finsam",
            "TIMEOUT": 6 * 60 * 60,
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CELERY_RESULT_BACKEND = None
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "celery")  # one broker shared by several installations
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 300
CELERY_TASK_TIME_LIMIT = 360
CELERY_WORKER_MAX_MEMORY_PER_CHILD = 600_000  # KiB: WeasyPrint holds the whole document
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = (
    {"visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "900"))}
    if REDIS_URL
    else {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
    }
)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {}
CELERY_BEAT_SCHEDULE["insatser-rapport-paminnelse"] = {"task": "insatser.rapport_paminnelse_task", "schedule": 24 * 3600.0}
CELERY_BEAT_SCHEDULE["uppfoljning-gallring"] = {"task": "uppfoljning.gallring_task", "schedule": 24 * 3600.0}
# The year's list of diarium documents due for destruction (idempotent: refreshes this year's list).
CELERY_BEAT_SCHEDULE["styrelse-gallringslista"] = {"task": "styrelse.gallringslista_task", "schedule": 24 * 3600.0}
# the records plan's gallring: proposed by the system daily (a rerun replaces the open proposal), carried out by the förbundschef
CELERY_BEAT_SCHEDULE["forvaltning-gallring-forslag"] = {"task": "forvaltning.gallring_foresla_task", "schedule": 24 * 3600.0}
# The reaper: re-queues document jobs whose worker died or went silent (see finsam.documents.jobb).
CELERY_BEAT_SCHEDULE["finsam-dataandring-komprimera"] = {"task": "finsam.dataandring_komprimera_task", "schedule": 3600.0}
CELERY_BEAT_SCHEDULE["finsam-dokument-aterupta"] = {"task": "finsam.dokument_aterupta_task", "schedule": 10.0}
# A running job's heartbeat (seconds), the silence after which it is taken back, interruptions before giving up.
FINSAM_DOKUMENT_HJARTSLAG_INTERVALL = float(os.environ.get("FINSAM_DOKUMENT_HJARTSLAG_INTERVALL", "5"))
FINSAM_DOKUMENT_HJARTSLAG_GRANS = float(os.environ.get("FINSAM_DOKUMENT_HJARTSLAG_GRANS", "30"))
FINSAM_DOKUMENT_MAX_FORSOK = int(os.environ.get("FINSAM_DOKUMENT_MAX_FORSOK", "5"))
# "celery" (every mode with a worker: Redis or the filesystem broker), "eager" (inline, the test
# suite) or "thread" (a background thread of the web process; kept for a few browser tests only).
FINSAM_TASK_MODE = os.environ.get("FINSAM_TASK_MODE", "celery")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "finsam.api.pagination.Sidindelning",
    "PAGE_SIZE": 100,  # the default `limit`; at most FINSAM_API_MAX_LIMIT
    "EXCEPTION_HANDLER": "finsam.api.exceptions.exception_handler",
}
FINSAM_API_MAX_LIMIT = 1000
SPECTACULAR_SETTINGS = {
    "TITLE": "Finsam API",
    "DESCRIPTION": "API för samordningsförbundets styrelse, insatser, uppföljning och ekonomi.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation documents the one error shape {"fel": [{"falt", "meddelande", "kod"}]}.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "finsam.api.schema.felsvar_i_schemat"],
    # One OpenAPI name per choice set shared by several fields or apps.
    "ENUM_NAME_OVERRIDES": {
        "InsatsTypEnum": "insatser.models.Insats.Typ",
        "InsatsRapportTypEnum": "insatser.models.Rapport.Typ",
        "ForsorjningEnum": "uppfoljning.vokabular.Forsorjning",
        "RapportTypEnum": "rapporter.models.RapportTyp",
        "MandatTypEnum": "styrelse.models.Mandat.Typ",
        "MedlemTypEnum": "finsam.models.Medlem.Typ",
        "DelegatRollEnum": "forvaltning.models.delegation.DelegatRoll",
        "PlanavsnittSlagEnum": "rapporter.models.Planavsnitt.Slag",
        "ForbundsmalSlagEnum": "rapporter.models.Forbundsmal.Slag",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}
# --- Board member's side (styrelse, issue 19) ---
# Private notes on the papers are removed this many days after the minutes are justered (records plan: working notes).
FINSAM_ANTECKNING_GALLRING_DAGAR = int(os.environ.get("FINSAM_ANTECKNING_GALLRING_DAGAR", "30"))
CELERY_BEAT_SCHEDULE["styrelse-anteckningar-gallra"] = {"task": "styrelse.anteckningar_gallra_task", "schedule": 24 * 3600.0}
# The förbund's signing certificate for the justered minutes (PAdES): a PKCS#12 file and its password.
FINSAM_SIGNERING_PKCS12 = os.environ.get("FINSAM_SIGNERING_PKCS12", "")
FINSAM_SIGNERING_LOSENORD = os.environ.get("FINSAM_SIGNERING_LOSENORD", "")
# Without a configured certificate: development makes a local test CA and certificate here (never in production).
FINSAM_SIGNERING_TESTCERT = env_bool("FINSAM_SIGNERING_TESTCERT", True)  # production.py turns it off
# The time-stamping authority (RFC 3161) that stamps the minutes' signature (PAdES B-T). Required with a configured
# certificate; without one, development and the tests use a local TSA issued by the local test CA.
FINSAM_TSA_URL = os.environ.get("FINSAM_TSA_URL", "")
FINSAM_TSA_TIMEOUT = float(os.environ.get("FINSAM_TSA_TIMEOUT", "10"))
FINSAM_SIGNERING_KATALOG = Path(os.environ.get("FINSAM_SIGNERING_KATALOG", str(BASE_DIR / "var" / "signering")))
