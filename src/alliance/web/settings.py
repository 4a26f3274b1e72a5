"""Django settings, read from the environment (see docs/clinic.md for every variable)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured


def envstr(name: str, default: str) -> str:
    """A text setting; an empty value counts as unset."""
    return os.environ.get(name) or default


def envbool(name: str, default: bool) -> bool:
    """A true/false setting; any other spelling is refused rather than guessed."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() not in ("true", "false"):
        raise ImproperlyConfigured(f"{name} must be 'true' or 'false', not {value!r}")
    return value.lower() == "true"


def envint(name: str, default: int) -> int:
    """A whole-number setting."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def database_from_url(url: str) -> dict:
    """Django DATABASES entry for postgres://user:password@host:port/name."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        problem = f"DATABASE_URL must start with postgres://, not {parts.scheme!r}"
        raise ImproperlyConfigured(problem)
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise ImproperlyConfigured(
            "DATABASE_URL must name a database: postgres://user@host:port/name"
        )
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 60,
        "OPTIONS": {"prepare_threshold": _prepare_threshold()},
    }


# psycopg prepares a statement after this many runs; so high that it prepares only the ones
# asked for (the check-in link's query, alliance.web.checkin.prepared). None turns it off, for a
# connection pooler that cannot keep prepared statements (PgBouncer before 1.21, or without
# max_prepared_statements, in transaction pooling).
ONLY_WHEN_ASKED = 2**31 - 1


def _prepare_threshold() -> int | None:
    return ONLY_WHEN_ASKED if envbool("ALLIANCE_DB_PREPARED_STATEMENTS", True) else None


def _secret_key(debug: bool) -> str:
    key = envstr("ALLIANCE_SECRET_KEY", "")
    if key:
        return key
    if debug:
        return "insecure-development-key-never-use-in-production"
    raise ImproperlyConfigured("ALLIANCE_SECRET_KEY must be set when ALLIANCE_DEBUG is not true")


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(envstr("ALLIANCE_DATA_DIR", "data")).resolve()
DEBUG = envbool("ALLIANCE_DEBUG", False)
SECRET_KEY = _secret_key(DEBUG)
ALLOWED_HOSTS = envstr("ALLIANCE_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in envstr("ALLIANCE_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
HTTPS = envbool("ALLIANCE_HTTPS", False)
CHECKIN_BASE_URL = envstr("ALLIANCE_CHECKIN_BASE_URL", "")
# the API: requests per minute per token, and the public base of the resource URLs it answers
API_RATE_PER_MINUTE = envint("ALLIANCE_API_RATE_PER_MINUTE", 300)
API_BASE_URL = envstr("ALLIANCE_API_BASE_URL", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "alliance.web.accounts",
    "alliance.web.clinic",
    "alliance.web.checkin",
    "alliance.web.caseload",
    "alliance.web.clientpage",
    "alliance.web.alerts",
    "alliance.web.goals",
    "alliance.web.ruptures",
    "alliance.web.followup",
    "alliance.web.outcome",
    "alliance.web.reports",
    "alliance.web.charts",
    "alliance.web.demo",
    "alliance.web.api",
    "alliance.web.exports",
    "alliance.web.webhooks",
    "ninja",  # its interactive docs then load their scripts from the package, not a CDN
    "alliance.web.delivery",
    "alliance.web.security",
    "alliance.web.wording",
    "alliance.web.clinicadmin",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "alliance.web.security.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # after the session, before anything that renders: staff pages follow the browser's language
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "alliance.web.security.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "alliance.web.security.idle.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "alliance.web.delivery.kiosk.KioskOnlyMiddleware",
    "alliance.web.api.middleware.ExplainPlainErrors",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "alliance.web.urls"
WSGI_APPLICATION = "alliance.web.wsgi.application"
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
                "alliance.web.delivery.kiosk.kiosk_page",
                "alliance.web.security.idle.idle_minutes",
            ],
        },
    },
]

