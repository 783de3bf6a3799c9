"""The widgets, dialogs and Qt item models. Nothing here speaks SQL or peewee."""
