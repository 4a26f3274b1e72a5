"""Each question is a field of its own: no hint repeating the buttons' own words (a 0-10 scale shown
as numbers keeps its anchors as the hint), and a form never changes another form's fields."""

from alliance.web.checkin.forms import CheckinForm


def test_only_number_scales_carry_an_anchor_hint():
    form = CheckinForm(instruments=["alliance-checkin", "phq-9"], goals=[])
    assert form.fields["alliance-checkin__1"].hint.startswith("0 means")
    assert form.fields["alliance-checkin__8"].hint == ""
    assert all(form.fields[f"phq-9__{n}"].hint == "" for n in range(1, 10))


def test_two_forms_never_share_a_field():
    first = CheckinForm(instruments=["phq-9"], goals=[])
    second = CheckinForm(instruments=["phq-9"], goals=[])
    first.fields["phq-9__1"].label = "changed"
    assert second.fields["phq-9__1"].label != "changed"


def test_a_form_may_change_its_widget_without_changing_the_next_form():
    first = CheckinForm(instruments=["phq-9"], goals=[])
    first.fields["phq-9__1"].widget.attrs["class"] = "changed"
    first.fields["phq-9__1"].error_messages["required"] = "changed"
    second = CheckinForm(instruments=["phq-9"], goals=[])
    assert "class" not in second.fields["phq-9__1"].widget.attrs
    assert second.fields["phq-9__1"].error_messages["required"] == "Please choose an answer."
