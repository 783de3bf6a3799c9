"""CRM Desktop: customers, their communications and media, on the web backend's SQLite file."""

import os

__version__ = "0.1.0"
APP_NAME = "crm-desktop"
APP_DISPLAY_NAME = "CRM Desktop"

# pydantic looks through every installed package's metadata for plugins when the first
# model is made (10 ms at start-up); the app uses none. (A documented setting of pydantic's.)
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
