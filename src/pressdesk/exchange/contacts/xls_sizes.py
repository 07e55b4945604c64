"""How much an old Excel workbook (.xls) makes calamine hold, read from its records before calamine reads it.

calamine reads every sheet of an .xls when it opens it, holding each sheet's span from its first cell to its last (one
far-off cell in 6 KB made it take 1 GB) and a copy of a shared string for every cell that shows it (one 8,000-character
string shown 20,000 times: 300 KB of file, 320 MB held)."""

from __future__ import annotations

import struct
from collections import Counter
from dataclasses import dataclass

from pressdesk.exchange.compound import DamagedCompoundFile

_BOF, _EOF, _BOUNDSHEET, _SST, _CONTINUE, _LABELSST = 0x0809, 0x000A, 0x0085, 0x00FC, 0x003C, 0x00FD
_CELLS = frozenset({0x0006, 0x0203, 0x027E, 0x0204, 0x0205, 0x00D6, _LABELSST})
"""Records of one cell with a value (formula, number, RK number, text, boolean or error, rich text, shared text),
each starting with its row and column; blank cells span nothing in calamine."""
_MULRK = 0x00BD
"""A run of number cells in one row: row, first column, the numbers, last column."""


@dataclass(frozen=True)
class HeldSizes:
    """What calamine would hold for a workbook: the cells its sheets span, in all, and the characters of shared text
    its cells copy."""

    cells: int
    largest: tuple[int, int]
    shared_text: int


def _records(stream: bytes, at: int = 0):
    """(type, body offset, body length) of each record from an offset, to the stream's end."""
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, at + 4, min(length, len(stream) - at - 4)
        at += 4 + length


def _string_lengths(pieces: list[bytes]) -> list[int]:
    """The length in characters of each string of a shared-string table and its continuations (a string's characters
    go on in the next piece after one byte saying how wide they are)."""
    lengths: list[int] = []
    if not pieces or len(pieces[0]) < 8:
        return lengths
    unique = struct.unpack_from("<I", pieces[0], 4)[0]
    piece, at = 0, 8
    while len(lengths) < unique and piece < len(pieces):
        if at + 3 > len(pieces[piece]):
            piece, at = piece + 1, 0
            continue
        chars, flags = struct.unpack_from("<HB", pieces[piece], at)
        at += 3
        runs = struct.unpack_from("<H", pieces[piece], at)[0] if flags & 8 and at + 2 <= len(pieces[piece]) else 0
        at += 2 if flags & 8 else 0
        extra = struct.unpack_from("<I", pieces[piece], at)[0] if flags & 4 and at + 4 <= len(pieces[piece]) else 0
        at += 4 if flags & 4 else 0
        left, width = chars, 2 if flags & 1 else 1
        while left:
            taken = min(left, max(0, len(pieces[piece]) - at) // width)
            left, at = left - taken, at + taken * width
            if left:
                piece += 1
                if piece >= len(pieces):
                    break
                width, at = (2 if pieces[piece][:1] == b"\x01" else 1), 1
        at += 4 * runs + extra
        while piece < len(pieces) and at > len(pieces[piece]):
            at -= len(pieces[piece])
            piece += 1
        lengths.append(chars)
    return lengths


def _sheet(stream: bytes, start: int, strings: list[int]) -> tuple[int, int, int, int]:
    """(rows, columns, shared-text characters, bytes read) of the sheet whose records start at an offset, to its own
    end."""
    rows: list[int] = []
    columns: list[int] = []
    text = depth = end = 0
    for kind, at, length in _records(stream, start):
        end = at + length
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind in _CELLS and length >= 4:
            row, column = struct.unpack_from("<HH", stream, at)
            rows.append(row)
            columns.append(column)
            if kind == _LABELSST and length >= 10:
                index = struct.unpack_from("<I", stream, at + 6)[0]
                text += strings[index] if index < len(strings) else 0
        elif kind == _MULRK and length >= 6:
            row, first = struct.unpack_from("<HH", stream, at)
            rows.append(row)
            columns += [first, struct.unpack_from("<H", stream, at + length - 2)[0]]
        if len(rows) > 4096:  # keep only the extremes: a sheet of millions of cells stays a few numbers
            rows, columns = [min(rows), max(rows)], [min(columns), max(columns)]
    if not rows:
        return 0, 0, text, end - start
    return max(rows) - min(rows) + 1, max(columns) - min(columns) + 1, text, end - start


def held_sizes(stream: bytes) -> HeldSizes:
    """What calamine would hold reading a workbook's stream: every sheet it lists (each read from where the list says,
    as calamine reads it), their spans summed, and the shared text their cells copy."""
    sheets: Counter[int] = Counter()
    pieces: list[bytes] = []
    previous = 0
    for kind, at, length in _records(stream):
        if kind == _BOUNDSHEET and length >= 4:
            sheets[struct.unpack_from("<I", stream, at)[0]] += 1
        elif kind == _SST or (kind == _CONTINUE and previous in (_SST, _CONTINUE) and pieces):
            pieces.append(stream[at : at + length])
        elif kind == _EOF:
            break
        previous = kind
    strings = _string_lengths(pieces)
    cells = text = read = 0
    largest = (0, 0)
    for start, times in sorted(sheets.items()):
        rows, columns, shared, length = _sheet(stream, start, strings)
        read += length
        if read > 2 * len(stream):
            raise DamagedCompoundFile("its sheets overlap")
        cells += rows * columns * times
        text += shared * times
        largest = max(largest, (rows, columns), key=lambda span: span[0] * span[1])
    return HeldSizes(cells, largest, text)
