"""The one entry point: what a file is, and bad files of every kind, each with a reason."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.messages import SourceFormat, handles, read_message_file

DATA = Path(__file__).parents[1] / "data"


def test_content_decides_before_the_name(tmp_path):
    outlook_named_eml = tmp_path / "mail.eml"
    shutil.copy(DATA / "msg" / "TxtSampleEmail.msg", outlook_named_eml)
    assert read_message_file(outlook_named_eml).source_format is SourceFormat.msg
    mail_named_txt = tmp_path / "mail.txt"
    shutil.copy(DATA / "eml" / "UTF-8_Test.eml", mail_named_txt)
    assert read_message_file(mail_named_txt).source_format is SourceFormat.eml


def test_binary_junk_named_eml(tmp_path):
    path = tmp_path / "junk.eml"
    path.write_bytes(os.urandom(4096))
    outcome = read_message_file(path)
    assert outcome.unreadable == "This is not an e-mail: it does not start with mail headers."
    assert outcome.source_format is SourceFormat.eml


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.eml", b"", "The file is empty."),
        ("notes.txt", b"just some notes\n", "This is not a WhatsApp chat export"),
        ("photo.jpg", b"\xff\xd8\xff\xe0JFIF", "This is not a message file."),
        ("card.vcf", b"not a card", "This is not a vCard file"),
        ("x.msg", b"plain text", "This is not an Outlook message."),
    ],
)
def test_files_that_are_not_what_they_say(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    assert (read_message_file(path).unreadable or "").startswith(reason)


def test_missing_file_and_folder(tmp_path):
    assert read_message_file(tmp_path / "gone.eml").unreadable == (
        "The file does not exist (any more)."
    )
    assert read_message_file(tmp_path).unreadable == (
        "This is not a file (a folder, a pipe or a device)."
    )


def test_names_with_newlines_are_read(tmp_path):
    path = tmp_path / "Offer\nfrom Anna.eml"
    shutil.copy(DATA / "eml" / "EmailWithMultilineSubject.eml", path)
    outcome = read_message_file(path)
    assert outcome.ok and outcome.messages[0].body == "This is a test"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.eml"
    shutil.copy(DATA / "eml" / "UTF-8_Test.eml", path)
    path.chmod(0)
    assert "cannot be read" in (read_message_file(path).unreadable or "")


def test_handles():
    assert handles("a.EML") and handles("b.msg") and handles("c.vcf") and handles("d.zip")
    assert not handles("e.pdf")


_prefixes = st.sampled_from(
    [
        b"",
        b"From: a@b.c\nSubject: x\n\n",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"PK\x03\x04",
        b"BEGIN:VCARD\nVERSION:2.1\n",
        b"14/02/2026, 18:22 - A: ",
        b"[14.02.26, 18:22:09] A: ",
        b"Content-Type: multipart/mixed; boundary=x\n\n--x\n",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=_prefixes,
    rest=st.binary(max_size=600),
    suffix=st.sampled_from([".eml", ".msg", ".txt", ".zip", ".vcf"]),
)
def test_odd_input_never_raises(tmp_path, prefix, rest, suffix):
    path = tmp_path / f"odd{suffix}"
    path.write_bytes(prefix + rest)
    outcome = read_message_file(path)
    assert outcome.ok or outcome.unreadable
    for message in outcome.messages:
        (message.subject or "").encode("utf-8")
        message.body.encode("utf-8")
        assert "\x00" not in message.body
        assert message.ext_message_id
        for attachment in message.attachments:
            assert "/" not in attachment.filename and "\n" not in attachment.filename


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_odd_chat_text_never_raises(tmp_path, text):
    path = tmp_path / "WhatsApp Chat with X.txt"
    path.write_text("14/02/2026, 18:22 - A: hi\n" + text, encoding="utf-8", errors="surrogatepass")
    outcome = read_message_file(path)
    assert outcome.ok or outcome.unreadable
    for message in outcome.messages:
        message.body.encode("utf-8")