# Several server workers write at once: a transaction takes the write lock when it begins (a
# read lock upgraded later fails at once with "database is locked"), waits up to 20 s for it, and
# WAL lets pages be read while a check-in is being written.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL;",
}
_DATABASE_URL = envstr("DATABASE_URL", "")
DATABASES = {
    "default": database_from_url(_DATABASE_URL)
    if _DATABASE_URL
    else {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "alliance.sqlite3",
        "OPTIONS": SQLITE_OPTIONS,
    },
}
# Background work (the follow-up of check-ins, and every task defined with
# alliance.web.clinic.background) is queued in the database and run by `alliance worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # which then sends each role to its own start page
LOGOUT_REDIRECT_URL = "login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages the client's check-in is written in (docs/languages.md); the translations live
# in each app's own locale/ folder. The names are each language's own, as a client would look
# for it in a list.
LANGUAGES = [("en", "English"), ("es", "Español")]
# the site-wide templates' catalogue (base.html, the error pages); each app keeps its own
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["alliance.web.formats"]
TIME_ZONE = envstr("ALLIANCE_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Static files are served from inside the installed package, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# A check-in link must never leak to another site through a Referer header; "no-referrer" would
# also make browsers send "Origin: null" on our own form posts, which the CSRF check refuses.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("ALLIANCE_SESSION_HOURS", 12) * 3600
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("ALLIANCE_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("ALLIANCE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "alliance.web.logs.RedactCheckinTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": envstr("ALLIANCE_LOG_LEVEL", "WARNING")},
    "loggers": {
        name: {"handlers": ["console"], "level": "INFO", "propagate": False}
        for name in ("django.server", "django.request")
    },
}
STATICFILES_DIRS = [BASE_DIR / "static"]

# Delivery (docs/delivery.md). Email through Django's email framework: SMTP when EMAIL_HOST is
# set, else one file per message in the data directory's outbox/ so nothing is lost unseen.
OUTBOX_DIR = DATA_DIR / "outbox"
EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "alliance@localhost")
EMAIL_BACKEND = envstr(
    "ALLIANCE_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = OUTBOX_DIR
SMS_BACKEND = envstr("ALLIANCE_SMS_BACKEND", "outbox")
if SMS_BACKEND not in ("outbox", "twilio"):
    raise ImproperlyConfigured(
        f"ALLIANCE_SMS_BACKEND must be 'outbox' or 'twilio', not {SMS_BACKEND!r}"
    )
TWILIO_API_URL = envstr("ALLIANCE_TWILIO_API_URL", "https://api.twilio.com")
TWILIO_ACCOUNT_SID = envstr("ALLIANCE_TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = envstr("ALLIANCE_TWILIO_AUTH_TOKEN", "")
TWILIO_FROM = envstr("ALLIANCE_TWILIO_FROM", "")
if SMS_BACKEND == "twilio" and not (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and TWILIO_FROM):
    raise ImproperlyConfigured(
        "ALLIANCE_SMS_BACKEND=twilio needs ALLIANCE_TWILIO_ACCOUNT_SID, "
        "ALLIANCE_TWILIO_AUTH_TOKEN and ALLIANCE_TWILIO_FROM"
    )
SMS_TIMEOUT = envint("ALLIANCE_SMS_TIMEOUT", 10)
PHONE_REGION = envstr("ALLIANCE_PHONE_REGION", "")  # e.g. GB: numbers may omit +44
# Security (docs/security.md): separation of duties.
ADMINS_MAY_TREAT = envbool("ALLIANCE_ADMINS_MAY_TREAT", False)
# Login lockout (django-axes): after this many wrong passwords for one username from one address,
# no password is checked (no hash computed) until the cool-off ends or an admin unlocks.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("ALLIANCE_LOCKOUT_FAILURES", 10)
AXES_COOLOFF_TIME = timedelta(minutes=envint("ALLIANCE_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "alliance.web.clinic.audit.client_address"
AXES_VERBOSE = False
# Two-factor login (TOTP) for every staff role; a clinic may relax it for therapists only.
TWO_FACTOR = envbool("ALLIANCE_TWO_FACTOR", True)
OTP_TOTP_ISSUER = "alliance"
IDLE_MINUTES = envint("ALLIANCE_IDLE_MINUTES", 30)
# The demo keeps mail (password reset links) as files in its data directory's outbox/.
if envbool("ALLIANCE_MAIL_TO_FILES", False):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "outbox"
