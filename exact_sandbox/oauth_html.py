"""The HTML of the sandbox's login, consent and error pages: plain forms a browser
(or Playwright, by label) can fill."""

from __future__ import annotations

from html import escape

_STYLE = (
    "body{font-family:sans-serif;background:#f4f6f8;margin:0}"
    "main{max-width:28rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:6px}"
    "label{display:block;margin:.8rem 0 .2rem}input[type=text],input[type=password]{width:100%}"
    ".error{color:#b00020}button{margin-top:1rem;margin-right:.5rem}"
)
AUTH_FIELDS = ("client_id", "redirect_uri", "response_type", "state", "force_login")


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{_STYLE}</style></head>"
        f"<body><main><h1>Exact Online</h1>{body}</main></body></html>"
    )


def _hidden(params: dict[str, str]) -> str:
    return "".join(
        f'<input type="hidden" name="{name}" value="{escape(params.get(name, ""))}">'
        for name in AUTH_FIELDS
    )


def _error(message: str) -> str:
    return f'<p class="error" role="alert">{escape(message)}</p>' if message else ""


def error_page(message: str) -> str:
    return _page("Exact Online - Error", f"<h2>Error</h2>{_error(message)}")


def login_page(app_name: str, params: dict[str, str], error: str = "") -> str:
    body = (
        f"<h2>Log in</h2><p>Log in to give <strong>{escape(app_name)}</strong> access.</p>"
        f'{_error(error)}<form method="post" action="/api/oauth2/login">{_hidden(params)}'
        '<label for="username">Username</label>'
        '<input type="text" id="username" name="username" autocomplete="username" required>'
        '<label for="password">Password</label>'
        '<input type="password" id="password" name="password" '
        'autocomplete="current-password" required>'
        '<button type="submit">Log in</button></form>'
    )
    return _page("Exact Online - Log in", body)


def consent_page(
    app_name: str,
    user_label: str,
    divisions: list[tuple[int, str]],
    params: dict[str, str],
    error: str = "",
) -> str:
    boxes = "".join(
        f'<label><input type="checkbox" name="division" value="{code}" checked> '
        f"{escape(name)} ({code})</label>"
        for code, name in divisions
    )
    body = (
        f"<h2>Grant access</h2><p><strong>{escape(app_name)}</strong> asks for access to your "
        f"administrations in Exact Online, to read customers and items and to submit orders.</p>"
        f"<p>Logged in as {escape(user_label)}.</p>{_error(error)}"
        f'<form method="post" action="/api/oauth2/consent">{_hidden(params)}'
        f"<fieldset><legend>Administrations</legend>{boxes}</fieldset>"
        '<button type="submit" name="decision" value="grant">Grant</button>'
        '<button type="submit" name="decision" value="deny">Deny</button></form>'
    )
    return _page("Exact Online - Grant access", body)
