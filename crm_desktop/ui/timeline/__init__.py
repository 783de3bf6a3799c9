"""The communications timeline: its item model, delegate, composer dialog and panel."""

from crm_desktop.ui.timeline.composer import CommDialog
from crm_desktop.ui.timeline.delegate import TimelineDelegate
from crm_desktop.ui.timeline.model import TimelineModel, TimelineRole
from crm_desktop.ui.timeline.panel import TimelinePanel

__all__ = ["CommDialog", "TimelineDelegate", "TimelineModel", "TimelinePanel", "TimelineRole"]
