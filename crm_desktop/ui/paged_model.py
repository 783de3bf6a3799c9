"""A table model over a query's rows, fetched page by page as the view scrolls.

The model holds the rows loaded so far (light, immutable row objects from the service),
never a whole table. Subclasses say how to fetch one page and what each cell shows;
``refresh()`` re-reads what is loaded and applies only the differences, so a view keeps
its selection and scroll position when rows appear, change or vanish.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)


class Identified(Protocol):
    """A row of a list: the service's rows and records all have an id."""

    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=Identified)
Index = QModelIndex | QPersistentModelIndex

log = logging.getLogger("crm_desktop.ui.models")

# Every row of every list: enabled, selectable, no children (made once: flags() is asked for
# every cell painted).
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


@dataclass(frozen=True, slots=True)
class FetchPlan(Generic[Row]):
    """What loading down to a far row reads: the rows after ``last`` (the ``offset``-th
    row), ``limit`` of them, for the list as it was at ``generation``."""

    generation: int
    last: Row | None
    offset: int
    limit: int

    @property
    def read(self) -> tuple[Row | None, int, int]:
        """fetch_page()'s arguments."""
        return self.last, self.offset, self.limit


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """Rows from ``fetch_page()``, a page at a time (``canFetchMore``/``fetchMore``)."""

    PAGE_SIZE = 200
    # The first page, when it should be smaller than the rest (0: a whole page), so that a
    # list opens as fast as it can.
    FIRST_PAGE_SIZE = 0

    # The roles data() answers (None: ask data() for every role). A delegate asks for seven
    # roles of every cell it paints, at once (multiData); only these reach Python's data().
    ROLES: ClassVar[frozenset[int] | None] = None

    # A page failed to load (the exception); the view shows what it has and the panel says why.
    load_failed = Signal(object)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._generation = 0  # counts reloads: a plan made before one is stale
        self._complete = True
        self._busy = False
        # The headers, translated once: Qt asks for the column count many times per paint.
        self._titles: Sequence[str] | None = None

    # --- what subclasses provide ----------------------------------------------------------

    def fetch_page(self, last: Row | None, offset: int, limit: int) -> list[Row]:
        """Up to ``limit`` rows that follow ``last`` (the ``offset``-th row) in the list's order."""
        raise NotImplementedError

    def row_id(self, row: Row) -> str:
        return row.id

    def is_active(self) -> bool:
        """False when the model has nothing to show (e.g. no customer chosen)."""
        return True

    def column_titles(self) -> Sequence[str]:
        """The columns' headers, translated; their number is the model's column count."""
        raise NotImplementedError

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    @property
    def titles(self) -> Sequence[str]:
        """column_titles(), asked once (the language is chosen at start)."""
        if self._titles is None:
            self._titles = tuple(self.column_titles())
        return self._titles

    def multiData(self, index: Index, span: QModelRoleDataSpan | QModelRoleData, /) -> None:
        """All the roles a delegate asks for a cell, in one call from Qt: the roles the
        model does not answer stay empty without a call to data() each."""
        roles = self.ROLES
        # PySide6 iterates a span (its stubs do not say so).
        each = [span] if isinstance(span, QModelRoleData) else cast(Iterable[QModelRoleData], span)
        for role_data in each:
            role = role_data.role()
            if roles is None or role in roles:
                role_data.setData(self.data(index, role))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = self.titles
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(titles)
        ):
            return titles[section]
        return None

    # While a page is being inserted or the model reset, a slot connected to those signals
    # (QAbstractItemModelTester's, or a view's) may ask for more: the same page would come
    # twice. So nothing is fetched while the model is busy changing.
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete and not self._busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete or self._busy:
            return
        with self._changing():
            rows = self._fetch(self._rows[-1] if self._rows else None, len(self._rows))
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()

    def fetch_to(self, row: int) -> bool:
        """Load the rows down to ``row`` (and a page after it) in one go, for a jump far
        down a long list (a search hit that is entry 15,000): one query and one insertion
        rather than one per page. True when ``row`` is loaded."""
        if row < len(self._rows):
            return True
        if self._complete or self._busy:
            return False
        with self._changing():
            limit = row + 1 - len(self._rows) + self.PAGE_SIZE
            rows = self._fetch(self._rows[-1] if self._rows else None, len(self._rows), limit=limit)
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        return row < len(self._rows)

    def plan_fetch_to(self, row: int) -> FetchPlan[Row] | None:
        """What fetch_to(row) would read, for reading it on a worker thread
        (``fetch_page(plan.last, plan.offset, plan.limit)``, which touches no Qt) and
        adding it with add_fetched(); None when there is nothing to read."""
        if row < len(self._rows) or self._complete or self._busy:
            return None
        last = self._rows[-1] if self._rows else None
        limit = row + 1 - len(self._rows) + self.PAGE_SIZE
        return FetchPlan(self._generation, last, len(self._rows), limit)

    def add_fetched(self, plan: FetchPlan[Row], rows: Sequence[Row]) -> bool:
        """Add the rows a worker read for ``plan``, if the list is still as it was when
        the plan was made (no reload, the same last row); False when it is not."""
        last = self._rows[-1] if self._rows else None
        if plan.generation != self._generation or last is not plan.last or self._busy:
            return False
        with self._changing():
            self._complete = len(rows) < plan.limit
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        return True

    @contextmanager
    def _changing(self) -> Iterator[None]:
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    # --- for panels -----------------------------------------------------------------------

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, index: Index) -> Row | None:
        return self.row_at(index.row()) if index.isValid() else None

    def find_row(self, row_id: str) -> int:
        """The position of the loaded row with this id, or -1."""
        for position, row in enumerate(self._rows):
            if self.row_id(row) == row_id:
                return position
        return -1

    @property
    def loaded_rows(self) -> Sequence[Row]:
        return tuple(self._rows)

    @property
    def complete(self) -> bool:
        return self._complete

    def reload(self) -> None:
        """Start over from the first page (after the query itself changed)."""
        with self._changing():
            self._generation += 1
            self.beginResetModel()
            self._rows = []
            self._complete = not self.is_active()
            if not self._complete:
                self._rows = self._fetch(None, 0, limit=self.FIRST_PAGE_SIZE) or []
            self.endResetModel()

    def refresh(self) -> None:
        """Re-read the rows loaded so far and apply only what changed (selection stays)."""
        if not self.is_active():
            if self._rows:
                self.reload()
            return
        wanted = max(len(self._rows), self.FIRST_PAGE_SIZE or self.PAGE_SIZE)
        fresh: list[Row] = []
        complete = False
        while len(fresh) < wanted:
            # Exactly as many rows as were shown: a refresh re-reads, it does not load more.
            limit = min(self.PAGE_SIZE, wanted - len(fresh))
            page = self._fetch(
                fresh[-1] if fresh else None, len(fresh), keep_state=True, limit=limit
            )
            if page is None:
                return  # failed: keep what is shown
            fresh.extend(page)
            if len(page) < limit:
                complete = True
                break
        with self._changing():
            self._apply(fresh)
            self._complete = complete

    # --- internals ------------------------------------------------------------------------

    def _fetch(
        self, last: Row | None, offset: int, keep_state: bool = False, limit: int = 0
    ) -> list[Row] | None:
        limit = limit or self.PAGE_SIZE
        try:
            rows = self.fetch_page(last, offset, limit)
        except Exception as exc:
            log.warning("Loading rows failed in %s", type(self).__name__, exc_info=exc)
            if not keep_state:
                self._complete = True
            self.load_failed.emit(exc)
            return None
        if not keep_state:
            self._complete = len(rows) < limit
        return rows

    def _apply(self, fresh: list[Row]) -> None:
        old_ids = [self.row_id(row) for row in self._rows]
        new_ids = [self.row_id(row) for row in fresh]
        if old_ids != new_ids:
            matcher = difflib.SequenceMatcher(a=old_ids, b=new_ids, autojunk=False)
            # From the bottom up, so that earlier positions stay valid while rows move.
            for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
                if tag in ("delete", "replace"):
                    self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                    del self._rows[i1:i2]
                    self.endRemoveRows()
                if tag in ("insert", "replace"):
                    self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                    self._rows[i1:i1] = fresh[j1:j2]
                    self.endInsertRows()
        last_column = self.columnCount() - 1
        for position, row in enumerate(fresh):
            if self._rows[position] != row:
                self._rows[position] = row
                self.dataChanged.emit(self.index(position, 0), self.index(position, last_column))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return ROW_FLAGS
