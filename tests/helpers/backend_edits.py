"""A second process that inserts, updates and deletes rows as the web backend does.

``python -m tests.helpers.backend_edits DB OPERATIONS`` runs the JSON list OPERATIONS
through its own plain connection (Python's sqlite3 to a file with its defaults, psycopg to
a server), each an autocommitted statement of the backend's own kind, and prints "done".

Operations: ``{"op": "insert_customer", "name": …, "id": …, …}``, ``insert_comm`` and
``insert_media`` (fields as tests/helpers/backend.py takes them), ``update`` (``table``,
``id``, ``set``: columns and values), ``delete`` (``table``, ``id``).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from tests.helpers import backend


def run(target: str, operations: list[dict[str, Any]]) -> None:
    connection = backend.open_connection(target)
    try:
        for operation in operations:
            fields = {key: value for key, value in operation.items() if key != "op"}
            kind = operation["op"]
            if kind == "insert_customer":
                backend.insert_customer(connection, fields.pop("name"), **fields)
            elif kind == "insert_comm":
                backend.insert_comm(connection, fields.pop("customer_id"), **fields)
            elif kind == "insert_media":
                backend.insert_media(connection, fields.pop("customer_id"), **fields)
            elif kind == "update":
                columns = fields["set"]
                assignments = ", ".join(f"{column} = ?" for column in columns)
                connection.execute(
                    f"UPDATE {fields['table']} SET {assignments} WHERE id = ?",
                    (*columns.values(), fields["id"]),
                )
            elif kind == "delete":
                connection.execute(f"DELETE FROM {fields['table']} WHERE id = ?", (fields["id"],))
            else:
                raise ValueError(kind)
    finally:
        connection.close()


if __name__ == "__main__":
    run(sys.argv[1], json.loads(sys.argv[2]))
    print("done", flush=True)
