"""Generate the big file the way the web backend and the office fill it.

20,000 customers, 1,000,000 communications and 200,000 media records, written in time
order (each customer's rows spread over the whole table, as years of use leave them), in
the backend's format: ``str(uuid4())`` ids, naive-UTC ``isoformat()`` timestamps,
``json.dumps(list)`` for JSON columns. One heavy customer has 20,000 communications and
2,000 media records. Plain ``sqlite3`` with ``executemany`` in big transactions; this
module runs in a process of its own (``python -m tests.benchmarks.datagen FOLDER``) so
that the app's SQLite library never shares a process with Python's.

Two files come out: ``spec.sqlite3`` with the backend's tables only (no index, as the
spec's backend leaves it) and ``big.sqlite3``, the same rows with the app's indexes.
"""

# Names and texts as an office writes them: dashes and a dotless i are meant.
# ruff: noqa: RUF001

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from crm_desktop.database import COMMS_DDL, CUSTOMERS_DDL, INDEX_DDL, MEDIA_DDL

# Bump when the generated content changes: cached files of another version are rebuilt.
VERSION = 2
SEED = 20261125
END = datetime(2026, 11, 20, 17, 30)  # the newest row; fixed, so files are reproducible
YEARS = 6
BATCH = 50_000


@dataclass(frozen=True)
class Size:
    customers: int = 20_000
    comms: int = 1_000_000
    media: int = 200_000
    heavy_comms: int = 20_000
    heavy_media: int = 2_000


