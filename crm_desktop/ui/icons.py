"""Every icon the app shows, named here and nowhere else (SVGs in resources/icons).

The line icons (Lucide, ISC licence) draw with ``currentColor``; they are tinted with the
palette's text colour, so they read well in light and dark colour schemes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QMimeDatabase, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from crm_desktop import paths

# Semantic name -> SVG file stem.
ACTIONS = {
    "add": "plus",
    "edit": "pencil",
    "delete": "trash-2",
    "search": "search",
    "undo": "undo-2",
    "redo": "redo-2",
    "settings": "settings",
    "open": "folder-open",
    "open-file": "external-link",
    "copy": "copy",
    "database": "database",
    "new-database": "file-plus",
    "refresh": "refresh-cw",
    "save": "save",
    "close": "x",
    "filter": "list-filter",
    "view-icons": "layout-grid",
    "view-table": "table-2",
    "attachment": "paperclip",
    "user": "user",
    "customer-new": "user-plus",
    "customer-edit": "user-pen",
    "customer-delete": "user-x",
    "log-comm": "message-square",
    "time": "clock",
    "warning": "triangle-alert",
    "error": "circle-alert",
    "info": "info",
    "quit": "log-out",
    "help": "circle-help",
    "tag": "tag",
    "order": "package",
    "read-only": "lock",
    "offline": "cloud-off",
    "media-add": "file-plus",
    "export": "upload",
    "print": "file-text",
    "backup": "file-archive",
    "restore": "database",
    "phone": "phone",
    "email": "mail",
    "address": "map-pin",
    "organization": "building-2",
    "notes": "sticky-note",
}

COMM_TYPES = {
    "email": "mail",
    "whatsapp": "message-circle",
    "call": "phone",
    "sms": "message-square",
    "note": "sticky-note",
    "in_person": "users",
}

COMM_DIRECTIONS = {
    "inbound": "arrow-down-left",
    "outbound": "arrow-up-right",
    "internal": "arrow-left-right",
}

MEDIA_DIRECTIONS = {
    "received": "download",
    "sent": "upload",
    "internal": "arrow-left-right",
}

# Accent colours per communication type: readable on light and on dark backgrounds.
COMM_TYPE_COLORS = {
    "email": "#2563eb",
    "whatsapp": "#16a34a",
    "call": "#d97706",
    "sms": "#7c3aed",
    "note": "#64748b",
    "in_person": "#db2777",
}

UNKNOWN = "circle-help"


def _svg_path(stem: str) -> str:
    return str(paths.resources_dir() / "icons" / f"{stem}.svg")


@cache
def _svg_text(stem: str) -> bytes:
    with open(_svg_path(stem), "rb") as handle:
        return handle.read()


@cache  # asked for every icon a view paints; the palette is the one of the start
def _tint() -> tuple[str, str]:
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    return normal.name(), disabled.name()


class _TintedSvgEngine(QIconEngine):
    """Draws an SVG in a colour at whatever size is asked, when it is asked, and keeps it.

    Rendering every icon at every size up front cost start-up time and memory for sizes
    that are never shown.
    """

    def __init__(self, stem: str, color: str, disabled_color: str) -> None:
        super().__init__()
        self._stem, self._colors = stem, {False: color, True: disabled_color}
        self._renderers: dict[bool, QSvgRenderer] = {}
        self._pixmaps: dict[tuple[int, int, bool], QPixmap] = {}

    def _renderer(self, disabled: bool) -> QSvgRenderer:
        if disabled not in self._renderers:
            svg = _svg_text(self._stem).replace(b"currentColor", self._colors[disabled].encode())
            self._renderers[disabled] = QSvgRenderer(QByteArray(svg))
        return self._renderers[disabled]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Views paint their icons through here, every row on every repaint: the pixmap kept
        # for the size, not the SVG drawn again.
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), disabled)
        if key not in self._pixmaps:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            self._renderer(disabled).render(painter, QRectF(pixmap.rect()))
            painter.end()
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = self.pixmap(size * scale, mode, state)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._stem, self._colors[False], self._colors[True])


@cache
def _tinted_icon(stem: str, color: str, disabled_color: str) -> QIcon:
    return QIcon(_TintedSvgEngine(stem, color, disabled_color))


def _icon(stem: str, color: str | None = None) -> QIcon:
    normal, disabled = _tint()
    return _tinted_icon(stem, color or normal, disabled)


def icon(name: str) -> QIcon:
    """An action icon by its semantic name (``"add"``, ``"delete"``, ...)."""
    return _icon(ACTIONS.get(name, UNKNOWN))


def comm_type_icon(comm_type: str, colored: bool = True) -> QIcon:
    """The icon of a communication type; an unknown type (a foreign row) gets a question mark."""
    stem = COMM_TYPES.get(comm_type, UNKNOWN)
    return _icon(stem, COMM_TYPE_COLORS.get(comm_type) if colored else None)


def comm_type_color(comm_type: str) -> QColor:
    return QColor(COMM_TYPE_COLORS.get(comm_type, "#64748b"))


def direction_icon(direction: str) -> QIcon:
    return _icon(COMM_DIRECTIONS.get(direction, UNKNOWN))


def media_direction_icon(direction: str | None) -> QIcon:
    return _icon(MEDIA_DIRECTIONS.get(direction or "", "file"))


def mime_icon(mime_type: str | None) -> QIcon:
    """An icon for a file's MIME type (image, video, PDF, spreadsheet, ...)."""
    return _icon(mime_icon_stem(mime_type))


