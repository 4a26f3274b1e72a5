"""Settings for the test suite: a fixed secret, a fast password hasher, tasks run at once."""

import os

os.environ.setdefault("ALLIANCE_SECRET_KEY", "test-only-secret-key-not-for-production")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# tasks run when queued, so a test sees the rupture alert right after a check-in; the tests of the
# worker and of a crash use the database backend and the real worker (tests/web/followup/)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
