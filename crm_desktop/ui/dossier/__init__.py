"""A customer's dossier out of the app: CSV, PDF and print, and the menu actions for them.

``text``, ``csv_file``, ``pdf`` and ``export`` need no widgets (the command line uses them
with a QGuiApplication); ``dialog``, ``printing`` and ``actions`` are the widgets.
"""
