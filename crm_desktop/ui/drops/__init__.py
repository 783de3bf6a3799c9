"""Drag and drop: the one home for what is dropped on the window, from the drop to the records.

Where drops land, and the dialogs that show them (widgets):

- ``targets``: the media panel, the timeline and the customer list take files from the
  file manager: they answer the drag (always Copy), highlight where it lands
  (``overlay``), and on the drop open the review of the kind of drop it is (told by the
  names alone: ``items.holds_messages``, ``items.only_contacts``).
- ``dialog`` (with ``fields`` and ``model``): the review of a drop of files that become
  media records: the table of files, the fields they share, progress, Cancel.
- ``message_dialog`` (with ``message_model``): the reviews of e-mails and chats that become
  a customer's entries (other files of the drop its media), and of vCards that become
  customers; ``settings_section``: their part of the Settings dialog.

The work below them (no widgets: tested without a window, run on worker threads by
``crm_desktop.ui.worker``):

- ``items``: what was dragged (the URLs of the drag as local paths; no disk access, it runs
  in the drop handler); ``scanning``: folders walked, each file checked and described;
  ``rules``: what Nextcloud accepts as names and paths; ``copying``: files copied into the
  Nextcloud sync folder, never over another file.
- One module or two per kind of drop: ``review`` and ``save`` (files become media records,
  all or nothing), ``attachments`` (files dropped on the composer become a communication's
  attachments), ``message_review`` and ``message_save`` (e-mails, Outlook messages and
  WhatsApp chats become entries, their attachments media; the rules are in
  ``message_review``'s docstring), ``contact_review`` (vCards become customers).

Adding a kind of drop (as message files were added):

1. Its work, next to the others: read what was dropped into rows a person can review (for
   message files through ``crm_desktop.messages``) and save them through the service's
   public functions, all or nothing, raising ``errors.Cancelled`` when stopped. No
   widgets there; list the module in pyproject.toml's "Below the UI no widgets" contract
   and in the layers of "Drag and drop".
2. Its review dialog, built like ``dialog``: ``RememberedDialog``, the work on a
   ``Worker``, errors through ``context.prompts`` or at the fields.
3. Where it lands: a target in ``targets`` (or the panel that takes it) decides from the
   dropped items which kind it is and opens that kind's review, imported on first use.
4. Tests beside tests/ui/drops/: the work with real files in ``tmp_path``, the dialog and
   the target through ``qtbot`` (tests/helpers/drag.py drops real files).

Nothing of the reviews is imported at start-up (only the targets, the composer's
``attachments`` and what they use, and ``settings_section``): they load with the first
drop, and so do the message readers.
"""
