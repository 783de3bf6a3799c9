"""Fixtures for the timeline: entries written the way the app and the web backend write them."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from crm_desktop import service
from tests.helpers import backend

# A fixed "now" for entries, far enough in the past that none is "just now".
BASE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def log(customer_id: str, **fields: Any) -> str:
    """A communication logged through the service (the app's own way); returns its id."""
    data = {"customer_id": customer_id, "type": "email", "direction": "inbound", **fields}
    return service.create_comm(data).id


def bulk(db_path: Path, customer_id: str, count: int, **fields: Any) -> list[str]:
    """``count`` entries written the backend's way in one transaction, newest first.

    Every third one shares its time with its neighbours, so paging must break ties by id.
    """
    ids = []
    with backend.connect(db_path) as connection:
        connection.execute("BEGIN")
        for number in range(count):
            moment = BASE - timedelta(minutes=number // 3)
            ids.append(
                backend.insert_comm(
                    connection,
                    customer_id,
                    subject=f"entry {number}",
                    body=f"body of entry {number}",
                    occurred_at=moment.replace(tzinfo=None).isoformat(),
                    **fields,
                )
            )
        connection.execute("COMMIT")
    return ids


def raw_row(db_path: Path, comm_id: str) -> dict[str, Any] | None:
    """The stored row as text, exactly as it is in the file."""
    with backend.connect(db_path) as connection:
        row = connection.execute("SELECT * FROM crm_comms_log WHERE id = ?", (comm_id,)).fetchone()
    return dict(row) if row is not None else None


@pytest.fixture
def berlin() -> Iterator[None]:
    """Local time an hour (in winter) off UTC, so that a missed conversion shows."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()