@dataclass(frozen=True)
class Generated:
    """What the benchmark needs to know about a generated file (kept beside it as JSON)."""

    version: int
    size: dict[str, int]
    heavy_id: str
    heavy_name: str
    other_id: str  # a customer with an ordinary timeline
    seconds: float


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Anna Jonas Sarah Lukas Marie Felix Lea Paul Emma Leon Hannah Elias Mia Noah Lina Ben "
    "Sophie Finn Laura Jan Julia Tim Lena Max Katharina Moritz Johanna David Clara Simon "
    "Emily Oliver Grace Henry Olivia James Amelia Jack Charlotte Thomas Sabine Andreas "
    "Petra Michael Claudia Stefan Birgit Frank Monika Jürgen Ursula Klaus Özlem Mehmet "
    "Ayşe Emre Zofia Piotr Ingrid Björn Agnieszka Tomasz Irina Dmitri Francesca Luca"
)
LAST = _words(
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer "
    "Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger "
    "Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Schmid Schulze Maier "
    "Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß "
    "Jung Hahn Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz "
    "Baumann Franke Albrecht Smith Jones Taylor Brown Williams Wilson Johnson Davies "
    "Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke "
    "Yılmaz Kaya Demir Şahin Kowalski Nowak Wiśniewska Novák Horváth Rossi Russo Ferrari "
    "Esposito Bianchi Andersson Nilsson"
)
ORG_KIND = ("GmbH", "GmbH & Co. KG", "AG", "eG", "e.V.", "Ltd", "KG", "UG")
ORG_WORD = _words(
    "Wohnbau Hausverwaltung Immobilien Bäckerei Autohaus Landhandel Schreinerei Praxis "
    "Kanzlei Gemeinde Sportverein Kita Hotel Gasthof Logistik Elektro Sanitär Gartenbau "
    "Apotheke Weingut Brauerei Metallbau Druckerei Tischlerei Stadtwerke Schule"
)
CITY = _words(
    "Berlin Potsdam Spandau Köpenick Pankow Oranienburg Bernau Falkensee Teltow Königs "
    "Wusterhausen Cottbus Frankfurt Brandenburg Eberswalde Nauen"
)
STREET = ("Hauptstraße", "Gartenweg", "Lindenallee", "Am Markt", "Bahnhofstraße", "Seestraße")
STAFF = (
    "Anna Schmidt",
    "Jonas Becker",
    "Sarah Klein",
    "Tobias Wendt",
    "Mira Yıldız",
    "Paul Hartung",
    "Lisa Brandt",
    "Ole Jensen",
)
SUBJECTS = (
    "Angebot Photovoltaikanlage {n} kWp",
    "Rückfrage zum Termin am {d}",
    "Rechnung {o}",
    "Dachsanierung: Fotos vom Dach",
    "Wartungsvertrag {o}",
    "Re: Ihre Anfrage vom {d}",
    "Quote for the roof repair",
    "Your appointment on {d}",
    "Invoice {o} – payment reminder",
    "Speicher nachrüsten?",
    "Fördermittel KfW – Unterlagen",
    "Netzanmeldung beim Netzbetreiber",
    "Gerüst: Aufbau {d}",
    "Schaden nach Sturm – dringend",
    "AW: Auftragsbestätigung {o}",
)
SENTENCES = (
    "Vielen Dank für Ihre Nachricht.",
    "Anbei sende ich Ihnen die gewünschten Unterlagen.",
    "Können Sie mir bitte einen Termin für nächste Woche nennen?",
    "Die Module wurden heute geliefert und stehen im Hof.",
    "Der Wechselrichter zeigt seit gestern einen Fehler an (Code 351).",
    "Das Gerüst wird am Montag ab 7 Uhr aufgebaut.",
    "Bitte achten Sie darauf, dass die Einfahrt frei ist.",
    "Wir haben die Dachfläche vermessen: etwa 86 m² nutzbar, Ausrichtung Süd-West.",
    "Die Förderzusage der KfW liegt inzwischen vor.",
    "Ich rufe Sie morgen Vormittag zurück.",
    "Rückruf erbeten, Kunde ist ab 16 Uhr erreichbar.",
    "Kunde möchte zusätzlich einen Speicher mit 10 kWh.",
    "Thank you for getting back to me so quickly.",
    "Please find the signed contract attached.",
    "Could we move the appointment to Thursday afternoon?",
    "The roofer noticed two cracked tiles near the chimney.",
    "We will send the final invoice once the grid operator has connected the system.",
    "Zählerwechsel ist für den 14. beantragt.",
    "Die Abschlagsrechnung über 30 % ist beglichen.",
    "Hallo, kurze Frage: kommt heute noch jemand vorbei?",
    "Alles klar, bis morgen!",
    "Fotos vom Dachboden folgen per WhatsApp.",
    "Mit freundlichen Grüßen\nAnna Schmidt\nSonnendach Berlin GmbH",
    "Kind regards,\nJonas Becker\nSonnendach Berlin GmbH",
    "Telefonat: Kunde ist mit dem Angebot einverstanden, wartet aber noch auf die Bank.",
    "Notiz: Schlüssel liegt beim Nachbarn (Hausnummer 12).",
    "Die Anlage hat im Oktober 612 kWh erzeugt, 8 % mehr als prognostiziert.",
    "Beim Vor-Ort-Termin wurde Asbest im Dachaufbau vermutet; Probe ist im Labor.",
)
TYPES = ("email", "whatsapp", "call", "sms", "note", "in_person")
TYPE_WEIGHTS = (40, 20, 15, 5, 15, 5)
COMM_DIRECTIONS = {
    "email": (("inbound", 55), ("outbound", 45)),
    "whatsapp": (("inbound", 60), ("outbound", 40)),
    "call": (("inbound", 50), ("outbound", 50)),
    "sms": (("inbound", 30), ("outbound", 70)),
    "note": (("internal", 100),),
    "in_person": (("internal", 70), ("outbound", 30)),
}
SENTENCE_COUNTS = {
    "email": (2, 14),
    "whatsapp": (1, 3),
    "call": (1, 4),
    "sms": (1, 2),
    "note": (1, 5),
    "in_person": (2, 6),
}
MEDIA_KINDS = (
    ("IMG_{n:04d}.jpg", "image/jpeg", 45),
    ("IMG_{n:04d}.HEIC", "image/heic", 10),
    ("Angebot_{o}.pdf", "application/pdf", 15),
    ("Rechnung_{o}.pdf", "application/pdf", 10),
    ("VID_{n:04d}.mp4", "video/mp4", 5),
    ("Aufmass_{o}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 5),
    ("scan_{n:04d}.pdf", None, 10),
)
MEDIA_TAGS = ("Solar", "Dach", "Wartung", "Rechnung", "Angebot", "vorher", "nachher", "Schaden")
MEDIA_DIRECTIONS = (("received", 50), ("sent", 30), ("internal", 15), (None, 5))


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def uuid4(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def moments(self, count: int) -> Iterator[str]:
        """``count`` increasing naive-UTC isoformat() times over the last YEARS years."""
        start = END - timedelta(days=365 * YEARS)
        span = (END - start).total_seconds()
        offsets = sorted(self.rng.random() * span for _ in range(count))
        for offset in offsets:
            yield (start + timedelta(seconds=offset)).isoformat()


def _weighted(rng: random.Random, pairs: tuple[tuple[object, int], ...]) -> object:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def _owners(rng: random.Random, total: int, heavy: int, customers: int, heavy_index: int) -> list:
    """The customer index of each of ``total`` rows: ``heavy`` for the heavy one, the rest
    skewed over the others (some customers have hundreds of entries, most a few dozen)."""
    weights = [rng.paretovariate(1.6) for _ in range(customers)]
    weights[heavy_index] = 0
    owners = rng.choices(range(customers), weights, k=total - heavy)
    owners.extend([heavy_index] * heavy)
    rng.shuffle(owners)
    return owners


def _customers(w: Writer, size: Size, heavy_index: int) -> list[tuple]:
    rng = w.rng
    rows = []
    moments = list(w.moments(size.customers))
    for index in range(size.customers):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        organization = None
        if index == heavy_index:
            name, organization = "Hausverwaltung Spree", "Hausverwaltung Spree GmbH & Co. KG"
        elif rng.random() < 0.35:
            organization = f"{rng.choice(ORG_WORD)} {last} {rng.choice(ORG_KIND)}"
        domain = (organization or last).split()[0].lower()
        email = f"{first}.{last}@{domain}.example".lower() if rng.random() < 0.85 else None
        phone = f"+49 30 {rng.randint(1000000, 9999999)}" if rng.random() < 0.8 else None
        address = f"{rng.choice(STREET)} {rng.randint(1, 140)}, {rng.randint(10115, 16999)} "
        address += rng.choice(CITY)
        notes = rng.choice(SENTENCES) if rng.random() < 0.3 else None
        tags = json.dumps(
            rng.sample(("Solar", "Dach", "Wartung", "Gewerbe", "VIP"), rng.randint(0, 2))
        )
        folder = f"/CRM/Customers/{(organization or name).replace('/', '-')}"
        created = moments[index]
        rows.append(
            (
                w.uuid4(),
                name,
                organization,
                email,
                phone,
                address,
                notes,
                tags,
                folder,
                created,
                created,
            )
        )
    return rows


def _comm_rows(w: Writer, size: Size, customers: list[tuple], owners: list[int]) -> Iterator[tuple]:
    rng = w.rng
    for owner, occurred in zip(owners, w.moments(size.comms), strict=True):
        customer_id = customers[owner][0]
        kind = rng.choices(TYPES, TYPE_WEIGHTS)[0]
        direction = _weighted(rng, COMM_DIRECTIONS[kind])
        low, high = SENTENCE_COUNTS[kind]
        body = " ".join(rng.choices(SENTENCES, k=rng.randint(low, high)))
        subject = None
        if kind in ("email", "in_person", "note") or rng.random() < 0.2:
            subject = rng.choice(SUBJECTS).format(
                n=rng.randint(4, 30),
                d=occurred[:10],
                o=f"A-{occurred[:4]}-{rng.randint(1, 9999):04d}",
            )
        attachments: list[dict[str, str]] = []
        if kind in ("email", "whatsapp") and rng.random() < 0.18:
            folder = customers[owner][8]
            for n in range(rng.randint(1, 3)):
                filename = f"Anhang_{rng.randint(1, 99999)}_{n}.pdf"
                attachments.append({"filename": filename, "nextcloud_path": f"{folder}/{filename}"})
        ext = None
        if kind == "email" and direction == "inbound":
            ext = f"<{w.uuid4()}@mail.example>"
        elif kind == "whatsapp":
            ext = f"wamid.{rng.getrandbits(96):024x}"
        logged_by = rng.choice(STAFF) if ext is None else None
        created = (
            datetime.fromisoformat(occurred) + timedelta(seconds=rng.randint(1, 900))
        ).isoformat()
        yield (
            w.uuid4(),
            customer_id,
            kind,
            direction,
            subject,
            body,
            json.dumps(attachments),
            ext,
            logged_by,
            occurred,
            created,
        )


def _media_rows(
    w: Writer, size: Size, customers: list[tuple], owners: list[int]
) -> Iterator[tuple]:
    rng = w.rng
    kinds = [(k[0], k[1]) for k in MEDIA_KINDS]
    weights = [k[2] for k in MEDIA_KINDS]
    for owner, created in zip(owners, w.moments(size.media), strict=True):
        customer = customers[owner]
        pattern, mime = rng.choices(kinds, weights)[0]
        order_id = f"A-{created[:4]}-{rng.randint(1, 9999):04d}" if rng.random() < 0.6 else None
        filename = pattern.format(n=rng.randint(1, 9999), o=order_id or rng.randint(100, 999))
        tags = json.dumps(rng.sample(MEDIA_TAGS, rng.randint(0, 3)))
        direction = _weighted(rng, MEDIA_DIRECTIONS)
        uploaded_by = rng.choice(STAFF) if rng.random() < 0.9 else None
        yield (
            w.uuid4(),
            customer[0],
            order_id,
            filename,
            f"{customer[8]}/{filename}",
            mime,
            direction,
            tags,
            uploaded_by,
            created,
        )


def _batches(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(
    connection: sqlite3.Connection, table: str, rows: Iterator[tuple] | list[tuple]
) -> None:
    batches = _batches(iter(rows))
    for batch in batches:
        marks = ", ".join("?" * len(batch[0]))
        connection.execute("BEGIN")
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", batch)
        connection.execute("COMMIT")


def generate(folder: Path, size: Size = Size()) -> Generated:
    """Write ``spec.sqlite3`` and ``big.sqlite3`` (with the app's indexes) into ``folder``."""
    started = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    spec, big = folder / "spec.sqlite3", folder / "big.sqlite3"
    for path in folder.glob("*.sqlite3*"):
        path.unlink()
    rng = random.Random(SEED)
    w = Writer(rng)
    heavy_index = rng.randrange(size.customers)
    customers = _customers(w, size, heavy_index)
    connection = sqlite3.connect(spec, isolation_level=None)
    connection.execute("PRAGMA journal_mode=off")  # generation only: speed, no crash safety
    connection.execute("PRAGMA synchronous=off")
    connection.execute("PRAGMA cache_size=-1000000")
    for ddl in (CUSTOMERS_DDL, COMMS_DDL, MEDIA_DDL):
        connection.execute(ddl)
    _insert(connection, "crm_customers", customers)
    comm_owners = _owners(rng, size.comms, size.heavy_comms, size.customers, heavy_index)
    _insert(connection, "crm_comms_log", _comm_rows(w, size, customers, comm_owners))
    media_owners = _owners(rng, size.media, size.heavy_media, size.customers, heavy_index)
    _insert(connection, "crm_media", _media_rows(w, size, customers, media_owners))
    connection.execute("PRAGMA journal_mode=delete")  # as the backend's file is
    connection.close()

    shutil.copyfile(spec, big)
    connection = sqlite3.connect(big, isolation_level=None)
    connection.execute("PRAGMA cache_size=-1000000")
    for ddl in INDEX_DDL:  # the app's own statements, as init_db() runs them
        connection.execute(ddl)
    connection.execute("PRAGMA journal_mode=wal")  # as the app leaves the file
    connection.close()

    counts = Counter(comm_owners)
    other_index = max(
        (i for i in range(size.customers) if i != heavy_index),
        key=lambda i: (counts.get(i, 0) if 40 <= counts.get(i, 0) <= 80 else -1, -i),
    )
    return Generated(
        version=VERSION,
        size=asdict(size),
        heavy_id=customers[heavy_index][0],
        heavy_name=customers[heavy_index][1],
        other_id=customers[other_index][0],
        seconds=round(time.perf_counter() - started, 1),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    args = parser.parse_args(argv)
    full = Size()
    size = Size(*(max(1, round(getattr(full, f) * args.scale)) for f in asdict(full)))
    generated = generate(args.folder, size)
    (args.folder / "generated.json").write_text(json.dumps(asdict(generated), indent=2))
    print(json.dumps(asdict(generated)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
