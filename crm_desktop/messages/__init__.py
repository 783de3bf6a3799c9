"""Messages that arrive as files, read into plain values: e-mail (.eml), Outlook (.msg),
WhatsApp chat exports (.txt, .zip) and contacts (.vcf).

Below the service layer: no widgets, no database. ``read_message_file(path)`` returns a
``FileOutcome`` with the messages or contacts of one file, or why it could not be read; the
drop targets, the review and the save build on it.
"""

from crm_desktop.contact_keys import email_key, phone_key
from crm_desktop.messages.reading import SUFFIXES, handles, read_message_file
from crm_desktop.messages.types import (
    DEFAULT_LIMITS,
    Address,
    Attachment,
    AttachmentUnavailableError,
    FileOutcome,
    Limits,
    ParsedContact,
    ParsedMessage,
    SourceFormat,
)
from crm_desktop.messages.whatsapp import Participant, is_export_name, participants

__all__ = [
    "DEFAULT_LIMITS",
    "SUFFIXES",
    "Address",
    "Attachment",
    "AttachmentUnavailableError",
    "FileOutcome",
    "Limits",
    "ParsedContact",
    "ParsedMessage",
    "Participant",
    "SourceFormat",
    "email_key",
    "handles",
    "is_export_name",
    "participants",
    "phone_key",
    "read_message_file",
]
