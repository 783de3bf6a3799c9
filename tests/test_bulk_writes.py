"""Bulk work shares the write lock: short slices, room between them, stoppable."""

from __future__ import annotations

import threading
import time
import uuid
from types import SimpleNamespace

import peewee
import pytest

from crm_desktop import bulk_writes, service
from crm_desktop.bulk_writes import BulkWrite, BulkWriteStopped, WritePacer
from crm_desktop.database import CommTable, CustomerTable, current_database, database_proxy
from crm_desktop.errors import InvalidInputError
from tests.helpers.processes import DefaultWriters


def insert_comm(customer_id: str, subject: str) -> None:
    now = "2026-11-25T10:00:00"
    CommTable.insert(
        id=str(uuid.uuid4()),
        customer_id=customer_id,
        type="note",
        direction="internal",
        subject=subject,
        occurred_at=now,
        created_at=now,
    ).execute()


def runs_of(own: set[int], everything: list[int]) -> int:
    """How many unbroken runs ``own`` rowids make among ``everything`` (sorted)."""
    runs, inside = 0, False
    for rowid in everything:
        mine = rowid in own
        runs += mine and not inside
        inside = mine
    return runs


def rowids(subject_prefix: str) -> set[int]:
    query = CommTable.select(peewee.SQL("rowid")).where(
        CommTable.subject.startswith(subject_prefix)
    )
    return {rowid for (rowid,) in query.tuples()}


@pytest.mark.slow
def test_a_writer_with_sqlite3_defaults_gets_in_between_the_slices(db_path):
    """The bulk work holds the lock for slices of a few hundred ms: the other program's
    rows land between them (in one long transaction they could only come before or after),
    and none of its writes fails."""
    customer = service.create_customer({"name": "ACME"}).id
    writers = DefaultWriters(db_path, customer, "--pause", "0.02")

    def slow_step(number: int) -> None:
        insert_comm(customer, f"bulk {number}")
        time.sleep(0.01)  # work that keeps the write lock, as a big index build does

    bulk = BulkWrite(database_proxy)
    try:
        assert bulk.run(slow_step_calls(slow_step, 80)) == 80
    finally:
        summary = writers.finish()
    assert summary["failures"] == {}
    assert bulk.slices >= 3
    own = rowids("bulk ")
    assert len(own) == 80
    everything = sorted(own | set(summary["rowids"]))
    assert runs_of(own, everything) >= 3


def slow_step_calls(step, count):
    return (lambda n=n: step(n) for n in range(count))


