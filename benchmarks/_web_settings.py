"""Benchmark-only settings: the clinic app plus a bare insert view; never shipped with the app."""

from alliance.web.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks._web_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
