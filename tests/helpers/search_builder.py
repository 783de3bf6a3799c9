"""Builds a file's search index in a process of its own, saying how far it got.

``python -m tests.helpers.search_builder DB`` opens the file as the app does and runs its
IndexWork in small steps, printing "progress N" (rows indexed) after each committed slice
and "done" at the end, so that a test can kill it in the middle of the build.
"""

from __future__ import annotations

import sys

from crm_desktop.database import close_db, init_db
from crm_desktop.database import search as search_index
from crm_desktop.database.search import index_of
from crm_desktop.database.search import work as index_work
from crm_desktop.database.search.work import IndexWork, Progress


def main(target: str) -> int:
    index_work.BUILD_ROWS = 20  # many small steps: the test kills it between two
    search_index.BUILD_AT_OPEN_ROWS = -1  # by the work below, not while opening
    db = init_db(target)

    def report(progress: Progress) -> None:
        print(f"progress {progress.indexed}", flush=True)

    # A commit after every step, little room between them.
    build = IndexWork(index_of(db), report, slice_seconds=0.001, room_seconds=0.01)
    build.run()
    close_db()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