# freedesktop.org's generic icon names (QMimeType.genericIconName()) -> the app's icons.
_GENERIC_ICONS = {
    "image-x-generic": "image",
    "video-x-generic": "video",
    "audio-x-generic": "music",
    "package-x-generic": "file-archive",
    "x-office-document": "file-text",
    "x-office-spreadsheet": "file-spreadsheet",
    "x-office-presentation": "presentation",
    "text-x-script": "file-code",
    "text-html": "file-code",
}
# Types whose icon says more than their generic one (or that Qt's database lacks).
_TYPE_ICONS = {
    "message/rfc822": "mail",
    "application/vnd.ms-outlook": "mail",
    "text/vcard": "user",
    "text/csv": "file-spreadsheet",
    "text/plain": "file-text",
}
# Broad types a type inherits from, for the rest (checked in this order).
_INHERITED_ICONS = (
    ("application/zip", "file-archive"),  # Office files too, but their generic icon came first
    ("application/xml", "file-code"),
    ("application/json", "file-code"),
    ("text/plain", "file-text"),
)
_MIME_DB = QMimeDatabase()


@cache
def mime_icon_stem(mime_type: str | None) -> str:
    """The icon for a MIME type, found the way file managers do: the type's canonical
    name (aliases such as application/x-pdf resolved), its generic icon (an archive, an
    office document, code), the types it inherits from, then its family (image/...)."""
    name = (mime_type or "").strip().lower()
    if not name:
        return "file"
    mime = _MIME_DB.mimeTypeForName(name)
    canonical = mime.name() if mime.isValid() else name
    for key in (name, canonical):
        if key in _TYPE_ICONS:
            return _TYPE_ICONS[key]
    if mime.isValid():
        generic = _GENERIC_ICONS.get(mime.genericIconName())
        if generic is not None:
            return generic
        for parent, stem in _INHERITED_ICONS:
            if mime.inherits(parent):
                return stem
    family = canonical.split("/", 1)[0]
    return {"image": "image", "video": "video", "audio": "music", "text": "file-text"}.get(
        family, "file"
    )


def app_icon() -> QIcon:
    return QIcon(_svg_path("app"))


def clear_cache() -> None:
    """Forget tinted icons, e.g. after the colour scheme changed."""
    _tinted_icon.cache_clear()
    _tint.cache_clear()


def all_stems() -> set[str]:
    return {
        *ACTIONS.values(),
        *COMM_TYPES.values(),
        *COMM_DIRECTIONS.values(),
        *MEDIA_DIRECTIONS.values(),
        UNKNOWN,
        "file",
        "image",
        "video",
        "music",
        "file-text",
        "file-spreadsheet",
        "presentation",
        "file-archive",
        "file-code",
        "mail",
        "app",
    }
