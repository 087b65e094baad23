"""Bytes to text: UTF-8, byte order marks, UTF-16 told by its NUL bytes, Windows-1252 and Latin-1;
other bytes are refused rather than guessed."""
from __future__ import annotations

import re

from generator.model import Problem
from generator.read.limits import ReadError

_UTF_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", None),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 (little-endian, byte order mark)"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 (big-endian, byte order mark)"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 (little-endian, byte order mark)"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 (big-endian, byte order mark)"),
)
# Bytes 0x80-0x9F that Windows-1252 maps to punctuation and letters (0x81, 0x8D, 0x8F, 0x90, 0x9D are unused).
_CP1252_C1 = set(range(0x80, 0xA0)) - {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def decode(data: bytes, truncated: bool = False) -> tuple[str, str | None]:
    """Text from bytes and a note naming the encoding when it was not plain UTF-8.

    UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one (told by
    its NUL bytes), Windows-1252 and Latin-1 (told by where their high bytes fall).
    Anything else is a ReadError saying why: the encoding is never guessed blindly.
    `truncated` means the bytes were cut from a longer file (a split character at the end is dropped).
    """
    text, note = _decode(data, truncated)
    if "\x00" in text:
        raise ReadError("binary file (contains NUL bytes), not text")
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(2, len(text[:100_000]) // 200):
        raise ReadError(f"binary file ({controls} control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), note


def _decode(data: bytes, truncated: bool) -> tuple[str, str | None]:
    for bom, codec, label in _UTF_BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            if truncated and codec.startswith("utf-16"):
                body = body[: len(body) - len(body) % 2]
            elif truncated and codec.startswith("utf-32"):
                body = body[: len(body) - len(body) % 4]
            try:
                text = _strict(body, codec, truncated)
            except UnicodeDecodeError as exc:
                raise ReadError(f"starts with a {codec.upper()} byte order mark but is not valid "
                                f"{codec.upper()} (byte {exc.start + len(bom)})") from None
            return text, f"decoded as {label}" if label else None
    utf16 = _utf16_by_nuls(data)
    if utf16:
        body = data[: len(data) - len(data) % 2]
        try:
            note = f"decoded as {utf16.upper()} (no byte order mark; told by its NUL bytes)"
            return _strict(body, utf16, truncated), note
        except UnicodeDecodeError:
            pass
    try:
        return _strict(data, "utf-8", truncated), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    if b"\x00" in data:
        raise ReadError("binary file (contains NUL bytes), not text")
    return _single_byte(data, bad)


def _strict(data: bytes, codec: str, truncated: bool) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if truncated and exc.end >= len(data) - 3:  # a character split by the read limit
            return data[: exc.start].decode(codec)
        raise


def _utf16_by_nuls(data: bytes) -> str | None:
    """utf-16-le/-be when nearly every other byte is NUL, as in ASCII-heavy UTF-16 text."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.7 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.7 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _single_byte(data: bytes, bad: int) -> tuple[str, str | None]:
    """Windows-1252 or Latin-1 when the high bytes look like accents and punctuation in text."""
    high = [b for b in data if b >= 0x80]
    letters = sum(1 for b in data if 0x41 <= (b | 0x20) <= 0x7A)
    c1 = {b for b in high if b < 0xA0}
    why = f"not valid UTF-8 (byte 0x{data[bad]:02X} at offset {bad})"
    if letters < 4 * len(high) or not _high_bytes_sit_in_words(data):
        raise ReadError(f"{why}, and its encoding cannot be told with confidence; save it as UTF-8")
    if c1 - _CP1252_C1:
        raise ReadError(f"{why}, and bytes {', '.join(f'0x{b:02X}' for b in sorted(c1 - _CP1252_C1))} "
                        "are neither Windows-1252 nor Latin-1 text; save it as UTF-8")
    if c1:
        marks = "".join(sorted({bytes([b]).decode("cp1252") for b in c1}))
        return data.decode("cp1252"), f"not UTF-8; decoded as Windows-1252 (its {marks} are Windows-1252 punctuation)"
    return data.decode("latin-1"), "not UTF-8; decoded as Latin-1 (ISO-8859-1)"


def _high_bytes_sit_in_words(data: bytes) -> bool:
    """Most bytes >= 0x80 stand next to an ASCII letter, space or punctuation, as accents and quotes do."""
    near = total = 0
    for i, b in enumerate(data):
        if b < 0x80:
            continue
        total += 1
        before = data[i - 1] if i else 0x20
        after = data[i + 1] if i + 1 < len(data) else 0x20
        if before < 0x80 or after < 0x80:
            near += 1
    return total == 0 or near / total >= 0.8


def decode_noted(data: bytes, path: str, problems: list[Problem], truncated: bool = False) -> str:
    text, note = decode(data, truncated)
    if note:
        problems.append(Problem(path, note, "note", "encoding"))
    return text
