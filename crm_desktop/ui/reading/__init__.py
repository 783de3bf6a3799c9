"""The reading pane: the timeline's chosen entry read whole, with its attachments."""

from crm_desktop.ui.reading.pane import ReadingPane
from crm_desktop.ui.reading.placement import timeline_splitter

__all__ = ["ReadingPane", "timeline_splitter"]
