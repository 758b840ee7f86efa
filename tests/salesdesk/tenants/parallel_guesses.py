"""60 parallel wrong passwords against a file SQLite database (run as a module).

Prints one JSON line: the answers' status codes, how many passwords were really checked,
and the status of another company's login afterwards. Used by test_login_guard.py.
"""

from __future__ import annotations

import collections
import json
import threading

import django
from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    """MD5 that counts the passwords it was asked to verify (a real check each time)."""

    checked = 0
    lock = threading.Lock()

    def verify(self, password, encoded):
        with CountingHasher.lock:
            CountingHasher.checked += 1
        return super().verify(password, encoded)


def main() -> None:
    from django.conf import settings

    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from tests.salesdesk.factories import make_company, make_user

    call_command("migrate", verbosity=0)
    acme, globex = make_company(slug="acme"), make_company(slug="globex")
    make_user(company=acme, username="alice", password="alice-secret-1")
    make_user(company=globex, username="gina", password="gina-secret-1")
    CountingHasher.checked = 0
    barrier = threading.Barrier(60)
    answers: list[str] = []

    def guess(n: int) -> None:
        try:
            barrier.wait()
            data = {"identifier": "alice", "password": f"guess-{n}"}
            answers.append(
                str(Client(REMOTE_ADDR="10.0.0.1").post("/acme/login", data).status_code)
            )
        except Exception as exc:
            answers.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    checked = CountingHasher.checked
    data = {"identifier": "gina", "password": "gina-secret-1"}
    other = Client(REMOTE_ADDR="10.0.0.1").post("/globex/login", data).status_code
    result = {"answers": collections.Counter(answers), "checked": checked}
    print(json.dumps({**result, "other_company_login": other}))


if __name__ == "__main__":
    main()
