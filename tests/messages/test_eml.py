"""E-mail files: real samples, and mails made here for each rule."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from crm_desktop.messages import Limits, SourceFormat, read_message_file
from crm_desktop.messages.eml import INLINE_IMAGE_MIN, unflow
from crm_desktop.models import CommType

SAMPLES = Path(__file__).parents[1] / "data" / "eml"


def write(path: Path, mail: EmailMessage | bytes) -> Path:
    path.write_bytes(mail if isinstance(mail, bytes) else mail.as_bytes())
    return path


def simple_mail(**headers: str) -> EmailMessage:
    mail = EmailMessage()
    defaults = {
        "From": "Anna Müller <anna@example.com>",
        "To": "Office <office@example.org>, bob@example.org",
        "Subject": "Roof offer",
        "Date": "Sat, 14 Feb 2026 18:22:05 +0100",
        "Message-ID": "<abc.123@example.com>",
    }
    for name, value in {**defaults, **headers}.items():
        if value:
            mail[name] = value
    mail.set_content("Hello,\nthe roof is done.\n")
    return mail


def only_message(path: Path):
    outcome = read_message_file(path)
    assert outcome.ok, outcome.unreadable
    assert outcome.source_format is SourceFormat.eml
    (message,) = outcome.messages
    return message


def test_a_plain_mail_gives_every_field(tmp_path):
    message = only_message(write(tmp_path / "a.eml", simple_mail()))
    assert message.type is CommType.email
    assert message.subject == "Roof offer"
    assert message.body == "Hello,\nthe roof is done."
    assert message.occurred_at == datetime(2026, 2, 14, 17, 22, 5, tzinfo=UTC)
    assert message.occurred_at_storage == "2026-02-14T17:22:05.000000"
    assert message.sender is not None
    assert (message.sender.name, message.sender.email) == ("Anna Müller", "anna@example.com")
    assert [r.email for r in message.recipients] == ["office@example.org", "bob@example.org"]
    assert message.ext_message_id == "<abc.123@example.com>"
    assert message.problems == ()


def test_html_only_mail_becomes_readable_text(tmp_path):
    mail = simple_mail()
    mail.set_content(
        "<html><head><style>p{color:red}</style></head><body><p>Dear Anna,</p>"
        "<p>see <a href='https://example.com/o'>the offer</a>:</p><ul><li>roof</li>"
        "<li>gutter</li></ul><script>alert(1)</script></body></html>",
        subtype="html",
    )
    body = only_message(write(tmp_path / "h.eml", mail)).body
    assert body == ("Dear Anna,\n\nsee the offer <https://example.com/o>:\n\n- roof\n- gutter")
    assert "<" not in body.replace("<https", "")


def test_plain_part_is_preferred_to_html(tmp_path):
    mail = simple_mail()
    mail.add_alternative("<p>HTML version</p>", subtype="html")
    assert only_message(write(tmp_path / "alt.eml", mail)).body == "Hello,\nthe roof is done."


def test_missing_date_falls_back_to_received(tmp_path):
    mail = simple_mail(Date="")
    mail["Received"] = "from mx.example.com by mail.example.org; Sun, 15 Feb 2026 08:00:00 +0000"
    message = only_message(write(tmp_path / "r.eml", mail))
    assert message.occurred_at == datetime(2026, 2, 15, 8, 0, tzinfo=UTC)
    assert len(message.problems) == 1


def test_no_date_at_all_is_said(tmp_path):
    message = only_message(write(tmp_path / "n.eml", simple_mail(Date="")))
    assert message.occurred_at is None
    assert message.occurred_at_storage is None
    assert "when it was sent" in message.problems[0]


def test_unparseable_date_counts_as_missing(tmp_path):
    data = simple_mail(Date="").as_bytes().replace(b"Subject:", b"Date: someday soon\nSubject:")
    message = only_message(write(tmp_path / "bad-date.eml", data))
    assert message.occurred_at is None


def test_date_without_zone_is_utc(tmp_path):
    message = only_message(
        write(tmp_path / "z.eml", simple_mail(Date="Sat, 14 Feb 2026 18:22:05 -0000"))
    )
    assert message.occurred_at == datetime(2026, 2, 14, 18, 22, 5, tzinfo=UTC)


def test_missing_message_id_gives_a_stable_derived_key(tmp_path):
    first = only_message(write(tmp_path / "1.eml", simple_mail(**{"Message-ID": ""})))
    again = only_message(write(tmp_path / "2.eml", simple_mail(**{"Message-ID": ""})))
    other = only_message(
        write(tmp_path / "3.eml", simple_mail(**{"Message-ID": "", "Subject": "x"}))
    )
    assert first.ext_message_id.startswith("crm:email:")
    assert first.ext_message_id == again.ext_message_id != other.ext_message_id


def test_unknown_charset_is_read_with_a_note(tmp_path):
    raw = (
        b"From: a@example.com\nSubject: =?x-unknown?Q?M=FCller?=\n"
        b"Date: Sat, 14 Feb 2026 18:22:05 +0000\nContent-Type: text/plain; charset=x-klingon\n"
        b"Content-Transfer-Encoding: 8bit\n\nGr\xfc\xdfe\n"
    )
    message = only_message(write(tmp_path / "c.eml", raw))
    assert message.body == "Grüße"
    assert message.subject == "Müller"
    assert any("x-klingon" in problem for problem in message.problems)


def test_8bit_headers_without_charset_are_read(tmp_path):
    raw = (
        "From: Jörg <j@example.com>\nSubject: Grüße\nDate: Sat, 14 Feb 2026 18:22:05 +0000\n\nx\n"
    ).encode()
    message = only_message(write(tmp_path / "8.eml", raw))
    assert message.subject == "Grüße"
    assert message.sender is not None and message.sender.name == "Jörg"


def test_format_flowed_is_joined():
    assert unflow("a long \nline\n> quoted \n> more\nend") == "a long line\n> quoted > more\nend"
    assert unflow("ab \ncd", delsp=True) == "abcd"


def test_attachments_and_inline_images(tmp_path):
    mail = simple_mail()
    mail.add_alternative("<p>Hi <img src='cid:logo'><img src='cid:photo'></p>", subtype="html")
    html = mail.get_payload()[1]
    html.add_related(b"\x89PNG" + b"0" * 100, "image", "png", cid="<logo>")
    html.add_related(b"\xff\xd8" + b"1" * INLINE_IMAGE_MIN, "image", "jpeg", cid="<photo>")
    mail.add_attachment(b"%PDF-1.4 offer", "application", "pdf", filename="PLACEHOLDER.pdf")
    mail.add_attachment(b"second", "application", "pdf", filename="offer 2026.pdf")
    # A name with folders and a line break (RFC 2231 lets a mail say so).
    data = mail.as_bytes().replace(
        b'filename="PLACEHOLDER.pdf"', b"filename*=utf-8''..%2F..%2Fetc%2FOffer%0A2026.pdf"
    )
    message = only_message(write(tmp_path / "att.eml", data))
    names = [a.filename for a in message.attachments]
    # The tiny logo is left out; the photo is kept and marked inline; names are made safe.
    assert names == ["Offer 2026.pdf", "offer 2026 (2).pdf", "photo.jpg"]
    offer, second, photo = message.attachments
    assert photo.inline and photo.content_id == "photo"
    assert offer.read_bytes() == b"%PDF-1.4 offer" and offer.size == 14
    assert offer.mime_type == "application/pdf"
    target = tmp_path / "out.pdf"
    assert second.save_as(target) == 6 and target.read_bytes() == b"second"


def test_an_attachment_cannot_be_read_once_the_file_changed(tmp_path):
    from crm_desktop.messages import AttachmentUnavailableError

    mail = simple_mail()
    mail.add_attachment(b"data", "application", "octet-stream", filename="a.bin")
    path = write(tmp_path / "m.eml", mail)
    (attachment,) = only_message(path).attachments
    path.write_bytes(path.read_bytes() + b"\n\n")
    with pytest.raises(AttachmentUnavailableError, match="changed"):
        attachment.read_bytes()


def test_a_forwarded_mail_is_an_eml_attachment(tmp_path):
    inner = simple_mail(Subject="Original question")
    mail = simple_mail(Subject="Fwd: Original question")
    mail.add_attachment(inner)
    (attachment,) = only_message(write(tmp_path / "fwd.eml", mail)).attachments
    assert attachment.filename == "Original question.eml"
    assert attachment.mime_type == "message/rfc822"
    assert b"Subject: Original question" in attachment.read_bytes()


def test_an_attachment_above_the_limit_is_left_out_with_a_reason(tmp_path):
    mail = simple_mail()
    mail.add_attachment(b"x" * 5000, "video", "mp4", filename="site.mp4")
    path = write(tmp_path / "big.eml", mail)
    outcome = read_message_file(path, Limits(attachment=4000))
    (message,) = outcome.messages
    assert message.attachments == ()
    assert "site.mp4 (5 kB) was left out" in message.problems[0]
    assert message.body == "Hello,\nthe roof is done."


@pytest.mark.slow
def test_a_50_mb_attachment_is_left_out_and_memory_stays_bounded(tmp_path):
    import tracemalloc

    mail = simple_mail()
    mail.add_attachment(b"\0" * 50_000_000, "video", "mp4", filename="walkthrough.mp4")
    path = write(tmp_path / "huge.eml", mail)
    del mail
    tracemalloc.start()
    outcome = read_message_file(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    (message,) = outcome.messages
    assert message.attachments == ()
    assert "walkthrough.mp4 (50.0 MB) was left out" in message.problems[0]
    # The file (68 MB of base64) is parsed in memory; nothing is kept once it is read.
    assert peak < 4 * path.stat().st_size


def test_a_file_above_the_limit_is_refused_unread(tmp_path):
    path = write(tmp_path / "a.eml", simple_mail())
    outcome = read_message_file(path, Limits(message_file=100))
    assert not outcome.ok and "larger than 100 B" in (outcome.unreadable or "")


def test_mbox_separator_line_is_skipped(tmp_path):
    data = b"From anna@example.com Sat Feb 14 18:22:05 2026\n" + simple_mail().as_bytes()
    assert only_message(write(tmp_path / "mbox.eml", data)).subject == "Roof offer"


# --- the samples (real mails with real quirks) ------------------------------------------------


def test_sample_split_encoded_words_and_unindented_subject():
    message = only_message(SAMPLES / "UTF-8_Test.eml")
    # The subject's second and third lines are not indented, and a character is split
    # across two encoded words: all of it is read.
    assert message.subject is not None
    assert message.subject.startswith("【要確認】●普通自転車")
    assert message.subject.endswith("パンクタイヤ\uff09 再予約通知 2023/11/29 12:00 - 13:00")
    assert message.sender is not None and message.sender.name == "設備予約systemシステム"
    assert message.body == "メッセージです。通常通りパースされることを確認済みです。"
    assert message.occurred_at == datetime(2024, 1, 30, 5, 36, 6, tzinfo=UTC)


def test_sample_windows_1252_names_attachments_and_inline_logos():
    message = only_message(SAMPLES / "TestWithAttachmentsAndInlines.eml")
    assert message.sender is not None and message.sender.name == "Müller Peter"
    assert message.ext_message_id.startswith("<GVAP278MB0198D05D58CEAFAF320C57649EF12@")
    names = [a.filename for a in message.attachments]
    assert "attachment1f.txt" in names
    assert not any(name.endswith(".png") for name in names)  # signature logos
    assert message.attachments[0].read_bytes() == b"Attachment Content"


def test_sample_iso_8859_1_sender():
    message = only_message(SAMPLES / "EmailWithISO_8859_1_From.eml")
    assert message.sender is not None and message.sender.name == "Some ßtring"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.eml")), ids=lambda p: p.name)
def test_every_sample_reads_with_storable_text(path):
    message = only_message(path)
    for text in (message.subject or "", message.body):
        text.encode("utf-8")
        assert "\x00" not in text
