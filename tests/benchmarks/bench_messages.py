"""Reading dropped message files into plain values (issue 17, phase 1: no review, no save).

    .venv/bin/python -m tests.benchmarks.bench_messages [--runs 5]

Measured: a WhatsApp export of 20,000 messages (Android layout, two senders, some
multi-line messages and notices) read from its .txt; the same chat as a .zip with 500
photos named in it; 1,000 .eml files, each with a PDF attachment, read one by one; the
MSGReader samples (.msg) read 100 times. Each figure is the median of ``--runs`` runs.
The issue's budget: a 20,000-message chat reviewed and saved in 5 s, 1,000 e-mails with
attachments reviewed in 2 s; reading is the first part of both.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import zipfile
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from tests.benchmarks.harness import Result, isolate_user_folders, log, median, text_table, timed

CHAT_MESSAGES = 20_000
EMAILS = 1_000
SAMPLES = Path(__file__).parents[1] / "data" / "msg"


def make_chat(count: int, photos: int = 0) -> str:
    randomizer = random.Random(17)
    moment = datetime(2024, 1, 3, 8, 0)
    lines = [
        f"{moment:%d/%m/%Y}, {moment:%H:%M} - Messages and calls are end-to-end encrypted."
        " No one outside of this chat, not even WhatsApp, can read or listen to them."
    ]
    words = [
        "roof",
        "tile",
        "gutter",
        "offer",
        "invoice",
        "Monday",
        "rain",
        "scaffold",
        "photo",
        "thanks",
        "ok",
        "call",
    ]
    for number in range(count):
        moment += timedelta(minutes=randomizer.randint(0, 90))
        sender = "Anna Müller" if number % 3 else "Office"
        text = " ".join(randomizer.choice(words) for _ in range(randomizer.randint(1, 14)))
        if number % 17 == 0:
            text += "\n" + " ".join(randomizer.choice(words) for _ in range(6))
        if photos and number % (count // photos) == 0:
            text = f"IMG-{moment:%Y%m%d}-WA{number:04d}.jpg (file attached)\n{text}"
        elif number % 50 == 0:
            text = "<Media omitted>"
        lines.append(f"{moment:%d/%m/%Y}, {moment:%H:%M} - {sender}: {text}")
    return "\n".join(lines) + "\n"


def make_emails(folder: Path, count: int) -> list[Path]:
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 80  # about 20 kB
    paths = []
    for number in range(count):
        mail = EmailMessage()
        mail["From"] = "Anna Müller <anna@example.com>"
        mail["To"] = "office@example.org"
        mail["Subject"] = f"Offer {number}: roof and gutter"
        mail["Date"] = "Sat, 14 Feb 2026 18:22:05 +0100"
        mail["Message-ID"] = f"<offer-{number}@example.com>"
        mail.set_content("Hello,\n\nplease find the offer attached.\n\nAnna\n" * 5)
        mail.add_alternative("<p>Hello,</p><p>please find the offer attached.</p>", subtype="html")
        mail.add_attachment(pdf, "application", "pdf", filename=f"Offer {number}.pdf")
        path = folder / f"offer-{number:04d}.eml"
        path.write_bytes(mail.as_bytes())
        paths.append(path)
    return paths


def run(runs: int) -> list[Result]:
    from crm_desktop.messages import read_message_file

    folder = Path(tempfile.mkdtemp(prefix="crm-bench-messages-"))
    try:
        chat = folder / "WhatsApp Chat with Anna Müller.txt"
        chat.write_text(make_chat(CHAT_MESSAGES), encoding="utf-8")
        archive = folder / "WhatsApp Chat with Anna Müller.zip"
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr(chat.name, make_chat(CHAT_MESSAGES, photos=500))
            for line in make_chat(CHAT_MESSAGES, photos=500).splitlines():
                if "(file attached)" in line:
                    name = line.split(" - ", 1)[1].split(": ", 1)[1].split(" (file", 1)[0]
                    zipped.writestr(name, b"\xff\xd8" + b"0" * 2000)
        emails = make_emails(folder, EMAILS)
        samples = sorted(SAMPLES.glob("*.msg"))
        results = []

        log(f"  a chat of {CHAT_MESSAGES:,} messages (.txt)…")
        found = read_message_file(chat)
        assert found.ok and len(found.messages) > CHAT_MESSAGES * 0.9, found.unreadable
        times = [timed(lambda: read_message_file(chat)) for _ in range(runs)]
        results.append(
            Result(
                f"WhatsApp chat, {len(found.messages):,} messages (.txt)",
                median(times) * 1000,
                None,
                "",
                "ms",
                "≤ 1,000 ms (of 5 s with review and save)",
                median(times) <= 1.0,
                runs,
            )
        )

        log("  the same chat as a .zip with 500 photos…")
        zipped_found = read_message_file(archive)
        attached = sum(len(m.attachments) for m in zipped_found.messages)
        assert attached == 500, (attached, zipped_found.problems)
        times = [timed(lambda: read_message_file(archive)) for _ in range(runs)]
        results.append(
            Result(
                "WhatsApp chat with 500 photos (.zip)",
                median(times) * 1000,
                None,
                "",
                "ms",
                "≤ 1,000 ms",
                median(times) <= 1.0,
                runs,
            )
        )

        log(f"  {EMAILS:,} .eml files with an attachment each…")

        def read_emails() -> None:
            for path in emails:
                outcome = read_message_file(path)
                assert outcome.ok and len(outcome.messages[0].attachments) == 1

        times = [timed(read_emails) for _ in range(runs)]
        results.append(
            Result(
                f"{EMAILS:,} e-mails with an attachment (.eml), one by one",
                median(times) * 1000,
                None,
                "",
                "ms",
                "≤ 2,000 ms (review budget)",
                median(times) <= 2.0,
                runs,
            )
        )

        log("  Outlook samples…")

        def read_samples() -> None:
            for _ in range(100 // len(samples) + 1):
                for path in samples:
                    assert read_message_file(path).ok

        count = (100 // len(samples) + 1) * len(samples)
        times = [timed(read_samples) for _ in range(runs)]
        results.append(
            Result(
                f"{count} Outlook messages (.msg, MSGReader's samples)",
                median(times) * 1000,
                None,
                "",
                "ms",
                "",
                None,
                runs,
            )
        )
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_messages")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args(argv)
    isolate_user_folders()
    results = run(args.runs)
    print(text_table(results))
    return 0 if all(r.met is not False for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
