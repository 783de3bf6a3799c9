"""The one way an editing dialog saves (ui/dialogs/editing.py), through the customer dialog:
validation at the fields, one message for the rest, and the "changed meanwhile" flow."""

from __future__ import annotations

from crm_desktop import service
from crm_desktop.ui.customers.dialog import CustomerDialog
from tests.helpers.errors import database_busy


def edit_dialog(qtbot, context, customer_id) -> CustomerDialog:
    dialog = CustomerDialog.for_edit(context, service.get_customer(customer_id))
    qtbot.addWidget(dialog)
    return dialog


def test_the_model_decides_what_is_valid_and_says_it_at_the_field(qtbot, context, customer_id):
    dialog = edit_dialog(qtbot, context, customer_id)
    dialog.inputs["email"].setText("not an address")
    dialog.save()
    assert dialog.form.error_text("email") and dialog.form.error_text("") == ""
    assert service.get_customer(customer_id).email == "info@acme.example"


def test_an_error_of_no_field_is_one_message_and_nothing_typed_is_lost(
    qtbot, context, customer_id, monkeypatch
):
    def busy(*_args, **_kwargs):
        raise database_busy()

    monkeypatch.setattr(service, "update_customer", busy)
    dialog = edit_dialog(qtbot, context, customer_id)
    dialog.inputs["phone"].setText("+49 30 1234")
    dialog.save()
    assert dialog.form.error_text("").startswith("The database is busy: ")
    assert dialog.inputs["phone"].text() == "+49 30 1234" and dialog.saved_id is None


def test_keep_mine_over_a_record_that_moves_again_asks_again(
    qtbot, context, prompts, customer_id, monkeypatch
):
    dialog = edit_dialog(qtbot, context, customer_id)
    dialog.inputs["phone"].setText("111")
    service.update_customer(customer_id, {"phone": "222"})  # another desk, meanwhile
    real_update = service.update_customer
    calls: list[str] = []

    def and_again(record_id, data, expected=None):
        calls.append(record_id)
        if len(calls) == 2:  # a third desk writes between the question and "keep mine"
            real_update(record_id, {"phone": "333"})
        return real_update(record_id, data, expected=expected)

    prompts.choices[:] = [0, 0]  # keep mine, twice
    monkeypatch.setattr(service, "update_customer", and_again)
    dialog.save()
    assert [asked.title for asked in prompts.asked] == ["Changed meanwhile", "Changed meanwhile"]
    assert service.get_customer(customer_id).phone == "111"
    assert dialog.saved_id == customer_id and not dialog.isVisible()
