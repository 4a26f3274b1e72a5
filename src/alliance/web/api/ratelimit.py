"""A fixed-window request limit per token, counted in the cache (per server process)."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60


class RateLimited(Exception):
    """Too many requests with one token in this minute; `retry_after` is in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(f"too many requests with this token; retry in {retry_after} s")
        self.retry_after = retry_after


def check_rate(token) -> None:
    """Count one request for this token; RateLimited past the configured limit."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"api-rate:{token.pk}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    if cache.incr(key) > settings.API_RATE_PER_MINUTE:
        raise RateLimited(retry_after=max(1, int((window + 1) * WINDOW_SECONDS - now)))
