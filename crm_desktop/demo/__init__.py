"""Sample data for ``crm-desktop --demo``: the office of a small roofing and solar installer.

Sonnendach Berlin GmbH serves private and business customers in and around Berlin; some of
them speak English. Everything is written through the service functions, as the app itself
writes it, so the demo file is one the web backend could have made too.

The data is made up but reproducible: the same ``seed`` and ``now`` give the same customers,
communications and media records in the same order. Only what the service assigns (ids,
``created_at``) differs between two runs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from crm_desktop import service, timeutil
from crm_desktop.database import database_proxy, init_db
from crm_desktop.demo.content import (
    _APPOINTMENT_TIMES,
    _DE_COMMS,
    _DE_MEDIA,
    _EN_COMMS,
    _EN_MEDIA,
    _MONTHS_EN,
    _WEEKDAYS_DE,
    _WEEKDAYS_EN,
    ANY,
    COMPANY,
    CUSTOMERS,
    CUSTOMERS_FOLDER,
    IN,
    OFFICE_MAIL_DOMAIN,
    OFFICE_PHONE,
    ROOF,
    SOLAR,
    STAFF,
    THEME_TAGS,
    _Comm,
    _Customer,
    _Media,
)
from crm_desktop.models import CommDirection, CommType

Item = TypeVar("Item")


def _number(value: float, english: bool, decimals: int = 0) -> str:
    """``12,345.5`` in English, ``12.345,5`` in German (fixed, not the system's locale:
    this is text a person typed, in the customer's language)."""
    text = f"{value:,.{decimals}f}"
    return text if english else text.translate(str.maketrans(",.", ".,"))


def _previous_workday(moment: datetime) -> datetime:
    """The same time on the Friday before if ``moment`` falls on a weekend: offices rest."""
    return moment - timedelta(days=max(0, moment.weekday() - 4))


def _workday_after(moment: datetime, days: int) -> datetime:
    """``days`` later, moved on to the Monday if that is a weekend (for appointments)."""
    later = moment + timedelta(days=days)
    return later + timedelta(days=7 - later.weekday()) if later.weekday() >= 5 else later


def _vat(spec: _Customer, theme: str) -> str:
    # German VAT: private solar systems have been zero-rated since 2023; all else pays 19 %.
    if spec.business:
        return "plus 19% VAT" if spec.english else "zzgl. 19 % MwSt."
    if theme == SOLAR:
        return "(0% VAT on residential solar)" if spec.english else "(0 % MwSt., § 12 Abs. 3 UStG)"
    return "incl. 19% VAT" if spec.english else "inkl. 19 % MwSt."


def _amount(spec: _Customer, theme: str) -> float:
    if theme == SOLAR:
        return round((spec.modules * 0.445 * 1250 + 8900) / 10) * 10
    if theme == ROOF:
        return round(spec.roof_m2 * 210 / 10) * 10
    return 290 + spec.modules * 4  # a maintenance contract, per year


def _text_fields(
    spec: _Customer, theme: str, order: str, staff: str, when: datetime, rng: random.Random
) -> dict[str, str]:
    """Everything a template may name, for one record written at ``when``."""
    appointment = _workday_after(when, rng.randint(2, 9))
    if spec.english:
        day = (
            f"{_WEEKDAYS_EN[appointment.weekday()]} {appointment.day} "
            f"{_MONTHS_EN[appointment.month - 1]}"
        )
    else:
        day = f"{_WEEKDAYS_DE[appointment.weekday()]}, {appointment:%d.%m.}"
    kwp = spec.modules * 0.445
    return {
        "name": spec.name,
        "first": spec.name.split()[-2] if " " in spec.name else spec.name,
        "addressee": spec.addressee,
        "org_or_name": spec.organization or spec.name,
        "street": spec.address.splitlines()[0],
        "phone": spec.phone,
        "building": spec.building,
        "company": COMPANY,
        "office_phone": OFFICE_PHONE,
        "staff": staff,
        "staff_first": staff.split()[0],
        "order": order,
        "day": day,
        "time": rng.choice(_APPOINTMENT_TIMES),
        "week": str(appointment.isocalendar().week),
        "quarter": str((when.month - 1) // 3 + 1),
        "year": str(when.year),
        "prev_year": str(when.year - 1),
        "next_year": str(when.year + 1),
        "modules": str(spec.modules),
        "kwp": _number(kwp, spec.english, 1),
        "usage": _number(spec.modules * 380, spec.english),
        "yield_kwh": _number(round(kwp * 950, -2), spec.english),
        "roof_m2": _number(spec.roof_m2, spec.english),
        "amount": _number(_amount(spec, theme), spec.english),
        "vat": _vat(spec, theme),
        "grid_ref": f"NVP-{rng.randint(100000, 999999)}",
        "img": str(rng.randint(1000, 9999)),
        "img2": str(rng.randint(1000, 9999)),
        # How WhatsApp names the files it exports.
        "wdate": f"{when:%Y-%m-%d}",
        "wtime": f"{when:%H.%M.%S}",
        "wtime2": f"{when + timedelta(seconds=2):%H.%M.%S}",
    }


def _pick(
    rng: random.Random,
    pool: Sequence[Item],
    count: int,
    *,
    required: Iterable[int] = (),
    cover: Sequence[Callable[[Item], Hashable]] = (),
) -> list[int]:
    """Indices of ``count`` items of ``pool`` (none when ``count`` is 0): the required ones,
    one item of each value of every ``cover`` key (so that the showcase customer shows every
    kind), then a random rest. Items repeat only when the pool is too small."""
    if count <= 0:
        return []
    chosen = list(dict.fromkeys(required))
    for key in cover:
        for value in dict.fromkeys(key(item) for item in pool):
            if any(key(pool[index]) == value for index in chosen):
                continue
            chosen.append(rng.choice([i for i, item in enumerate(pool) if key(item) == value]))
    rest = [index for index in range(len(pool)) if index not in chosen]
    chosen += rng.sample(rest, min(max(0, count - len(chosen)), len(rest)))
    chosen += rng.choices(range(len(pool)), k=max(0, count - len(chosen)))
    return chosen


def _first_phase(template: _Comm) -> int:
    return template.phase[0] if isinstance(template.phase, tuple) else template.phase


def _comm_times(spec: _Customer, count: int, now: datetime, rng: random.Random) -> list[datetime]:
    """``count`` distinct moments, oldest first: office hours since the first contact, then
    the customer's recent ones (yesterday, hours ago, minutes ago)."""
    recent = {
        # Yesterday during office hours, whatever the time now (earlier entries are at least
        # two calendar days back, so the order holds).
        "yesterday": lambda: (now - timedelta(days=1)).replace(
            hour=rng.randint(7, 15), minute=rng.randrange(60), second=rng.randrange(60)
        ),
        "hours": lambda: now - timedelta(minutes=rng.randint(90, 300)),
        "minutes": lambda: now - timedelta(minutes=rng.randint(8, 50)),
    }
    latest = sorted(recent[name]() for name in spec.recent[:count])
    earlier: set[datetime] = set()
    while len(earlier) < count - len(latest):
        day = now - timedelta(days=rng.uniform(2, max(spec.since_days, 3)))
        # Office hours in Berlin are about 6 to 17 o'clock UTC; stored times are UTC.
        moment = day.replace(hour=rng.randint(6, 16), minute=rng.randrange(60))
        earlier.add(_previous_workday(moment.replace(second=rng.randrange(60), microsecond=0)))
    return [*sorted(earlier), *(moment.replace(microsecond=0) for moment in latest)]


def _staff(spec: _Customer, rng: random.Random) -> str:
    # Most of a customer's records come from the colleague who looks after them.
    return STAFF[spec.owner] if rng.random() < 0.7 else rng.choice(STAFF)


def _message_id(
    kind: CommType, direction: CommDirection, spec: _Customer, rng: random.Random
) -> str | None:
    if kind is CommType.email:
        domain = spec.email.split("@")[1] if direction is IN else OFFICE_MAIL_DOMAIN
        return f"<{rng.getrandbits(64):016x}@{domain}>"
    if kind is CommType.whatsapp:
        return f"wamid.{rng.getrandbits(96):024X}"
    return None


def _comms(
    spec: _Customer,
    customer_id: str,
    folder: str,
    orders: dict[str, str],
    showcase: bool,
    now: datetime,
    rng: random.Random,
) -> list[dict[str, Any]]:
    library = _EN_COMMS if spec.english else _DE_COMMS
    # Each template with the project it belongs to; "any" ones join a project at random.
    pool = [
        (theme, t)
        for theme in (*spec.themes, ANY)
        for t in library.get(theme, ())
        if _first_phase(t) <= spec.stage
    ]
    # Every story starts with an enquiry about the first project.
    enquiries = [i for i, (theme, t) in enumerate(pool) if theme == spec.themes[0] and t.phase == 0]
    pinned = [i for i, (_theme, t) in enumerate(pool) if t.key and t.key in spec.pinned]
    picked = _pick(
        rng,
        pool,
        spec.comms,
        required=[rng.choice(enquiries), *pinned] if enquiries else pinned,
        cover=((lambda entry: (entry[1].type, entry[1].direction)),) if showcase else (),
    )
    story = []
    for index in picked:
        theme, template = pool[index]
        if theme == ANY:
            # Joins a project and a phase at random, anywhere among that phase's steps.
            project = rng.randrange(len(spec.themes))
            low, high = template.phase if isinstance(template.phase, tuple) else (0, 6)
            phase = rng.randint(low, min(high, spec.stage))
            position = rng.uniform(0, len(pool))
        else:
            # A project's own templates are listed in the order they happen.
            project, phase, position = spec.themes.index(theme), _first_phase(template), index
        story.append((project, phase, position, spec.themes[project], template))
    story.sort(key=lambda step: step[:3])  # projects one after another, each in its phases

    entries = []
    for moment, (_p, _ph, _r, theme, template) in zip(
        _comm_times(spec, len(story), now, rng), story, strict=True
    ):
        staff = _staff(spec, rng)
        fields = _text_fields(spec, theme, orders[theme], staff, moment, rng)
        attachments = [name.format_map(fields) for name in template.attachments]
        entries.append(
            {
                "customer_id": customer_id,
                "type": template.type,
                "direction": template.direction,
                "subject": template.subject.format_map(fields) if template.subject else None,
                "body": template.body.format_map(fields),
                "attachments": [
                    {"filename": name, "nextcloud_path": f"{folder}/{name}"} for name in attachments
                ],
                "ext_message_id": _message_id(template.type, template.direction, spec, rng),
                "logged_by": staff,
                "occurred_at": timeutil.to_storage(moment),
            }
        )
    return entries


def _media(
    spec: _Customer,
    customer_id: str,
    folder: str,
    orders: dict[str, str],
    showcase: bool,
    now: datetime,
    rng: random.Random,
) -> list[dict[str, Any]]:
    library = _EN_MEDIA if spec.english else _DE_MEDIA
    pool = [(theme, m) for theme in spec.themes for m in library.get(theme, ())]
    covers: tuple[Callable[[tuple[str, _Media]], Hashable], ...] = (
        lambda entry: entry[1].direction,
        lambda entry: entry[1].filename.rsplit(".", 1)[-1],  # every kind of file
    )
    picked = _pick(
        rng,
        pool,
        spec.media,
        required=[i for i, (_theme, m) in enumerate(pool) if m.key and m.key in spec.pinned],
        cover=covers if showcase else (),
    )
    records = []
    # In the pool's order, which is the projects' order: the newest file is added last.
    for index in sorted(picked):
        theme, media = pool[index]
        staff = _staff(spec, rng)
        fields = _text_fields(spec, theme, orders[theme], staff, now, rng)
        filename = media.filename.format_map(fields)
        records.append(
            {
                "customer_id": customer_id,
                "order_id": orders[theme] if media.with_order else None,
                "filename": filename,
                "nextcloud_path": f"{folder}/{filename}",
                "mime_type": media.mime_type,
                "direction": media.direction,
                "tags": [*media.tags, THEME_TAGS[theme]],
                "uploaded_by": staff,
            }
        )
    return records


def fill_demo_data(now: datetime | None = None, seed: int = 7) -> None:
    """Write the demo company's customers, communications and media records into the bound
    database, adding to whatever it holds.

    ``now`` anchors every date (a naive value is taken as UTC; default: the current time).
    The same ``seed`` and ``now`` give the same data. Everything is written in one
    transaction: a failure leaves no half-filled database behind.
    """
    now = timeutil.utc_now() if now is None else now
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    rng = random.Random(seed)
    busiest = max(CUSTOMERS, key=lambda spec: spec.comms)
    order_number = rng.randint(101, 140)
    with database_proxy.atomic():
        for spec in CUSTOMERS:
            folder = f"{CUSTOMERS_FOLDER}/{spec.folder}"
            customer = service.create_customer(
                {
                    "name": spec.name,
                    "organization": spec.organization,
                    "email": spec.email,
                    "phone": spec.phone,
                    "address": spec.address,
                    "notes": spec.notes,
                    "tags": list(spec.tags),
                    "nextcloud_folder": folder,
                }
            )
            orders = {}
            for position, theme in enumerate(spec.themes):
                # Orders are numbered per year, in the year the project started.
                started = now - timedelta(days=spec.since_days * (1 - position / len(spec.themes)))
                order_number += rng.randint(2, 9)
                orders[theme] = f"A-{started.year}-{order_number:04d}"
            showcase = spec is busiest
            for entry in _comms(spec, customer.id, folder, orders, showcase, now, rng):
                service.create_comm(entry)
            media = _media(spec, customer.id, folder, orders, showcase, now, rng)
            if media:
                service.create_media_many(media)


def ensure_demo_database(path: Path) -> Path:
    """Open the demo database at ``path`` (creating the file if needed) and leave it bound;
    fill it with the demo data only when it has no customers at all, so that opening it
    again keeps what the user changed."""
    init_db(path)
    if service.count_customers() == 0:
        fill_demo_data()
    return path
