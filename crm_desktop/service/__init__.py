"""The service layer: the spec's functions (synchronous here), plus customers and list pages.

Everything above this layer (Qt item models, widgets) reads and writes through these
functions; none of it speaks SQL or peewee.
"""

from typing import TYPE_CHECKING, Any

from crm_desktop.errors import ConflictError, InvalidInputError, NotFoundError
from crm_desktop.service.comms import (
    comm_record,
    count_comms,
    count_timeline,
    create_comm,
    create_comms_many,
    delete_comm,
    get_comm,
    list_comms,
    logged_message_ids,
    restore_comm,
    timeline_page,
    timeline_position,
    update_comm,
)
from crm_desktop.service.customers import (
    ContactMatch,
    CustomerRecords,
    CustomerSort,
    count_customers,
    create_customer,
    create_customers_many,
    customer_exists,
    customer_names,
    customer_page,
    customer_position,
    customers_by_contact,
    delete_customer,
    get_customer,
    list_customers,
    restore_customer,
    take_customer,
    update_customer,
)
from crm_desktop.service.media import (
    MediaSort,
    count_media,
    count_media_page,
    create_media,
    create_media_many,
    delete_media,
    existing_media_paths,
    get_media,
    known_order_ids,
    known_tags,
    list_media,
    media_page,
    media_position,
    media_record,
    restore_media,
    update_media_tags,
)
from crm_desktop.service.rows import (
    Attachment,
    CustomerRow,
    MediaFilter,
    SearchStatus,
    TimelineEntry,
    TimelineFilter,
)

if TYPE_CHECKING:
    from crm_desktop.service.search import search_all, search_index_work, search_status

# Search (service.search) is imported when first used, not while the window starts.
_SEARCH = {"search_all", "search_index_work", "search_status"}


def __getattr__(name: str) -> Any:
    if name in _SEARCH:
        from crm_desktop.service import search

        return getattr(search, name)
    raise AttributeError(name)


__all__ = [
    "Attachment",
    "ConflictError",
    "ContactMatch",
    "CustomerRecords",
    "CustomerRow",
    "CustomerSort",
    "InvalidInputError",
    "MediaFilter",
    "MediaSort",
    "NotFoundError",
    "SearchStatus",
    "TimelineEntry",
    "TimelineFilter",
    "comm_record",
    "count_comms",
    "count_customers",
    "count_media",
    "count_media_page",
    "count_timeline",
    "create_comm",
    "create_comms_many",
    "create_customer",
    "create_customers_many",
    "create_media",
    "create_media_many",
    "customer_exists",
    "customer_names",
    "customer_page",
    "customer_position",
    "customers_by_contact",
    "delete_comm",
    "delete_customer",
    "delete_media",
    "existing_media_paths",
    "get_comm",
    "get_customer",
    "get_media",
    "known_order_ids",
    "known_tags",
    "list_comms",
    "list_customers",
    "list_media",
    "logged_message_ids",
    "media_page",
    "media_position",
    "media_record",
    "restore_comm",
    "restore_customer",
    "restore_media",
    "search_all",
    "search_index_work",
    "search_status",
    "take_customer",
    "timeline_page",
    "timeline_position",
    "update_comm",
    "update_customer",
    "update_media_tags",
]
