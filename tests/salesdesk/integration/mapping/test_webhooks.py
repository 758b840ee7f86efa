import pytest

from salesdesk.integration.mapping.webhooks import (
    NoticeContentInvalid,
    notice_from_exact,
    subscription_from_exact,
)

KEY = "8A1C0F4E-0000-4000-8000-000000000001"


def test_a_notice_reads_in_our_words_with_a_lowercase_key():
    content = {"Topic": "Items", "Division": "100001", "Action": "Update", "Key": KEY}
    assert notice_from_exact(content) == {
        "topic": "Items",
        "division": 100001,
        "action": "Update",
        "key": KEY.lower(),
        "event_created_on": "",
    }


@pytest.mark.parametrize(
    "content",
    [[], {"Topic": "Items", "Division": 1, "Action": "Update"}, {"Topic": "Items",
     "Division": "one", "Action": "Update", "Key": KEY}],
)  # fmt: skip
def test_content_that_is_no_notice_is_refused(content):
    with pytest.raises(NoticeContentInvalid):
        notice_from_exact(content)


def test_a_subscription_row_reads_in_our_words():
    row = {"ID": KEY.lower(), "Topic": "Accounts", "CallbackURL": "https://x/exact/webhooks/a"}
    subscription = subscription_from_exact(row)
    assert (subscription.topic, subscription.callback_url) == ("Accounts", row["CallbackURL"])
    assert str(subscription.exact_uuid) == KEY.lower()
    assert subscription_from_exact({"ID": KEY}).callback_url == ""
