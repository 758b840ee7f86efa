"""Waiting in the browser for the reps' app's service worker."""

from __future__ import annotations

# Not page.wait_for_function: its polling evaluates a string in the page, which the app's
# Content-Security-Policy (no 'unsafe-eval') refuses whenever the first check is false.
CONTROLLED_JS = """async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise(done => navigator.serviceWorker.addEventListener("controllerchange", done));
  }
}"""


def controlled(page) -> None:
    """Return once the app's service worker controls `page` (it answers offline from then)."""
    page.evaluate(CONTROLLED_JS)
