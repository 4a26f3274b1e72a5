"""Settings for the test suite: a fixed secret, a fast password hasher, follow-ups at once."""

import os

os.environ.setdefault("ALLIANCE_SECRET_KEY", "test-only-secret-key-not-for-production")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# follow-ups run in the request, so a test sees the rupture alert right after a check-in
FOLLOW_UP = "inline"
