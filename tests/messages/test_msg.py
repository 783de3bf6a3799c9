"""Outlook .msg files: the MSGReader project's real samples, and copies of them changed here
for the cases Outlook rarely writes (8-bit strings, damage, other item kinds)."""

from __future__ import annotations

import shutil
import struct
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

import olefile
import pytest

from crm_desktop.messages import Limits, SourceFormat, read_message_file
from crm_desktop.models import CommType

SAMPLES = Path(__file__).parents[1] / "data" / "msg"


def only_message(path: Path):
    outcome = read_message_file(path)
    assert outcome.ok, outcome.unreadable
    assert outcome.source_format is SourceFormat.msg
    (message,) = outcome.messages
    return message


def test_plain_text_sample():
    message = only_message(SAMPLES / "TxtSampleEmail.msg")
    assert message.type is CommType.email
    assert message.subject == "TxtSampleEmail"
    assert message.body.startswith("BOOK ONE: 1805\n\nCHAPTER I\n\n“Well, Prince, so Genoa")
    assert message.sender is not None
    assert (message.sender.name, message.sender.email) == (
        "Wilson, Chris",
        "Chris.Wilson@leeds.gov.uk",
    )
    # PidTagClientSubmitTime, as the mail's Date header says.
    assert message.occurred_at == datetime(2017, 10, 23, 7, 31, 27, tzinfo=UTC)
    assert message.ext_message_id == (
        "<6BA412B7BBD2FD42861293C22F31BF8F1AECAB77@pifmbx04.Leeds.gov.uk>"
    )


@pytest.mark.parametrize("name", ["HtmlSampleEmail.msg", "RtfSampleEmail.msg"])
def test_without_a_plain_body_html_or_rtf_give_the_text(tmp_path, name):
    path = tmp_path / name
    shutil.copy(SAMPLES / name, path)
    _rename_entry(path, "__substg1.0_1000001F", "__substg1.0_1000001X")  # no PidTagBody
    message = only_message(path)
    assert "“Well, Prince, so Genoa and Lucca are now just family estates of the" in message.body
    for markup in ("<p", "<html", "<div", "\\rtf", "\\par", "{"):
        assert markup not in message.body


def test_rtf_only_body_is_unpacked_in_its_code_page():
    # No PidTagBody: the text comes from the compressed RTF (\ansicpg1251).
    message = only_message(SAMPLES / "RtfWithShortRussianString.msg")
    assert message.body == "ввести  «Имя пользователя» (email) и  «Пароль» (password)."


def test_attachments_by_value_with_inline_image():
    message = only_message(SAMPLES / "EmailWithAttachments.msg")
    assert [(a.filename, a.size, a.inline) for a in message.attachments] == [
        ("peterpan.jpg", 39150, False),
        ("tinkerbell.jpg", 49353, True),
    ]
    data = message.attachments[0].read_bytes()
    assert data[:2] == b"\xff\xd8" and len(data) == 39150
    assert [r.email for r in message.recipients] == [
        "crocodile@neverland.com",
        "tinkerbel@neverland.com",
        "wendy@neverland.com",
    ]


def test_an_attached_outlook_message_becomes_an_eml():
    message = only_message(SAMPLES / "EmailWithMsgAttachment.msg")
    (attachment,) = message.attachments
    assert attachment.filename == "Msg Attachment Test.eml"
    inner = message_from_bytes(attachment.read_bytes(), policy=policy.default)
    assert inner["Subject"] == "Msg Attachment Test"
    assert inner["Date"]


def test_sender_without_smtp_address_keeps_the_name():
    message = only_message(SAMPLES / "sender_not_found_from_exchange.msg")
    assert message.sender is not None and message.sender.name == "Myriam VAREME"
    assert message.sender.email is None


def test_unicode_subject_sample():
    message = only_message(SAMPLES / "EmailWithSpecialCharsInSubject.msg")
    assert message.subject == (
        "Un sujet bien défini Àéroport mañana être ouïe électricité così próxima à Ô"
    )


def test_attachment_above_the_limit_is_left_out(tmp_path):
    outcome = read_message_file(SAMPLES / "EmailWithAttachments.msg", Limits(attachment=45_000))
    (message,) = outcome.messages
    assert [a.filename for a in message.attachments] == ["peterpan.jpg"]
    assert "tinkerbell.jpg (49 kB) was left out" in message.problems[0]


# --- changed copies ---------------------------------------------------------------------------


def _rename_entry(path: Path, old: str, new: str) -> None:
    """Rename a stream in the compound file's directory (same length: bytes in place)."""
    data = path.read_bytes()
    encoded_old, encoded_new = old.encode("utf-16-le"), new.encode("utf-16-le")
    assert data.count(encoded_old) == 1
    path.write_bytes(data.replace(encoded_old, encoded_new))


def _set_fixed(path: Path, prop: int, value: int) -> None:
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream("__properties_version1.0").read())
        for offset in range(32, len(data) - 15, 16):
            tag = struct.unpack_from("<I", data, offset)[0]
            if tag >> 16 == prop:
                struct.pack_into("<q", data, offset + 8, value)
        ole.write_stream("__properties_version1.0", bytes(data))


def test_8bit_strings_are_read_in_the_message_code_page(tmp_path):
    path = tmp_path / "ansi.msg"
    shutil.copy(SAMPLES / "TxtSampleEmail.msg", path)
    size = 28  # the subject stream's size: a stream is rewritten in place
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        ole.write_stream("__substg1.0_0037001F", "Привет мир".encode("cp1251").ljust(size, b"\0"))
    _rename_entry(path, "__substg1.0_0037001F", "__substg1.0_0037001E")
    _set_fixed(path, 0x3FFD, 1251)  # PidTagMessageCodepage
    assert only_message(path).subject == "Привет мир"


def test_a_cut_off_file_is_unreadable_with_a_reason(tmp_path):
    data = (SAMPLES / "EmailWithAttachments.msg").read_bytes()
    for size in (100, 4096, len(data) // 2):
        path = tmp_path / f"cut-{size}.msg"
        path.write_bytes(data[:size])
        outcome = read_message_file(path)
        assert not outcome.ok
        assert outcome.unreadable is not None and "damaged or incomplete" in outcome.unreadable


def test_another_outlook_item_is_not_an_email(tmp_path):
    path = tmp_path / "task.msg"
    shutil.copy(SAMPLES / "TxtSampleEmail.msg", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        ole.write_stream("__substg1.0_001A001F", "IPM.Task".encode("utf-16-le"))
    outcome = read_message_file(path)
    assert outcome.unreadable == "This Outlook item is a task, not an e-mail."


def test_an_office_document_is_not_an_outlook_message(tmp_path):
    path = tmp_path / "doc.msg"
    shutil.copy(SAMPLES / "TxtSampleEmail.msg", path)
    _rename_entry(path, "__substg1.0_001A001F", "__substg1.0_001A001X")  # no message class
    assert read_message_file(path).unreadable == (
        "This is an Office document, not an Outlook message."
    )


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.msg")), ids=lambda p: p.name)
def test_every_sample_reads_with_storable_text(path):
    message = only_message(path)
    for text in (message.subject or "", message.body):
        text.encode("utf-8")
        assert "\x00" not in text
    assert message.ext_message_id
