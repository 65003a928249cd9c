"""Reading bytes safely and turning them into text: size limits, binary sniffing, encodings.

Every loader goes through here so that every input is refused the same way: a file over the
size limit is refused from its size alone (never read into memory first), a binary file is
recognised from its first 8 KB, and text that is not UTF-8 is read as Windows-1252 with a
warning rather than refused, because news text exported from older systems often is.
"""

from __future__ import annotations

import codecs
import logging
import stat
from pathlib import Path
from typing import BinaryIO

from factcheck.load.errors import InputError

log = logging.getLogger("factcheck.load")

DEFAULT_MAX_BYTES = 5_000_000
SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newline, carriage return, form feed, vertical tab)
# in the first 8 KB above which an input is taken to be binary. Text has next to none.
CONTROL_SHARE_LIMIT = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c")
_CONTROL_BYTES = frozenset(range(0x20)) - _TEXT_CONTROLS | {0x7F}


def format_size(size: int) -> str:
    """Sizes in decimal units, as the limit is given: 20.0 MB, 512.0 KB, 300 bytes."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} KB"
    return f"{size} bytes"


def too_large(name: str, size: int, limit: int, *, at_least: bool = False) -> InputError:
    """The one message for every size refusal; ``at_least`` when reading stopped early."""
    amount = f"more than {format_size(limit)}" if at_least else format_size(size)
    return InputError(
        f"{name} is {amount}; the limit is {format_size(limit)} (raise it with --max-bytes)"
    )


def os_error(name: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(f"no such file or directory: {name}")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{name} is a directory, not a file")
    if isinstance(exc, PermissionError):
        return InputError(f"cannot read {name}: permission denied")
    return InputError(f"cannot read {name}: {exc.strerror or exc}")


def open_input(path: Path) -> tuple[BinaryIO, int | None]:
    """Open a file for binary reading; return it and its size when the size is known.

    A FIFO or character device (``/dev/stdin``, process substitution) has no size; callers
    then enforce the limit while reading.
    """
    name = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise os_error(name, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name} is a directory, not a file")
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise os_error(name, exc) from None
    return handle, (info.st_size if stat.S_ISREG(info.st_mode) else None)


def read_limited(stream: BinaryIO, name: str, max_bytes: int, size: int | None = None) -> bytes:
    """Read a whole input, refusing it as soon as it is known to exceed ``max_bytes``."""
    if size is not None and size > max_bytes:
        raise too_large(name, size, max_bytes)
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise os_error(name, exc) from None
    if data is None:
        data = b""
    if len(data) > max_bytes:
        raise too_large(name, len(data), max_bytes, at_least=True)
    return data


def looks_binary(head: bytes) -> bool:
    """NUL bytes or more than a few percent of control bytes: not text."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    return controls / len(head) > CONTROL_SHARE_LIMIT


def check_not_binary(head: bytes, name: str) -> None:
    if looks_binary(head):
        raise InputError(f"{name} is a binary file, not text")


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text. UTF-8 (a BOM is dropped), UTF-16 with a BOM, else Windows-1252.

    Offsets are offsets into the returned string, so a dropped BOM shifts nothing the user
    sees. Refuses binary and empty input.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                f"{name} starts with a UTF-16 byte order mark but is not UTF-16"
            ) from None
        return _require_text(text, name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    check_not_binary(data[:SNIFF_BYTES], name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _decode_legacy(data, name, exc)
    return _require_text(text, name)


def _decode_legacy(data: bytes, name: str, exc: UnicodeDecodeError) -> str:
    """Text that is not UTF-8 is most often Windows-1252 (a superset of Latin-1's letters)."""
    line = data.count(b"\n", 0, exc.start) + 1
    try:
        text = data.decode("cp1252")
        encoding = "Windows-1252"
    except UnicodeDecodeError:
        # The five bytes cp1252 leaves undefined: Latin-1 maps every byte.
        text = data.decode("latin-1")
        encoding = "Latin-1"
    log.warning("%s is not UTF-8 (first bad byte on line %d); read it as %s", name, line, encoding)
    return text


def _require_text(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"{name} is empty")
    return text
