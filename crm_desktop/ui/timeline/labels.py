"""The words for types and directions moved to crm_desktop.ui.labels (the dossier's export
uses them without the timeline's widgets); this name stays for existing imports."""

from crm_desktop.ui.labels import DIRECTIONS, TYPES, direction_label, type_label

__all__ = ["DIRECTIONS", "TYPES", "direction_label", "type_label"]
