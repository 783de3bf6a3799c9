"""The customer panel as a user drives it: search, choose, new, edit, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from crm_desktop import service
from crm_desktop.ui.customers.panel import CustomerPanel
from tests.helpers.ui import PaintCounter, settle, show_active, wait_active


@pytest.fixture
def panel(qtbot, context):
    widget = CustomerPanel(context)
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    return show_active(qtbot, widget)


def names(panel) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def test_empty_state_says_what_to_do(panel):
    assert panel.empty.isVisible() and not panel.view.isVisible()
    assert "Ctrl+Shift+N" in panel.empty.text()


def test_new_customer_through_the_dialog(qtbot, panel, context):
    with qtbot.waitSignal(panel.customer_selected) as selected:
        dialog = wait_active(qtbot, panel.open_new_dialog())
        qtbot.keyClicks(dialog.inputs["name"], "ACME GmbH")
        qtbot.keyClicks(dialog.inputs["email"], "info@acme.example")
        qtbot.keyClicks(dialog.inputs["tags"], "VIP, Solar")
        assert dialog.inputs["nextcloud_folder"].text() == "/CRM/Customers/ACME GmbH"
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    (customer,) = service.list_customers()
    assert (customer.name, customer.tags) == ("ACME GmbH", ["VIP", "Solar"])
    assert selected.args == [customer.id] and panel.current_id == customer.id
    assert names(panel) == ["ACME GmbH"] and panel.view.isVisible()


def test_errors_show_at_the_field_and_nothing_is_lost(qtbot, panel):
    dialog = panel.open_new_dialog()
    qtbot.keyClicks(dialog.inputs["email"], "not an address")
    qtbot.keyClicks(dialog.inputs["notes"], "Met at the fair")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.form.error_text("name") == "This must not be empty."
    assert "e-mail" in dialog.form.error_text("email")
    assert dialog.values()["notes"] == "Met at the fair"
    assert dialog.inputs["name"].property("invalid") is True
    assert service.count_customers() == 0
    qtbot.keyClicks(dialog.inputs["name"], "Anna")
    dialog.inputs["email"].setText("anna@example.com")
    dialog.save()
    assert not dialog.isVisible() and service.count_customers() == 1


def test_cancel_with_typed_text_asks_first(qtbot, panel, prompts):
    dialog = panel.open_new_dialog()
    qtbot.keyClicks(dialog.inputs["name"], "Half typed")
    prompts.answers = [False]
    dialog.reject()
    assert dialog.isVisible() and prompts.asked[-1].kind == "confirm"
    dialog.reject()  # the default answer: discard
    assert not dialog.isVisible() and service.count_customers() == 0


def test_search_as_you_type_and_ctrl_f(qtbot, panel):
    for name in ("Anna Schmidt", "Bernd Müller", "Carla Diaz"):
        service.create_customer({"name": name})
    panel.model.reload()
    qtbot.keyClick(panel, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.search.hasFocus()
    qtbot.keyClicks(panel.search, "ller")  # QTest types ASCII only
    qtbot.waitUntil(lambda: names(panel) == ["Bernd Müller"])
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.view.hasFocus() and panel.current_id is not None
    panel.search.clear()
    qtbot.waitUntil(lambda: len(names(panel)) == 3)
    assert panel.model.index(panel.view.currentIndex().row(), 0).data() == "Bernd Müller"


def test_a_broad_search_lists_at_once_and_counts_when_the_typing_pauses(qtbot, panel):
    for number in range(panel.model.FIRST_PAGE_SIZE + 5):
        service.create_customer({"name": f"Weber {number:03}"})
    service.create_customer({"name": "Anna Schmidt"})
    counts: list[int] = []
    panel.count_changed.connect(counts.append)
    for typed in ("w", "we", "web"):  # letters typed faster than the count would take
        panel.model.set_search(typed)
        assert panel.model.rowCount() == panel.model.FIRST_PAGE_SIZE
    assert counts == [] and panel.count_pending  # the list is there, the count to follow
    qtbot.waitUntil(lambda: counts == [panel.model.FIRST_PAGE_SIZE + 5])
    panel.model.set_search("anna")  # every match loaded: they are the count, at once
    assert counts[-1] == 1


def test_a_keystroke_paints_the_list_once(panel):
    for number in range(panel.model.FIRST_PAGE_SIZE + 5):
        service.create_customer({"name": f"Weber {number:03}"})
    for name in ("Anna Schmidt", "Bernd Müller"):
        service.create_customer({"name": name})
    panel.model.reload()
    settle()
    paints = PaintCounter(panel.view.viewport())
    # Many rows, then few: the scroll range changes, the scroll bar and columns stay.
    for typed in ("we", "weber 00", "anna"):
        paints.count = 0
        panel.model.set_search(typed)
        settle()
        assert paints.count == 1, typed


def test_keyboard_navigation_chooses_customers(qtbot, panel):
    for name in ("Anna", "Bernd", "Carla"):
        service.create_customer({"name": name})
    panel.model.reload()
    panel.view.setFocus()
    panel.select_first()
    with qtbot.waitSignal(panel.customer_selected) as selected:
        qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert service.get_customer(selected.args[0]).name == "Bernd"


def test_edit_writes_only_what_changed(qtbot, panel):
    customer = service.create_customer({"name": "Anna", "phone": "+49 1"})
    panel.model.reload()
    panel.select_first()
    dialog = panel.open_edit_dialog()
    assert dialog.inputs["phone"].text() == "+49 1"
    dialog.inputs["organization"].setText("ACME")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    stored = service.get_customer(customer.id)
    assert (stored.organization, stored.phone) == ("ACME", "+49 1")
    assert panel.model.index(0, 1).data() == "ACME"


def test_delete_says_what_goes_along_and_asks(qtbot, panel, prompts):
    anna = service.create_customer({"name": "Anna"}).id
    bernd = service.create_customer({"name": "Bernd"}).id
    for _ in range(3):
        service.create_comm({"customer_id": anna, "type": "note", "direction": "internal"})
    service.create_media({"customer_id": anna, "filename": "a.pdf", "nextcloud_path": "/a.pdf"})
    panel.model.reload()
    panel.select_first()

    prompts.answers = [False]
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert "“Anna” with 3 communications and 1 media record?" in prompts.asked[-1].text
    assert service.count_customers() == 2

    with qtbot.waitSignal(panel.customer_selected) as selected:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert [c.id for c in service.list_customers()] == [bernd]
    assert service.count_comms(anna) == 0 and service.count_media(anna) == 0
    assert names(panel) == ["Bernd"] and selected.args in ([None], [bernd])
    qtbot.waitUntil(lambda: panel.current_id == bernd)


def test_an_edit_of_a_customer_changed_meanwhile_asks_which_to_keep(qtbot, panel, prompts):
    customer = service.create_customer({"name": "Anna", "phone": "+49 1"})
    panel.model.reload()
    panel.select_first()
    dialog = panel.open_edit_dialog()
    service.update_customer(customer.id, {"phone": "+49 2"})  # someone else, meanwhile
    dialog.inputs["phone"].setText("+49 3")
    prompts.choices = [-1]
    dialog.save()
    assert dialog.isVisible() and prompts.asked[-1].title == "Changed meanwhile"
    assert service.get_customer(customer.id).phone == "+49 2"
    prompts.choices = [0]  # keep mine
    dialog.save()
    assert not dialog.isVisible() and service.get_customer(customer.id).phone == "+49 3"


def test_an_edit_of_a_customer_deleted_meanwhile_can_be_saved_anew(qtbot, panel, prompts):
    customer = service.create_customer({"name": "Anna"})
    panel.model.reload()
    panel.select_first()
    dialog = panel.open_edit_dialog()
    service.delete_customer(customer.id)
    dialog.inputs["notes"].setPlainText("Still wants an offer")
    prompts.choices = [0]  # save as new
    dialog.save()
    (again,) = service.list_customers()
    assert (again.name, again.notes) == ("Anna", "Still wants an offer")
    assert again.id != customer.id and not dialog.isVisible()


def test_the_delete_question_counts_in_whole_phrases(panel):
    assert panel.delete_question("Anna", 1, 0).startswith("Delete “Anna” with 1 communication?")
    assert panel.delete_question("Anna", 0, 2).startswith("Delete “Anna” with 2 media records?")
    assert panel.delete_question("Anna", 0, 0).startswith("Delete “Anna”?")
