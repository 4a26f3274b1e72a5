import logging

from alliance.web.logs import RedactCheckinTokens


def test_check_in_tokens_never_reach_the_log():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /c/AbC-12_xyz/ HTTP/1.1", "200", "512"),
        None,
    )
    RedactCheckinTokens().filter(record)
    assert record.getMessage() == '"GET /c/[token]/ HTTP/1.1" 200 512'


def test_other_paths_are_left_alone():
    record = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, "GET %s", ("/caseload/",), None
    )
    RedactCheckinTokens().filter(record)
    assert record.getMessage() == "GET /caseload/"
