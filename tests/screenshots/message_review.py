"""The README's picture of the message review: a drop of e-mails, a WhatsApp chat and a bad
file for a demo customer, reviewed at a 1366x768 screen's size.

    .venv/bin/python -m tests.screenshots.message_review resources/screenshots/message-review.png

Offscreen (``QT_QPA_PLATFORM=offscreen`` is set for you), on a demo database in a temporary
folder: nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

# An offscreen screen of a 1366x768 laptop: the dialog opens at the size it would there.
_SCREEN = Path(tempfile.gettempdir()) / "crm-shot-screen-1366x768.json"
_SCREEN.write_text(
    '{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,'
    ' "logicalDpi": 96, "dpr": 1}]}'
)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")

CHAT = """12.05.26, 08:14 - Claudia Wagner: Guten Morgen! Kommt das Gerüst heute oder morgen?
12.05.26, 08:31 - Anna Schmidt: Morgen ab 7 Uhr, das Team ist um 8 da.
12.05.26, 08:32 - Claudia Wagner: Perfekt, ich lasse das Tor offen 👍
13.05.26, 16:05 - Anna Schmidt: Die Module sind montiert. Fotos schicke ich per Mail.
13.05.26, 16:40 - Claudia Wagner: Sieht toll aus, danke an das ganze Team!
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QSettings

    from crm_desktop import service
    from crm_desktop.database import close_db
    from crm_desktop.demo import ensure_demo_database
    from crm_desktop.locations import parse_location
    from crm_desktop.settings import Settings
    from crm_desktop.ui.application import application
    from crm_desktop.ui.context import AppContext
    from crm_desktop.ui.drops.items import from_urls
    from crm_desktop.ui.drops.message_dialog import MessageDropDialog, Stage
    from tests.helpers import files
    from tests.helpers import message_files as mf

    app = application()
    with tempfile.TemporaryDirectory(prefix="crm-shot-") as temporary:
        folder = Path(temporary)
        ensure_demo_database(folder / "demo.sqlite3")
        sync = folder / "Nextcloud"
        sync.mkdir()
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        settings.user_name = "Anna Schmidt"
        settings.nextcloud_folder = str(sync)
        settings.office_addresses = "@mail.sonnendach-berlin.example"
        context = AppContext(parse_location(folder / "demo.sqlite3"), settings)
        (customer,) = [c for c in service.list_customers("Claudia Wagner")]

        drop = folder / "Downloads"
        claudia = "Claudia Wagner <claudia.wagner@example.com>"
        anna = "Anna Schmidt <anna.schmidt@mail.sonnendach-berlin.example>"
        photo = files.image(folder / "roof.jpg", "#e9c46a", 240).read_bytes()
        paths = [
            mf.email(
                drop / "Rückfragen zum Angebot.eml",
                sender=claudia,
                to=anna,
                subject="Rückfragen zum Angebot Photovoltaik",
                date="Mon, 04 May 2026 09:12:44 +0200",
                message_id="<rueckfragen-1@example.com>",
                attachments=[mf.offer_pdf("Dachplan mit Maßen.pdf")],
            ),
            mf.email(
                drop / "Ihr Angebot A-2026-0113.eml",
                sender=anna,
                to=claudia,
                subject="Ihr Angebot A-2026-0113",
                date="Tue, 05 May 2026 14:03:10 +0200",
                message_id="<angebot-0113@mail.sonnendach-berlin.example>",
                attachments=[mf.offer_pdf("Angebot A-2026-0113.pdf")],
            ),
            mf.email(
                drop / "Fotos vom Dach.eml",
                sender=anna,
                to=claudia,
                subject="Fotos vom Dach",
                date=None,
                message_id="<fotos-1@mail.sonnendach-berlin.example>",
                attachments=[("Dach Süd.jpg", photo, "image/jpeg")] * 2,
            ),
            mf.chat_text(drop / "WhatsApp Chat with Claudia Wagner.txt", CHAT),
            mf.junk(drop / "Weitergeleitet.eml"),
        ]
        moment = time.mktime((2026, 5, 13, 17, 20, 0, 0, 0, -1))
        os.utime(paths[2], (moment, moment))
        # One of them is in the timeline already: logged by a colleague last week.
        service.create_comm(
            {
                "customer_id": customer.id,
                "type": "email",
                "direction": "outbound",
                "subject": "Ihr Angebot A-2026-0113",
                "ext_message_id": "<angebot-0113@mail.sonnendach-berlin.example>",
                "occurred_at": "2026-05-05T12:03:10",
            }
        )

        dialog = MessageDropDialog(context, customer, from_urls(paths))
        dialog.show()  # its size on a 1366x768 screen
        dialog.read()
        deadline = time.monotonic() + 30
        while dialog.stage != Stage.review and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        dialog.table.select_row(8)  # the unreadable file: its reason in full below
        for _ in range(20):
            QCoreApplication.processEvents()
        saved = dialog.grab().save(str(args.output))
        dialog.done(0)
        close_db()
    del app
    if not saved:
        print(f"could not save {args.output}", file=sys.stderr)
        return 1
    print(f"saved {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
