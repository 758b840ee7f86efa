"""Error answers in every shape a foreign Exact may send (spec §5.1-§5.2): always the tree."""

import httpx
import pytest

from exact_client.errors import AuthError, ExactError, Rejected, ServerError, TransportError
from tests.exact_client.foreign_server import BASE, GUID, Script, first_page, json_answer


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (
            {"error": {"code": "", "message": {"lang": "", "value": "Bad\r\nfilter"}}},
            "Bad\r\nfilter",
        ),
        ({"error": {"code": "E1", "message": "plain text"}}, "plain text"),
        ({"error": {"code": "E1", "message": {"lang": "", "value": None}}}, "E1"),
        ({"odata.error": {"code": "", "message": {"value": "v3 shape"}}}, "v3 shape"),
        ({"fault": "gateway said no"}, "gateway said no"),
        ({"Message": "An error has occurred."}, "An error has occurred."),
        ({"error": "invalid_request", "error_description": "oauth shape"}, "oauth shape"),
        (["a", "list"], "Bad Request"),
        ({"error": {"code": "", "message": {}}}, "Bad Request"),
    ],
)
def test_any_json_error_shape_gives_a_rejection_with_exacts_text(body, text):
    script = Script(json_answer(body, status=400))
    with pytest.raises(Rejected) as caught:
        first_page(script.client())
    assert text in caught.value.message and caught.value.status == 400
    assert len(script.seen) == 1  # a functional error is never retried (§2.1 error budget)


@pytest.mark.parametrize(
    ("content", "content_type", "text"),
    [
        (b"", "", "Forbidden"),
        (b"<html><body>Forbidden</body></html>", "text/html", "Forbidden"),
        (
            b'<?xml version="1.0"?><error><code/>'
            b'<message xml:lang="en">No rights</message></error>',
            "application/xml",
            "No rights",
        ),
        (b"\xff\xfe garbage", "application/json", "Forbidden"),
    ],
)
def test_a_403_with_an_empty_html_xml_or_garbled_body_keeps_the_reason_header(
    content, content_type, text
):
    answer = httpx.Response(
        403, content=content, headers={"Content-Type": content_type, "Reason": "NoDivisionAccess"}
    )
    with pytest.raises(Rejected) as caught:
        first_page(Script(answer).client())
    assert text in caught.value.message and "NoDivisionAccess" in caught.value.message


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
@pytest.mark.parametrize("content", [b"", b"<html>down</html>", b"<error><message>x</message>"])
def test_server_trouble_in_any_body_is_retried_boundedly_then_a_server_error(status, content):
    script = Script(httpx.Response(status, content=content))
    with pytest.raises(ServerError) as caught:
        first_page(script.client())
    assert caught.value.retriable and caught.value.status == status
    assert len(script.seen) == 3 and len(script.sleeps) == 2


def test_a_redirect_to_the_login_page_is_an_auth_error():
    login = httpx.Response(302, headers={"Location": f"{BASE}/docs/Login.aspx?ReturnUrl=/api"})
    with pytest.raises(AuthError):
        first_page(Script(login).client())


def test_a_login_page_reached_through_a_followed_redirect_is_an_auth_error():
    def answer(request):
        if request.url.path.startswith("/docs/"):
            return httpx.Response(200, content=b"<html>Log in</html>")
        return httpx.Response(302, headers={"Location": "/docs/Login.aspx?ReturnUrl=/api"})

    script = Script(answer)
    with pytest.raises(AuthError):
        first_page(script.client(follow_redirects=True))
    assert len(script.seen) == 2  # not retried like a maintenance page


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(201, content=b""),
        json_answer({"d": []}, status=201),
        json_answer({"d": {}}, status=201),
        json_answer({"ok": True}, status=201),
    ],
)
def test_a_stored_post_with_an_unreadable_answer_is_ambiguous_not_a_crash(answer):
    script = Script(answer)
    with pytest.raises(TransportError) as caught:
        script.client().sales_orders.create({"OrderedBy": GUID, "SalesOrderLines": []})
    assert caught.value.ambiguous is True  # look it up by YourRef before posting again
    assert len(script.seen) == 1


def test_a_webhook_subscription_post_answered_with_204_is_ambiguous():
    script = Script(httpx.Response(204))
    with pytest.raises(TransportError) as caught:
        script.client().webhook_subscriptions.create(topic="Items", callback_url="https://x/h")
    assert caught.value.ambiguous is True


def test_me_without_a_row_is_an_exact_error():
    with pytest.raises(TransportError, match="no current user"):
        Script(json_answer({"d": {"results": []}})).client().me()


def test_a_picture_url_on_another_host_is_refused_as_an_exact_error():
    script = Script(httpx.Response(200, content=b"png"))
    client = script.client()
    with pytest.raises(ExactError) as caught:
        client.pictures.download("https://cdn.example/pic.png")
    assert not caught.value.retriable and script.seen == []
    own = f"{BASE}//docs/images/placeholder_item.png"
    assert client.pictures.download(own.replace("https", "http")) == b"png"
    assert script.seen[0].url.scheme == "https"  # the token never travels in clear


@pytest.mark.parametrize(
    "body",
    [{"d": {}}, {"d": {"UserHasRights": "yes"}}, {"d": []}, ["no", "envelope"]],
    ids=["missing", "not-a-boolean", "list", "no-envelope"],
)
def test_a_user_has_rights_answer_without_a_yes_or_no_is_a_transport_error(body):
    script = Script(json_answer(body))
    with pytest.raises(TransportError, match="without a yes or no"):
        script.client().user_has_rights("salesorder/SalesOrders", "POST")
    assert script.seen[0].url.params["endpoint"] == "'salesorder/SalesOrders'"
    assert script.seen[0].url.params["action"] == "'POST'"
