"""The two ways loading can fail: a whole input is unusable, or one record in a batch is.

``InputError`` stops one input (a missing file, a binary file, a file over the size limit);
the command line prints its message on one line and goes on with the next input. ``LoadError``
is a value, not an exception: a JSONL batch yields it in place of a document it could not
read, so one bad line costs that line and nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


class InputError(Exception):
    """An input that cannot be loaded at all. ``str()`` is one plain line for the user."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class LoadError:
    """A document in a batch that could not be loaded; yielded in the document's place.

    ``path`` is the file it came from, ``id`` the document's id where it could be read (else
    ``path:line``), ``line`` the 1-based line of the batch file, and ``message`` one plain line
    saying what is wrong ("line 7: invalid JSON: ...").
    """

    path: str
    id: str
    message: str
    line: int | None = None


def debug_enabled() -> bool:
    """FACTCHECK_DEBUG=1 turns caught internal errors back into tracebacks."""
    return os.environ.get("FACTCHECK_DEBUG", "").strip().lower() not in ("", "0", "false", "no")
