"""CRM Desktop: customers, their communications and media, on the web backend's SQLite file."""

import os
import sys

__version__ = "0.1.0"
APP_NAME = "crm-desktop"
APP_DISPLAY_NAME = "CRM Desktop"


def _import_peewee_without_postgres_driver() -> None:
    """peewee imports a PostgreSQL driver at its own import when one is installed: 60 ms
    and 15 MB at every start, for a file on this computer too. Hidden from peewee here
    (the package is imported before any of its modules); crm_desktop.postgres loads the
    driver itself when a server is opened."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in ("psycopg", "psycopg2") if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))  # None: "import psycopg" fails at once
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


_import_peewee_without_postgres_driver()
# pydantic looks through every installed package's metadata for plugins when the first
# model is made (10 ms at start-up); the app uses none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
