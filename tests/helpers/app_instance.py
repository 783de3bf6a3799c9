"""A second CRM Desktop on the same office server, in a process of its own, for the tests.

``python -m tests.helpers.app_instance URL CUSTOMER_ID COUNT``: opens the real main window
offscreen on the customer, prints "ready", logs COUNT communications of its own, then
waits until its window shows COUNT more that someone else wrote: it prints how long that
took and exits 0, or exits 1 if they did not show within the time allowed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(url: str, customer_id: str, count: int, home: Path) -> int:
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    from PySide6.QtCore import QCoreApplication

    from crm_desktop import service
    from crm_desktop.app import application, create_main_window

    app = application()
    window = create_main_window(url)
    window.show()
    window.customers.select_customer(customer_id)
    timeline = window.timeline
    print("ready", flush=True)
    for number in range(count):
        service.create_comm(
            {
                "customer_id": customer_id,
                "type": "note",
                "direction": "internal",
                "subject": f"second desktop {number}",
            }
        )
        window.context.events.comms_changed.emit(customer_id)
    started = time.monotonic()
    while time.monotonic() - started < 10:
        QCoreApplication.processEvents()
        if timeline.model.rowCount() >= 2 * count:
            print(f"saw theirs after {time.monotonic() - started:.2f} s", flush=True)
            window.close()
            return 0
        time.sleep(0.02)
    print(f"only {timeline.model.rowCount()} rows shown", flush=True)
    del app
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])))
