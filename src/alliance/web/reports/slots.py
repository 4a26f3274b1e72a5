"""At most one report (page or PDF) renders at a time in each server process.

A report reads a whole caseload and may render a PDF: seconds of CPU. A server process runs a few
threads (see `alliance serve`); were every thread rendering reports, a client sending a check-in
would wait behind them. A report that finds its process busy is answered at once with 503 and
Retry-After, so its thread is free again at once and the check-in never queues behind reports.
"""

from __future__ import annotations

import functools
import threading

from django.shortcuts import render

REPORT_SLOTS = 1
RETRY_AFTER_SECONDS = 5
_slots = threading.BoundedSemaphore(REPORT_SLOTS)


def one_report_at_a_time(view):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        if not _slots.acquire(blocking=False):
            return _busy(request)
        try:
            return view(request, *args, **kwargs)
        finally:
            _slots.release()

    return guarded


def _busy(request):
    page = render(
        request,
        "reports/busy.html",
        {"retry_after": RETRY_AFTER_SECONDS},
        status=503,
    )
    page["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return page
