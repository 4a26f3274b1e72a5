"""Keep check-in tokens out of the logs: a request line names the path, which holds the token."""

from __future__ import annotations

import logging
import re

TOKEN_PATH = re.compile(r"/c/[A-Za-z0-9_-]+/")


class RedactCheckinTokens(logging.Filter):
    """Replace the token in any /c/<token>/ path of a log message with a placeholder."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if TOKEN_PATH.search(message):
            record.msg, record.args = TOKEN_PATH.sub("/c/[token]/", message), ()
        return True
