"""CRM Desktop: customers, their communications and media, on the web backend's SQLite file."""

__version__ = "0.1.0"
APP_NAME = "crm-desktop"
APP_DISPLAY_NAME = "CRM Desktop"