def test_steps_per_slice_makes_one_transaction_per_step(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    bulk = BulkWrite(database_proxy, room_seconds=0)
    bulk.run((lambda n=n: insert_comm(customer, f"i {n}") for n in range(3)), steps_per_slice=1)
    assert (bulk.committed, bulk.slices) == (3, 3)


def test_a_stop_from_another_thread_keeps_whole_slices_only(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    bulk = BulkWrite(database_proxy, slice_seconds=0.05, room_seconds=0.05)
    second_slice = threading.Event()
    outcome: dict[str, object] = {}

    def step(number: int) -> None:
        insert_comm(customer, f"bulk {number}")
        if bulk.slices >= 1:
            second_slice.set()
        time.sleep(0.005)

    def work() -> None:
        try:
            bulk.run(lambda n=n: step(n) for n in range(10_000))
        except BulkWriteStopped as stopped:
            outcome["stopped"] = stopped.committed
        finally:
            current_database().close()  # this thread's connection

    thread = threading.Thread(target=work)
    thread.start()
    assert second_slice.wait(30)
    bulk.stop()
    thread.join(30)
    assert outcome["stopped"] == bulk.committed
    assert 0 < bulk.committed < 10_000
    assert len(rowids("bulk ")) == bulk.committed  # the slice running at the stop is gone


def test_a_failing_step_rolls_back_its_own_slice(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    bulk = BulkWrite(database_proxy, room_seconds=0)

    def step(number: int) -> None:
        if number == 3:
            raise ValueError("bad row")
        insert_comm(customer, f"bulk {number}")

    with pytest.raises(ValueError, match="bad row"):
        bulk.run((lambda n=n: step(n) for n in range(5)), steps_per_slice=2)
    assert bulk.committed == 2
    assert len(rowids("bulk ")) == 2


def test_inside_the_callers_transaction_it_is_a_part_of_it(db_path):
    customer = service.create_customer({"name": "ACME"}).id
    with pytest.raises(RuntimeError), database_proxy.atomic():
        bulk = BulkWrite(database_proxy)
        bulk.run(lambda n=n: insert_comm(customer, f"bulk {n}") for n in range(3))
        assert bulk.committed == 3
        raise RuntimeError("the caller changes its mind")
    assert rowids("bulk ") == set()


class StopInTheRoom(threading.Event):
    """A stop that comes exactly while BulkWrite leaves the lock its room."""

    def wait(self, timeout: float | None = None) -> bool:
        self.set()
        return True


def test_a_stopped_media_bulk_write_leaves_no_record(db_path, monkeypatch):
    monkeypatch.setattr(bulk_writes, "SLICE_SECONDS", 0)  # one batch of 90 per slice
    customer = service.create_customer({"name": "ACME"}).id
    items = [
        {"customer_id": customer, "filename": f"{n}.jpg", "nextcloud_path": f"/CRM/{n}.jpg"}
        for n in range(200)
    ]
    with pytest.raises(BulkWriteStopped) as stopped:
        service.create_media_many(items, stop=StopInTheRoom())
    assert stopped.value.committed == 1  # one slice was in the file, and is gone again
    assert service.count_media(customer) == 0


def test_a_customer_deleted_between_slices_undoes_the_whole_bulk_write(db_path, monkeypatch):
    monkeypatch.setattr(bulk_writes, "SLICE_SECONDS", 0)
    customer = service.create_customer({"name": "ACME"}).id

    class DeleteInTheRoom(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            CustomerTable.delete().where(CustomerTable.id == customer).execute()
            return False

    items = [
        {"customer_id": customer, "filename": f"{n}.jpg", "nextcloud_path": f"/CRM/{n}.jpg"}
        for n in range(200)
    ]
    with pytest.raises(InvalidInputError):
        service.create_media_many(items, stop=DeleteInTheRoom())
    assert service.count_media(customer) == 0


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def test_the_pacer_leaves_room_after_a_slice_of_back_to_back_writes(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(
        bulk_writes, "time", SimpleNamespace(monotonic=clock.monotonic, sleep=clock.sleep)
    )
    pacer = WritePacer(slice_seconds=0.2, room_seconds=0.15)
    for _ in range(40):  # writes of 10 ms with 1 ms between them: 0.44 s back to back
        pacer.begin()
        clock.now += 0.010
        pacer.end()
        clock.now += 0.001
    # After each 0.2 s of writing, the lock was left free for 0.15 s in all.
    assert clock.slept == [0.149, 0.149]
    assert pacer.paused_seconds == pytest.approx(0.298)


def test_the_pacer_never_delays_a_persons_occasional_save(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(
        bulk_writes, "time", SimpleNamespace(monotonic=clock.monotonic, sleep=clock.sleep)
    )
    pacer = WritePacer(slice_seconds=0.2, room_seconds=0.15)
    for _ in range(20):
        pacer.begin()
        clock.now += 0.05
        pacer.end()
        clock.now += 0.5  # a person types between two saves
    assert clock.slept == []


@pytest.mark.slow
def test_the_app_writing_entries_one_by_one_makes_no_backend_write_fail(db_path):
    """Eight writers with sqlite3's defaults (a backend under load) while the app saves
    entry after entry: the app's writes leave the lock room after each slice, and not one
    of the backend's writes fails."""
    customer = service.create_customer({"name": "ACME"}).id
    pacer = current_database().pacer
    paused_before = pacer.paused_seconds
    writers = DefaultWriters(db_path, customer, "--threads", "8", "--pause", "0.005")
    try:
        for number in range(600):
            service.create_comm(
                {
                    "customer_id": customer,
                    "type": "note",
                    "direction": "internal",
                    "subject": f"app {number}",
                }
            )
    finally:
        summary = writers.finish()
    assert summary["failures"] == {}
    assert pacer.paused_seconds > paused_before
    assert len(rowids("app ")) == 600
