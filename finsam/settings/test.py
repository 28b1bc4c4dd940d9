"""Settings for the test suite: same as base, tasks inline, fast hashing, files in a temp dir."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
FINSAM_TASK_MODE = "eager"
CELERY_TASK_ALWAYS_EAGER = True
if not os.environ.get("REDIS_URL"):
    CELERY_BROKER_URL = "memory://"  # a test that sends (healthz, harness) never writes broker files
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
FINSAM_DOKUMENT_HJARTSLAG_INTERVALL = 1.0
MEDIA_ROOT = Path(os.environ.get("FINSAM_TEST_MEDIA", tempfile.mkdtemp(prefix="finsam-media-")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file (not :memory:) so that a real Celery worker started by a test can read it.
    _sqlite_test = Path(tempfile.gettempdir()) / f"finsam-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("FINSAM_TEST_SQLITE", str(_sqlite_test))}
else:
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("FINSAM_TEST_DB", "test_finsam")}
AXES_FAILURE_LIMIT = 5
# Tests clear the cache between tests: never the Redis database the broker (and a developer's server) uses.
# tests/finsam/test_sessionscache.py runs the Redis cache and the cached sessions against FINSAM_TEST_REDIS_URL.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# A local test CA and signing certificate per test process (styrelse.signering.certifikat).
FINSAM_SIGNERING_TESTCERT = True
FINSAM_SIGNERING_KATALOG = Path(tempfile.mkdtemp(prefix="finsam-signering-"))
