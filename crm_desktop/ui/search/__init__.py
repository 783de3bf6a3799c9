"""Global search in the window (issue 16): the field in the tool bar, its results as you type,
and the jump to a hit (its customer, the timeline entry or the media record)."""
