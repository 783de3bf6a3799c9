"""The main window: customers, the chosen customer's timeline, and their media, side by side."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm_desktop import APP_DISPLAY_NAME, __version__, paths, service
from crm_desktop.errors import DatabaseMissingError
from crm_desktop.locations import DatabaseLocation, LocationError, parse_location
from crm_desktop.service import session
from crm_desktop.ui import icons
from crm_desktop.ui.backups.actions import BackupActions
from crm_desktop.ui.context import AppContext
from crm_desktop.ui.customers.card import CustomerCard
from crm_desktop.ui.customers.panel import CustomerPanel
from crm_desktop.ui.database_choice import DatabaseChooser
from crm_desktop.ui.dialogs.settings import SettingsDialog
from crm_desktop.ui.dossier.actions import DossierActions
from crm_desktop.ui.indexes import IndexBuilder
from crm_desktop.ui.layout_state import keep_splitter
from crm_desktop.ui.live_refresh import DatabaseWatcher
from crm_desktop.ui.media.panel import MediaPanel
from crm_desktop.ui.reading import ReadingPane, timeline_splitter
from crm_desktop.ui.search.field import GlobalSearch
from crm_desktop.ui.search.jump import SearchJump
from crm_desktop.ui.search_index import SearchIndexer
from crm_desktop.ui.timeline.panel import TimelinePanel
from crm_desktop.ui.undo_bar import UndoBar


def _home_abbreviated(path: Path) -> str:
    """``~/Documents/crm.sqlite3`` for a file in the home folder, else the whole path."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._offline_reason = ""  # why the database cannot be reached now, or ""
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.app_icon())

        self.customers = CustomerPanel(context, self)
        self.timeline = TimelinePanel(context, self)
        self.media = MediaPanel(context, self)
        # The timeline above the reading pane, which follows its selection.
        self.reading_pane = ReadingPane(context, self)
        self.reading_pane.follow(self.timeline.view)
        self.timeline_splitter = timeline_splitter(self.timeline, self.reading_pane, context)
        # The right column: the chosen customer's card (its natural height), media below.
        self.card = CustomerCard(context, self)
        self.customer_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.customer_splitter.setObjectName("customerSplitter")
        self.customer_splitter.setChildrenCollapsible(False)
        self.customer_splitter.addWidget(self.card)
        self.customer_splitter.addWidget(self.media)
        self.customer_splitter.setStretchFactor(1, 1)
        self.card.place_in(
            self.customer_splitter,
            keep_splitter(self.customer_splitter, context.settings, "MainWindow/customerSplitter"),
        )
        self.customers.add_context_actions(*self.card.context_actions())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        columns = ((self.customers, 3), (self.timeline_splitter, 4), (self.customer_splitter, 3))
        for panel, stretch in columns:
            self.splitter.addWidget(panel)
            self.splitter.setStretchFactor(self.splitter.indexOf(panel), stretch)
        self.splitter.setSizes([470, 520, 410])
        # Read-only files and unsafe storage are said once, plainly, above the panels.
        self.banner = QLabel(self)
        self.banner.setObjectName("databaseBanner")
        self.banner.setProperty("role", "banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        central = self.central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.undo_bar = UndoBar(context.undo_stack, central)
        context.events.restored.connect(self._restored)

        # Search everything: the field in the tool bar (Ctrl+K), a hit shown in the panels.
        self.global_search = GlobalSearch(self, context.events)
        self.addToolBar(self.global_search.tool_bar())
        self.search_jump = SearchJump(self.customers, self.timeline, self.media, self)
        self.global_search.hit_chosen.connect(self.search_jump.open)
        self.search_jump.problem.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self._build_status_bar()
        self.dossier = DossierActions(
            self, context, lambda: self.customers.current_id, lambda: self.timeline.model.filter
        )
        self.backups = BackupActions(self, context, self.release_database, self.reopen_database)
        self._build_menus()
        self.customers.customer_selected.connect(self._customer_selected)
        self.customers.customer_selected.connect(self.dossier.set_customer)
        self.customers.count_changed.connect(self._show_customer_count)
        self.timeline.count_changed.connect(self._show_comm_count)
        self.media.count_changed.connect(self._show_media_count)
        self._customer_selected(None)
        self._show_customer_count(service.count_customers())
        self._show_database()
        self._restore_state()
        self.watcher = DatabaseWatcher(context.events, self)
        self.watcher.offline.connect(self._went_offline)
        self.watcher.online.connect(self._came_back)
        self.watcher.retrying.connect(self._show_retry)
        self.watcher.start()
        # A big file opened for the first time gets the app's indexes once the window shows.
        self.indexes = IndexBuilder(self)
        self.indexes.finished.connect(self._indexes_built)
        # The search index: built in the background, then following the change log.
        self.search_index = SearchIndexer(self)
        self.search_index.progress.connect(self._show_search_index)
        self.search_index.customers_changed.connect(self._customer_keys_changed)
        self._customers_stale = False
        self.watcher.polled.connect(self.search_index.poke)
        self._select_when_indexed = False
        QTimer.singleShot(0, self._build_indexes)

    # --- layout ---------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setObjectName("statusBar")
        self.customer_count = QLabel(self)
        self.customer_count.setObjectName("customerCount")
        self.comm_count = QLabel(self)
        self.comm_count.setObjectName("commCount")
        self.media_count = QLabel(self)
        self.media_count.setObjectName("mediaCount")
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        for label in (self.customer_count, self.comm_count, self.media_count):
            status.addWidget(label)
        self.index_label = QLabel(self.tr("Preparing the file for quick lists…"), self)
        self.index_label.setObjectName("indexStatus")
        self.index_label.setToolTip(
            self.tr("The app builds its indexes of this file; until then lists are slower.")
        )
        self.index_label.hide()
        self.search_index_label = QLabel(self)
        self.search_index_label.setObjectName("searchIndexStatus")
        self.search_index_label.hide()
        # While the database cannot be reached: "Offline — retrying in N s", counting down.
        self.connection_status = QLabel(self)
        self.connection_status.setObjectName("connectionStatus")
        self.connection_status.hide()
        status.addPermanentWidget(self.index_label)
        status.addPermanentWidget(self.search_index_label)
        status.addPermanentWidget(self.connection_status)
        status.addPermanentWidget(self.database_label)

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(icons.icon(icon))
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("&New database…"), self.new_database, None, "new-database")
        )
        file_menu.addAction(
            self._action(
                self.tr("&Open database…"),
                self.open_database,
                QKeySequence.StandardKey.Open,
                "open",
            )
        )
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions(self.backups.actions())
        file_menu.addSeparator()
        self.settings_action = self._action(
            self.tr("&Settings…"), self.open_settings, "Ctrl+,", "settings"
        )
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), self.close, None, "quit")
        # Ctrl+Q everywhere: some platforms (Windows, Qt's offscreen) bind no key to Quit.
        quit_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)]
        self.quit_action.setShortcuts(list(dict.fromkeys([*quit_keys, QKeySequence("Ctrl+Q")])))
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.context.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(icons.icon("undo"))
        redo = self.context.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
        redo.setIcon(icons.icon("redo"))
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self.customers.search_action)
        edit_menu.addAction(self.global_search.focus_action)

        customer_menu = bar.addMenu(self.tr("&Customer"))
        customer_menu.addActions(self.customers.actions())
        customer_menu.addSeparator()
        customer_menu.addActions(self.dossier.actions())
        comm_menu = bar.addMenu(self.tr("C&ommunication"))
        comm_menu.addActions(self.timeline.actions())
        media_menu = bar.addMenu(self.tr("&Media"))
        media_menu.addActions(self.media.actions())

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&About CRM Desktop"), self.show_about, None, "help")
        )

    # --- the chosen customer --------------------------------------------------------------

    def _customer_selected(self, customer_id: str | None) -> None:
        customer = None
        if customer_id is not None:
            try:
                customer = service.get_customer(customer_id)
            except Exception as exc:
                self.context.prompts.error(self, exc)
        self.card.set_customer(customer)
        if customer is None:
            self.timeline.set_customer(None)
            self.media.set_customer(None)
            self.comm_count.clear()
            self.media_count.clear()
            return
        self.timeline.set_customer(customer.id, customer.name)
        self.media.set_customer(customer.id, customer.name, customer.nextcloud_folder)

    def _restored(self, kind: str, customer_id: str, ids: list[str]) -> None:
        """An undo put rows back: show their customer and select them again."""
        if customer_id and not self.customers.select_customer(customer_id):
            self.customers.search.clear()  # hidden by the search: show the whole list
            self.customers.model.set_search("")
            self.customers.select_customer(customer_id)
        if kind == "communication" and ids:
            self.timeline.show_entry(ids[0])
        elif kind == "media" and ids:
            self.media.select_records(ids)

    # Plurals come from the catalogues (English too: crm_desktop_en.ts).
    def _show_customer_count(self, count: int) -> None:
        self.customer_count.setText(self.tr("%Ln customers", "", count))

    def _show_comm_count(self, count: int) -> None:
        if self.customers.current_id is None:
            self.comm_count.clear()
            return
        self.comm_count.setText(self.tr("%Ln communications", "", count))

    def _show_media_count(self, count: int) -> None:
        if self.customers.current_id is None:
            self.media_count.clear()
            return
        self.media_count.setText(self.tr("%Ln media records", "", count))

    def _show_database(self) -> None:
        """The title bar and the status bar say which database is open (the demo as such)."""
        location = self.context.location
        reason = self.context.read_only_reason
        demo = location.path is not None and location.path == paths.demo_db_path()
        suffix = self.tr(" (read-only)") if reason else ""
        if self._offline_reason:
            suffix = self.tr(" (offline)")
        name = self.tr("Demo data") if demo else location.display_name
        self.setWindowTitle(f"{name}{suffix} — {APP_DISPLAY_NAME}")
        where = _home_abbreviated(location.path) if location.path is not None else str(location)
        label = self.tr("Demo data: {where}").format(where=where) if demo else where
        self.database_label.setText(label + suffix)
        self.database_label.setToolTip(
            self.tr("The database that is open: {location}").format(location=location)
        )
        notes = list(self.context.warnings)
        if demo:
            notes.append(
                self.tr(
                    "This is the demo database, with made-up customers to try things out. For "
                    "your own customers, open your database (File ▸ Open recent) or start CRM "
                    "Desktop without --demo."
                )
            )
        if reason:
            notes.insert(
                0,
                self.tr(
                    "Read-only: {reason}. You can look things up but not change them. To "
                    "change them, ask for write access to {folder}, or copy the file to a "
                    "folder of your own and open the copy (File ▸ Open database…)."
                ).format(reason=reason, folder=self._folder_name()),
            )
        if self._offline_reason:
            notes.insert(
                0,
                self.tr(
                    "Offline: {reason} The app keeps trying and reconnects by itself; what you "
                    "type in a dialog stays there until it can be saved."
                ).format(reason=self._offline_reason),
            )
        self.banner.setProperty("offline", bool(self._offline_reason))
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.setText("\n".join(notes))
        self.banner.setVisible(bool(notes))

    def _folder_name(self) -> str:
        path = self.context.location.path
        return _home_abbreviated(path.parent) if path is not None else str(self.context.location)

    @property
    def offline(self) -> bool:
        return bool(self._offline_reason)

    def _went_offline(self, reason: str) -> None:
        self._offline_reason = reason
        self.connection_status.setText(self.tr("Offline"))
        self.connection_status.show()
        self._show_database()

    def _show_retry(self, seconds: int) -> None:
        if not self._offline_reason:
            return
        if seconds > 0:
            text = self.tr("Offline — retrying in %n s", "", seconds)
        else:
            text = self.tr("Offline — reconnecting…")
        self.connection_status.setText(text)

    def _came_back(self) -> None:
        self._offline_reason = ""
        self.connection_status.hide()
        self._show_database()

    # --- databases ------------------------------------------------------------------------

    def _build_indexes(self) -> None:
        self.index_label.setVisible(self.indexes.start() or self.indexes.running)
        self.search_index_label.hide()
        self.search_index.start()

    def _stop_indexes(self, *, quitting: bool = False) -> None:
        self.global_search.shutdown()  # a search running on the file ends first
        self.search_jump.shutdown()
        self.indexes.stop()
        # Quitting does not wait for the search index's worker (what it committed is
        # whole); closing the file for another one, or for a restore, lets it end first.
        self.search_index.stop(wait=0.1 if quitting else 10.0)
        self.search_index_label.hide()

    def _show_search_index(self, indexed: int, total: int, complete: bool) -> None:
        if complete:
            self.search_index_label.hide()
            return
        percent = min(99, indexed * 100 // total) if total else 0
        self.search_index_label.setText(
            self.tr("Preparing search… %1 %").replace("%1", str(percent))
        )
        self.search_index_label.setToolTip(
            self.tr(
                "The app indexes this file for searching everything; until it is done, "
                "search reads older entries more slowly and may miss some."
            )
        )
        self.search_index_label.show()

    def _customer_keys_changed(self) -> None:
        """The customer list's keys changed (search index): the list re-reads, but not
        while the app's own indexes are built (it would read the whole timeline table to
        find the last contacts); then right after."""
        if self.indexes.running:
            self._customers_stale = True
        else:
            self.context.events.customers_changed.emit("")

    def _indexes_built(self) -> None:
        self.index_label.hide()
        if self._customers_stale:
            self._customers_stale = False
            self.context.events.customers_changed.emit("")
        if self._select_when_indexed and self.customers.current_id is None:
            self.customers.select_first()
        self._select_when_indexed = False

    def select_first_customer(self) -> None:
        """Choose the first customer (at start), once a big file's indexes are built: until
        then their timeline would be read the slow way while the window waits to appear."""
        if self.indexes.running:
            self._select_when_indexed = True
        else:
            self.customers.select_first()

    def switch_database(
        self, target: Path | str | DatabaseLocation, *, create: bool = False
    ) -> bool:
        """Open another database (a file or a server) in this window; on failure the current
        one stays open and the user is told why. A file that is not there is created only
        with ``create`` (File ▸ New database…); otherwise the user is asked what to do."""
        try:
            location = target if isinstance(target, DatabaseLocation) else parse_location(target)
        except LocationError as exc:
            self.context.prompts.error(self, exc)
            return False
        if location == self.context.location:
            return True
        if location.path is not None and not location.path.exists() and not create:
            choice = DatabaseChooser(self.context.prompts, self, at_start=False).after_missing(
                DatabaseMissingError(location.path)
            )
            if choice is None:
                return False
            return self.switch_database(choice.location, create=choice.create)
        previous = self.context.location
        self.watcher.stop()
        self._stop_indexes()
        session.close_database()
        try:
            opened = session.open_database(location, create=create)
        except Exception as exc:
            session.open_database(previous)
            self.watcher.start()
            self._build_indexes()
            self.context.prompts.error(self, exc)
            return False
        self._opened(opened)
        return True

    def _opened(self, opened: session.OpenedDatabase) -> None:
        location = opened.location
        self.context.location = location
        self.context.read_only_reason = opened.read_only_reason
        self.context.warnings = list(opened.warnings)
        self._offline_reason = ""
        self.connection_status.hide()
        self.context.settings.remember_database(location)
        self.context.undo_stack.clear()
        self.watcher.start()
        self._build_indexes()
        self._show_database()
        self.customers.search.clear()
        self.customers.model.reload()
        self.customers.select_first()
        if self.customers.current_id is None:
            self._customer_selected(None)

    def release_database(self) -> bool:
        """Close the database and keep the window from using it, for work on the file
        itself (a restore); reopen_database() afterwards. False while an export runs."""
        if self.dossier.busy:
            self.context.prompts.inform(
                self,
                self.tr("An export is running"),
                self.tr("Wait until the export is done, or cancel it, then try again."),
            )
            return False
        self.watcher.stop()
        self._stop_indexes()
        session.close_database()
        self.central.setEnabled(False)
        self.menuBar().setEnabled(False)
        return True

    def reopen_database(self) -> bool:
        """Open the same database again after release_database(), and show it afresh."""
        self.central.setEnabled(True)
        self.menuBar().setEnabled(True)
        location = self.context.location
        try:
            opened = session.open_database(location)
        except Exception as exc:
            self.context.prompts.error(self, exc)
            return False
        self._opened(opened)
        return True

    def open_database(self) -> None:
        """File ▸ Open: an existing database (a new one is File ▸ New database…)."""
        choice = DatabaseChooser(self.context.prompts, self, at_start=False).locate(
            self.context.db_path
        )
        if choice is not None:
            self.switch_database(choice.location)

    def new_database(self) -> None:
        """File ▸ New database…: create one where the user says (an existing file there is
        opened as it is: a database is never overwritten)."""
        current = self.context.db_path
        suggested = current.parent / paths.DEFAULT_DB_NAME if current is not None else None
        choice = DatabaseChooser(self.context.prompts, self, at_start=False).create(suggested)
        if choice is None:
            return
        path = choice.location.path
        if path is not None and path.exists():
            self.context.prompts.inform(
                self,
                self.tr("New database"),
                self.tr("{0} already exists; it is opened as it is.").format(path),
            )
        self.switch_database(choice.location, create=True)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in self.context.settings.recent_databases:
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(lambda _checked=False, p=entry: self.switch_database(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.context, self)
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: SettingsDialog) -> None:
        chosen = dialog.chosen_database()
        if chosen is not None and chosen != self.context.location:
            self.switch_database(chosen, create=dialog.creates_database)
        else:
            self.context.events.settings_changed.emit()

    def show_about(self) -> None:
        self.context.prompts.about(
            self,
            self.tr("About CRM Desktop"),
            self.tr(
                "<b>CRM Desktop {version}</b><p>Customers, their communications and media, "
                "on the web backend's database.</p><p>Database: {path}</p>"
            ).format(version=__version__, path=self.context.location),
        )

    # --- state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.state("MainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        splitter = settings.state("MainWindow/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        settings = self.context.settings
        settings.set_state("MainWindow/geometry", self.saveGeometry())
        settings.set_state("MainWindow/splitter", self.splitter.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.watcher.stop()
        self._stop_indexes(quitting=True)
        self.media.shutdown()  # wait for thumbnail threads before the window goes
        self.dossier.shutdown()
        self.backups.shutdown()
        super().closeEvent(event)
