"""Migrate a live clinic's database and seed check-in links, in a process of its own:
python -m tests.web.live_seed OUT.json N  (writes the N posts as [[path, fields], ...])."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(out: str, n_links: str) -> int:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from benchmarks._web_data import seed_checkin_links

    posts = seed_checkin_links(int(n_links), sessions_per_client=10)
    Path(out).write_text(json.dumps([[post.path, post.fields] for post in posts]))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
