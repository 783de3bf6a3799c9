"""Drag and drop of files from the file manager: drop targets, the review dialog, its workers."""
