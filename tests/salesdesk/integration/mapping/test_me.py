from salesdesk.integration.mapping.me import divisions_from_exact, user_from_exact


def test_the_user_reads_in_our_words_and_labels_itself_with_name_and_login():
    me = {"UserID": "7b0f", "FullName": "Anna de Vries", "UserName": "anna", "CurrentDivision": 5}
    user = user_from_exact(me)
    assert (user.user_id, user.current_division) == ("7b0f", 5)
    assert user.label == "Anna de Vries (anna)"


def test_a_user_without_names_or_division_is_still_one():
    user = user_from_exact({"UserName": "anna"})
    assert (user.user_id, user.current_division, user.label) == (None, 0, "anna")
    assert user_from_exact({}).label == "unknown user"


def test_divisions_are_code_to_name():
    rows = [{"Code": "100001", "Description": "Demo Wholesale B.V."}, {"Code": 7}]
    assert divisions_from_exact(rows) == {100001: "Demo Wholesale B.V.", 7: ""}
