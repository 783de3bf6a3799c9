"""Real message files for drop tests: e-mails, WhatsApp exports, vCards, and bad ones."""

from __future__ import annotations

import shutil
import zipfile
from email.message import EmailMessage
from pathlib import Path

from tests.helpers.files import pdf_bytes

MSG_SAMPLES = Path(__file__).parents[1] / "data" / "msg"


def email(
    path: Path,
    *,
    sender: str = "Anna Müller <anna@acme.example>",
    to: str = "office@roofing.example",
    subject: str = "Offer for the roof",
    date: str | None = "Sat, 14 Feb 2026 18:22:05 +0100",
    message_id: str | None = "<offer-1@acme.example>",
    body: str = "Hello,\n\nplease find the offer attached.\n\nAnna\n",
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> Path:
    """An .eml as a mail program saves it; ``attachments``: (name, bytes, mime type)."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = subject
    if date is not None:
        mail["Date"] = date
    if message_id is not None:
        mail["Message-ID"] = message_id
    mail.set_content(body)
    for name, content, mime in attachments or []:
        maintype, subtype = mime.split("/")
        mail.add_attachment(content, maintype, subtype, filename=name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(mail))
    return path


def offer_pdf(name: str = "Offer.pdf") -> tuple[str, bytes, str]:
    return (name, pdf_bytes(), "application/pdf")


CHAT = (
    "14/02/2026, 18:20 - Messages and calls are end-to-end encrypted. No one outside of this"
    " chat, not even WhatsApp, can read or listen to them.\n"
    "14/02/2026, 18:22 - Anna Müller: Hello, is the roof done?\n"
    "14/02/2026, 18:25 - Office: Yes, photos follow.\n"
    "It took two days.\n"
    "14/02/2026, 18:26 - Office: <Media omitted>\n"
    "15/02/2026, 09:01 - Anna Müller: Thanks!\n"
)


def chat_text(path: Path, text: str = CHAT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def chat_zip(path: Path, text: str, media: dict[str, bytes]) -> Path:
    """An Android export with media: the chat's .txt beside its files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{path.stem}.txt", text)
        for name, content in media.items():
            archive.writestr(name, content)
    return path


def vcard(path: Path, *cards: dict[str, str]) -> Path:
    """A .vcf with a vCard 3.0 per dict (FN, ORG, EMAIL, TEL, NOTE, CATEGORIES)."""
    blocks = []
    for card in cards:
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{card['FN']}", f"N:{card['FN']};;;;"]
        lines += [f"{key}:{value}" for key, value in card.items() if key not in ("FN",)]
        lines.append("END:VCARD")
        blocks.append("\r\n".join(lines))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\r\n".join(blocks) + "\r\n", encoding="utf-8")
    return path


def msg_sample(folder: Path, name: str = "EmailWithAttachments.msg") -> Path:
    target = folder / name
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MSG_SAMPLES / name, target)
    return target


def truncated_msg(path: Path) -> Path:
    data = (MSG_SAMPLES / "EmailWithAttachments.msg").read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: len(data) // 3])
    return path


def junk(path: Path, size: int = 4096) -> Path:
    """Binary junk under a message file's name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes((n * 37 + 11) % 256 for n in range(size)))
    return path


def truncated_zip(path: Path) -> Path:
    """A chat's .zip cut off halfway (a download that broke): it starts like a zip."""
    whole = chat_zip(path, CHAT, {"IMG-1.jpg": bytes(range(256)) * 400})
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def email_with_raw_attachment_name(path: Path, raw_name: str) -> Path:
    """An .eml whose attachment's name is written exactly as given (e.g. an encoded word
    that hides a line break, as some mailers write them)."""
    text = (
        "From: Anna <anna@acme.example>\r\nTo: office@roofing.example\r\n"
        "Subject: Plan\r\nDate: Sat, 14 Feb 2026 18:22:05 +0100\r\n"
        "Message-ID: <plan-1@acme.example>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe plan.\r\n"
        "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        f'Content-Disposition: attachment; filename="{raw_name}"\r\n\r\nJVBERi0=\r\n--b--\r\n'
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode())
    return path
