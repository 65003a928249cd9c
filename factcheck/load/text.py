"""Plain text: the decoded file is the document, character for character.

Nothing is blanked or rewritten (not even line endings), so an offset into ``Document.text``
is an offset into the file as decoded, which is what the output contract promises.
"""

from __future__ import annotations

from factcheck.document import Document


def text_document(text: str, *, path: str, doc_id: str) -> Document:
    return Document(text=text, path=path, id=doc_id, format="text")
