"""WhatsApp chat exports: both phones' layouts, their variants, media in a .zip, and keys."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from crm_desktop.messages import Limits, SourceFormat, participants, read_message_file
from crm_desktop.messages.whatsapp import chat_title, date_order
from crm_desktop.models import CommType

BERLIN = ZoneInfo("Europe/Berlin")
LRM, NNBSP = "\u200e", "\u202f"

ANDROID = """\
14/02/2026, 18:22 - Messages and calls are end-to-end encrypted. No one outside of this chat, \
not even WhatsApp, can read or listen to them. Tap to learn more.
14/02/2026, 18:22 - Anna Müller: Hello, is the roof done?
It rained: the attic is wet.
14/02/2026, 18:23 - Office: <Media omitted>
14/02/2026, 18:24 - Office: IMG-20260214-WA0001.jpg (file attached)
Here is the photo
15/02/2026, 09:05 - Anna Müller: ok
15/02/2026, 09:05 - Anna Müller: ok
15/02/2026, 09:06 - Anna Müller changed the subject from "a" to "b: c"
15/02/2026, 09:07 - Office: This message was deleted
15/02/2026, 09:08 - Office: Thanks <This message was edited>
"""

IOS = (
    f"[14.02.26, 18:22:09] Anna: {LRM}Messages and calls are end-to-end encrypted.\n"
    f"{LRM}[14.02.26, 6:22:10{NNBSP}PM] Anna: Hi\n"
    f"[14.02.26, 18:23:00] Office: {LRM}<attached: 00000012-PHOTO-2026-02-14-18-22-09.jpg>\n"
    f"[14.02.26, 18:23:05] Office: {LRM}image omitted\n"
)


def write_chat(folder: Path, text: str, name: str = "WhatsApp Chat with Anna Müller.txt") -> Path:
    path = folder / name
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    return path


def read(path: Path, **limits: int):
    outcome = read_message_file(path, Limits(**limits), zone=BERLIN)
    assert outcome.ok, outcome.unreadable
    assert outcome.source_format is SourceFormat.whatsapp
    return outcome


def test_android_layout(tmp_path):
    outcome = read(write_chat(tmp_path, ANDROID))
    assert outcome.chat_title == "Anna Müller"
    rows = [(m.sender.name if m.sender else None, m.body) for m in outcome.messages]
    assert rows == [
        ("Anna Müller", "Hello, is the roof done?\nIt rained: the attic is wet."),
        ("Office", "IMG-20260214-WA0001.jpg (file attached)\nHere is the photo"),
        ("Anna Müller", "ok"),
        ("Anna Müller", "ok"),
        ("Office", "Thanks"),
    ]
    first = outcome.messages[0]
    assert first.type is CommType.whatsapp
    assert first.occurred_at == datetime(2026, 2, 14, 17, 22, tzinfo=UTC)  # 18:22 in Berlin
    assert first.occurred_at_storage == "2026-02-14T17:22:00.000000"
    # The photo is not in a .txt export: the line stays, a note says why.
    assert "1 files named in the chat are not in the export" in outcome.problems[0]


def test_ios_zip_with_media(tmp_path):
    chat = tmp_path / "_chat.txt"
    chat.write_text(IOS, encoding="utf-8")
    path = tmp_path / "WhatsApp Chat - Anna.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(chat, "_chat.txt")
        archive.writestr("00000012-PHOTO-2026-02-14-18-22-09.jpg", b"\xff\xd8photo")
        archive.writestr("../../evil.txt", b"x")
    outcome = read(path)
    assert outcome.chat_title == "Anna"
    hi, photo = outcome.messages
    assert (hi.sender.name if hi.sender else None, hi.body) == ("Anna", "Hi")
    assert hi.occurred_at == datetime(2026, 2, 14, 17, 22, 10, tzinfo=UTC)
    assert photo.body == ""
    (attachment,) = photo.attachments
    assert attachment.filename == "00000012-PHOTO-2026-02-14-18-22-09.jpg"
    assert attachment.size == 7 and attachment.read_bytes() == b"\xff\xd8photo"
    assert outcome.problems == ()


def test_same_messages_get_the_same_keys_in_a_later_export(tmp_path):
    first = read(write_chat(tmp_path, ANDROID))
    later_text = ANDROID + "16/02/2026, 10:00 - Anna Müller: ok\n"
    (tmp_path / "later").mkdir()
    later_name = "WhatsApp Chat with Anna Müller (2).txt"
    later = read(write_chat(tmp_path / "later", later_text, later_name))
    keys = [m.ext_message_id for m in first.messages]
    later_keys = [m.ext_message_id for m in later.messages]
    assert later_keys[: len(keys)] == keys
    assert len(set(later_keys)) == len(later_keys) == len(keys) + 1  # "ok" twice: counted
    other_chat = read(write_chat(tmp_path, ANDROID, "WhatsApp Chat with Bob.txt"))
    assert not set(keys) & {m.ext_message_id for m in other_chat.messages}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2/14/26, 6:22 PM - A: x", datetime(2026, 2, 14, 18, 22)),
        ("14.02.26, 18:22 - A: x", datetime(2026, 2, 14, 18, 22)),
        ("14-02-2026 18:22 - A: x", datetime(2026, 2, 14, 18, 22)),
        ("2026-02-14, 18:22 - A: x", datetime(2026, 2, 14, 18, 22)),
        ("14/02/2026, 6:22\u202fp.\u202fm. - A: x", datetime(2026, 2, 14, 18, 22)),
        ("14/02/2026, 12:05 a. m. - A: x", datetime(2026, 2, 14, 0, 5)),
        ("[14/02/2026, 12:05:09 PM] A: x", datetime(2026, 2, 14, 12, 5, 9)),
        ("\u200e[14.02.26, 18:22:09] A: x", datetime(2026, 2, 14, 18, 22, 9)),
        ("14.02.26, 18:22 \u2013 A: x", datetime(2026, 2, 14, 18, 22)),
    ],
)
def test_layouts_and_clocks(tmp_path, line, expected):
    (message,) = read(write_chat(tmp_path, line + "\n")).messages
    assert message.occurred_at == expected.replace(tzinfo=BERLIN).astimezone(UTC)
    assert message.body == "x"


def test_day_and_month_order_from_the_whole_file():
    assert date_order(["01/02/2026", "13/02/2026"]) == "dmy"
    assert date_order(["01/02/2026", "02/13/2026"]) == "mdy"
    assert date_order(["2026-01-02"]) == "ymd"
    # Ambiguous alone; running forward decides: 12 Jan, 1 Feb, 2 Feb only as month first.
    assert date_order(["01/12/26", "02/01/26", "02/02/26"]) == "mdy"
    assert date_order(["01/02/26", "01/02/26"]) == "dmy"  # the default


def test_messages_of_one_chat_follow_the_order_found(tmp_path):
    text = "03/04/2026, 10:00 - A: early\n03/25/2026, 10:00 - A: late\n"
    early, late = read(write_chat(tmp_path, text)).messages
    assert early.occurred_at is not None and late.occurred_at is not None
    assert (early.occurred_at.month, early.occurred_at.day) == (3, 4)
    assert (late.occurred_at.month, late.occurred_at.day) == (3, 25)


def test_german_export(tmp_path):
    text = (
        "14.02.26, 18:22 - Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand"
        " außerhalb dieses Chats kann sie lesen.\n"
        "14.02.26, 18:23 - Anna: <Medien ausgeschlossen>\n"
        "14.02.26, 18:24 - Anna: Bild weggelassen\n"
        "14.02.26, 18:25 - Anna: Diese Nachricht wurde gelöscht\n"
        "14.02.26, 18:26 - Anna: Hallo <Diese Nachricht wurde bearbeitet>\n"
        "14.02.26, 18:27 - Anna: IMG-20260214-WA0002.jpg (Datei angehängt)\n"
    )
    path = tmp_path / "WhatsApp-Chat mit Anna.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("WhatsApp-Chat mit Anna.txt", text)
        archive.writestr("IMG-20260214-WA0002.jpg", b"jpg")
    outcome = read(path)
    assert outcome.chat_title == "Anna"
    hello, photo = outcome.messages
    assert hello.body == "Hallo"
    assert [a.filename for a in photo.attachments] == ["IMG-20260214-WA0002.jpg"]


def test_participants(tmp_path):
    found = participants(read(write_chat(tmp_path, ANDROID)).messages)
    assert [(p.name, p.messages) for p in found] == [("Anna Müller", 3), ("Office", 2)]
    assert found[0].first == datetime(2026, 2, 14, 17, 22, tzinfo=UTC)


def test_chat_titles():
    assert chat_title("WhatsApp Chat with Anna Müller.txt") == "Anna Müller"
    assert chat_title("WhatsApp Chat - Dach GmbH.zip") == "Dach GmbH"
    assert chat_title("WhatsApp-Chat mit Jörg (1).txt") == "Jörg"
    assert chat_title("notes.txt") == "notes"


def test_an_empty_chat_and_a_chat_of_notices(tmp_path):
    empty = tmp_path / "WhatsApp Chat with X.txt"
    empty.write_bytes(b"\xef\xbb\xbf\n")
    assert read_message_file(empty).unreadable == (
        "This is not a WhatsApp chat export: no line starts with a date and a time."
    )
    notices = ANDROID.splitlines()[0] + "\n14/02/2026, 18:23 - A: <Media omitted>\n"
    only_notices = write_chat(tmp_path, notices)
    assert read_message_file(only_notices).unreadable == "The chat holds no messages, only notices."


def test_zip_without_chat_and_zip_bomb_and_damaged_zip(tmp_path):
    no_chat = tmp_path / "photos.zip"
    with zipfile.ZipFile(no_chat, "w") as archive:
        archive.writestr("a.jpg", b"x")
    assert read_message_file(no_chat).unreadable == "The .zip holds no WhatsApp chat (.txt)."

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", ANDROID)
        archive.writestr("zeros.bin", b"\0" * 50_000_000)
    assert "far more than it holds" in (read_message_file(bomb).unreadable or "")

    cut = tmp_path / "cut.zip"
    cut.write_bytes(no_chat.read_bytes()[:30])
    assert "damaged or incomplete" in (read_message_file(cut).unreadable or "")


def test_media_above_the_limit_is_left_out(tmp_path):
    path = tmp_path / "WhatsApp Chat - A.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_chat.txt", "[14.02.26, 18:23:00] A: <attached: v.mp4>\n")
        archive.writestr("v.mp4", b"v" * 2000)
    outcome = read(path, media=1000)
    (message,) = outcome.messages
    assert message.attachments == ()
    assert "v.mp4 (2 kB) is larger than 1 kB" in outcome.problems[0]


def test_a_big_chat_is_refused_with_a_reason(tmp_path):
    path = write_chat(tmp_path, ANDROID)
    outcome = read_message_file(path, Limits(chat_text=100))
    assert "chats larger than 100 B are not read" in (outcome.unreadable or "")
