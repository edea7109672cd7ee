"""What an API client is told for one of the graph's errors: its message, and what the client can do.

graph/ words its errors for every caller (the API, the loader, the CLI), so a query stopped at its timeout
says only what happened there; the advice for a client of the API is added here, once, for GraphQL
(api/schema/errors.py) and REST (the app's KgError handler, api/app.py) alike.
"""

from __future__ import annotations

from graph.errors import KgError, QueryTimeout

ASK_FOR_LESS = "ask for less (narrower dates, fewer kinds, a smaller page) or try again later"
"""What a client can do about a query stopped at KG_QUERY_TIMEOUT (KG_EXPORT_TIMEOUT for exports)."""


def client_message(error: KgError) -> str:
    """The error's message as a client of the API reads it."""
    if isinstance(error, QueryTimeout):
        return f"{error.message}; {ASK_FOR_LESS}"
    return error.message
