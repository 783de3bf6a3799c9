"""The dialogs' validation, fed odd input: an error at a field, or a record that reads back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop import service
from crm_desktop.ui.customers.dialog import CustomerDialog
from crm_desktop.ui.timeline.composer import CommDialog

TYPED = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(name=TYPED, email=TYPED, phone=TYPED, notes=TYPED, folder=TYPED)
def test_customer_dialog(qtbot, context, name, email, phone, notes, folder):
    before = service.count_customers()
    dialog = CustomerDialog.for_new(context)
    qtbot.addWidget(dialog)
    dialog.inputs["name"].setText(name)
    dialog.inputs["email"].setText(email)
    dialog.inputs["phone"].setText(phone)
    dialog.inputs["notes"].setPlainText(notes)
    dialog.inputs["nextcloud_folder"].setText(folder)
    typed = dialog.values()
    dialog.open()
    dialog.save()
    if dialog.saved_id is None:
        assert dialog.isVisible() and service.count_customers() == before
        assert any(dialog.form.error_text(k) for k in ("", *dialog.inputs))
        assert dialog.values() == typed  # nothing lost
    else:
        # What the widgets hold (a text edit turns "\r" into a line break) is what is kept.
        stored = service.get_customer(dialog.saved_id)
        assert stored.name == typed["name"].strip()
        assert (stored.email or "") == typed["email"].strip()
        assert (stored.notes or "") == (typed["notes"] if typed["notes"].strip() else "")
    dialog.done(0)
    dialog.deleteLater()


@PROPERTY
@given(subject=TYPED, body=TYPED)
def test_comm_dialog(qtbot, context, customer_id, subject, body):
    dialog = CommDialog.for_new(context, customer_id)
    qtbot.addWidget(dialog)
    dialog.subject.setText(subject)
    dialog.body.setPlainText(body)
    # What the widgets hold (a text edit turns "\r" into a line break) is what is kept.
    subject, body = dialog.subject.text(), dialog.body.toPlainText()
    dialog.open()
    dialog.save()
    if dialog.saved_id is None:  # refused: said at the field, nothing lost
        assert dialog.isVisible()
        assert dialog.form.error_text("subject") or dialog.form.error_text("body")
        assert (dialog.subject.text(), dialog.body.toPlainText()) == (subject, body)
        # A NUL character cannot be stored; an entry with no text at all is not logged.
        assert "\x00" in subject + body or not (subject + body).strip()
    else:
        stored = service.get_comm(dialog.saved_id)
        assert (stored.subject or "") == subject.strip()
        assert (stored.body or "") == (body if body.strip() else "")
    dialog.done(0)
    dialog.deleteLater()
