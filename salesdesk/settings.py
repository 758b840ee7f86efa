"""Django settings: everything from the environment, with safe embedded defaults."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from salesdesk.env import (
    BASE_DIR,
    env_bool,
    env_int,
    env_str,
    generated_secret,
    new_django_key,
    new_fernet_key,
    private_dir,
    private_file,
    var_dir,
)

DEBUG = env_bool("SALESDESK_DEBUG", False)
SECRET_KEY = generated_secret("SALESDESK_SECRET_KEY", new_django_key)
# Fernet key(s) for Exact tokens at rest; comma-separated to allow rotation (first encrypts).
TOKEN_ENCRYPTION_KEYS = generated_secret("SALESDESK_TOKEN_KEY", new_fernet_key).split(",")

ALLOWED_HOSTS = env_str("SALESDESK_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in env_str("SALESDESK_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
PUBLIC_URL = env_str("SALESDESK_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "salesdesk.tenants",
    "salesdesk.lists",
    "salesdesk.synced",
    "salesdesk.catalog",
    "salesdesk.history",
    "salesdesk.customers",
    "salesdesk.orders",
    "salesdesk.integration",
    "salesdesk.confirmations",
    "salesdesk.ops",
    "salesdesk.api",
    "salesdesk.repsapp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "salesdesk.ops.middleware.canonical_loopback",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "salesdesk.urls"
WSGI_APPLICATION = "salesdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "salesdesk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (postgres://user:password@host:port/name?sslmode=…) selects
# PostgreSQL through psycopg 3, for several web processes and workers on several machines.
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    _db = urlsplit(DATABASE_URL)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(_db.path.lstrip("/")),
            "USER": unquote(_db.username or ""),
            "PASSWORD": unquote(_db.password or ""),
            "HOST": _db.hostname or "",
            "PORT": str(_db.port or ""),
            "CONN_MAX_AGE": env_int("SALESDESK_DB_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": dict(parse_qsl(_db.query)),
        }
    }
else:
    _sqlite_path = env_str("SALESDESK_SQLITE_PATH", str(var_dir() / "salesdesk.sqlite3"))
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(private_file(Path(_sqlite_path))),
            # WAL and a busy timeout let the web server and the task worker share the file.
            # A 64 MB page cache (the default is 2 MB) keeps the indexes a sync page touches
            # in memory: the UUID index is written in random order (benchmarks/sync_bench.py).
            # Checkpoints every 40 MB of WAL instead of 4 MB: a sync page dirties a few MB
            # of index pages, and each checkpoint writes them back and syncs the file.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; "
                    "PRAGMA wal_autocheckpoint=10000;"
                ),
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks: the database backend (`salesdesk worker` runs db_worker) by default;
# SALESDESK_TASKS=rq with REDIS_URL selects RQ (`salesdesk worker` runs RQ's worker).
# REDIS_URL alone also moves the shared Exact rate budget into Redis (integration/rate_budget).
TASK_QUEUES = ["default", "pictures"]
SALESDESK_TASKS = env_str("SALESDESK_TASKS", "db").strip().lower()
REDIS_URL = env_str("REDIS_URL", "")
if SALESDESK_TASKS == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("SALESDESK_TASKS=rq needs REDIS_URL (redis://host:port/db)")
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600} for name in TASK_QUEUES}
    _tasks_backend = "django_tasks_rq.RQBackend"
else:
    _tasks_backend = env_str("SALESDESK_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": _tasks_backend, "QUEUES": TASK_QUEUES}}
# Exact webhooks (integration/webhooks): the app's webhook secret from the App Center (not the
# client secret, spec §4.10), and how long notices are gathered into one incremental sync.
# No default: a known secret would let anyone sign notices. Unset, the endpoint is off;
# `salesdesk demo` generates one into var/ and gives it to its sandbox.
EXACT_WEBHOOK_SECRET = env_str("EXACT_WEBHOOK_SECRET", "")
EXACT_WEBHOOK_DEBOUNCE_SECONDS = float(env_int("EXACT_WEBHOOK_DEBOUNCE_SECONDS", 10))
# Open items (receivables) have no sync feed: read whole, one call, this often (minutes).
EXACT_OPEN_ITEMS_MINUTES = max(5, env_int("EXACT_OPEN_ITEMS_MINUTES", 60))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "/"

# Logins go through django-axes (tenants/login_guard.py): failures are counted per login
# identity (one per company member, whether they typed the username or the e-mail) and client
# address, in the database, and a lock-out lasts AXES_COOLOFF_TIME.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "salesdesk.tenants.login_guard.CompanyMemberBackend",
    # Sessions made before the company backend existed name this one; it authenticates nothing
    # here because every login passes `company`, never `username`.
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("SALESDESK_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SALESDESK_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "salesdesk.tenants.login_guard.axes_username"
AXES_LOCKOUT_CALLABLE = "salesdesk.tenants.login_guard.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful logins are no business of the throttle
AXES_VERBOSE = False
# Masked in axes' stored request data and its log lines (the password always is).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "identifier", "csrfmiddlewaretoken"]
# The client address (django-ipware) behind the reverse proxies the operator names:
# SALESDESK_PROXY_COUNT proxies listed in X-Forwarded-For ("client, proxy1, …"), and/or only
# these (SALESDESK_TRUSTED_PROXIES, comma-separated addresses or prefixes). With neither,
# X-Forwarded-For is ignored: a client could forge it.
AXES_IPWARE_PROXY_COUNT = env_int("SALESDESK_PROXY_COUNT", 0) or None
AXES_IPWARE_PROXY_TRUSTED_IPS = [
    p.strip() for p in env_str("SALESDESK_TRUSTED_PROXIES", "").split(",") if p.strip()
] or None
AXES_CLIENT_IP_CALLABLE = "salesdesk.tenants.login_guard.client_address"
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    if AXES_IPWARE_PROXY_COUNT or AXES_IPWARE_PROXY_TRUSTED_IPS
    else ("REMOTE_ADDR",)
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SALESDESK_SECURE_COOKIES", False)
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# Behind HTTPS (SALESDESK_SECURE_COOKIES=1): browsers keep to HTTPS for a year (HSTS) and plain
# HTTP is redirected. A TLS-terminating proxy names the original scheme in a header it sets
# itself: SALESDESK_PROXY_SSL_HEADER=X-Forwarded-Proto (see README, "Behind HTTPS").
SECURE_SSL_REDIRECT = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SALESDESK_HSTS_SECONDS", 31_536_000) if SESSION_COOKIE_SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SALESDESK_HSTS_SUBDOMAINS", False)
_proxy_ssl_header = env_str("SALESDESK_PROXY_SSL_HEADER", "").strip()
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _proxy_ssl_header.upper().replace("-", "_"),
        "https",
    )

# Content-Security-Policy (django-csp): scripts, styles and everything else from our own
# origin only; no inline script or style (htmx's indicator style is in salesdesk.css, see
# base.html). Item pictures are served by us; the favicon is a data: URL. No form-action:
# Authorize posts to us and is redirected on to Exact Online's consent page.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("SALESDESK_TIME_ZONE", "Europe/Amsterdam")
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = var_dir() / "static"
private_dir(STATIC_ROOT)  # whitenoise warns about a missing root
STATICFILES_DIRS = [BASE_DIR / "salesdesk" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = env_str("SALESDESK_MEDIA_ROOT", str(var_dir() / "media"))
MEDIA_URL = "/media/"

# Mail (alerts, order confirmations): printed on the console unless an SMTP server is set,
# with SALESDESK_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the rest.
EMAIL_BACKEND = env_str("SALESDESK_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("SALESDESK_FROM_EMAIL", "salesdesk@localhost")
EMAIL_HOST = env_str("SALESDESK_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SALESDESK_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("SALESDESK_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("SALESDESK_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SALESDESK_EMAIL_STARTTLS")
EMAIL_USE_SSL = env_bool("SALESDESK_EMAIL_SSL")
EMAIL_TIMEOUT = env_int("SALESDESK_EMAIL_TIMEOUT_SECONDS", 30)  # a stuck server frees the worker

# Exact Online. The defaults point at the embedded sandbox's demo app; a real
# app registration sets all four (see README "Connecting a real Exact Online app").
EXACT_CLIENT_ID = env_str("EXACT_CLIENT_ID", "5a1e5de5-0000-4000-8000-000000000001")
EXACT_CLIENT_SECRET = env_str("EXACT_CLIENT_SECRET", "sandbox-demo-secret")
EXACT_REDIRECT_URI = env_str("EXACT_REDIRECT_URI", f"{PUBLIC_URL}/exact/callback")
EXACT_SANDBOX_URL = env_str("EXACT_SANDBOX_URL", "http://127.0.0.1:8001")
EXACT_TIMEOUT_SECONDS = float(env_int("EXACT_TIMEOUT_SECONDS", 30))
# Where the app's credentials may go besides the country sites and the sandbox
# (integration/connection/exact_sites.py): origins the operator allows, and loopback
# (the demo only).
EXACT_EXTRA_HOSTS = [o.strip() for o in env_str("SALESDESK_EXACT_EXTRA_HOSTS", "").split(",") if o]
EXACT_ALLOW_LOOPBACK = env_bool("SALESDESK_EXACT_ALLOW_LOOPBACK", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("SALESDESK_LOG_LEVEL", "WARNING")},
}
