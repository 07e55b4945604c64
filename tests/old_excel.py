"""Old Excel (.xls) files made byte by byte for the hostile tests: BIFF8 records in a compound file (CFB)."""

from __future__ import annotations

import struct

SECTOR = 512
END, FREE, FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def record(kind: int, body: bytes) -> bytes:
    """One BIFF record: its type, its length, its body."""
    return struct.pack("<HH", kind, len(body)) + body


def text(value: str) -> bytes:
    """A BIFF8 string of Latin-1 characters: its length, a flags byte (8-bit characters), the characters."""
    return struct.pack("<HB", len(value), 0) + value.encode("latin-1")


def workbook(strings: list[str], cells: list[tuple[int, int, int]], name: str = "Contacts") -> bytes:
    """The Workbook stream of one sheet: the shared strings, then (row, column, string index) cells."""
    sst = record(0x00FC, struct.pack("<II", len(cells), len(strings)) + b"".join(text(s) for s in strings))
    sheet_name = struct.pack("<BB", len(name), 0) + name.encode("latin-1")
    bof_globals = record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))
    globals_size = len(bof_globals) + 4 + 6 + len(sheet_name) + len(sst) + 4
    bound = record(0x0085, struct.pack("<IBB", globals_size, 0, 0) + sheet_name)
    stream = bof_globals + bound + sst + record(0x000A, b"")
    assert len(stream) == globals_size
    rows = [r for r, _, _ in cells] or [0]
    columns = [c for _, c, _ in cells] or [0]
    sheet = record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6))
    sheet += record(0x0200, struct.pack("<IIHHH", min(rows), max(rows) + 1, min(columns), max(columns) + 1, 0))
    sheet += b"".join(record(0x00FD, struct.pack("<HHHI", r, c, 15, i)) for r, c, i in cells)
    stream += sheet + record(0x000A, b"")
    return stream + b"\x00" * max(0, 4096 - len(stream))  # at least the mini-stream cutoff: kept in whole sectors


def compound_file(stream: bytes, name: str = "Workbook", links: dict[str, int] | None = None) -> bytes:
    """A compound file holding one stream in whole sectors: header, FAT, directory, the stream's sectors; `links`
    points a chain's sector elsewhere ({"directory": n}: the directory's sector links to sector n)."""
    data_sectors = -(-len(stream) // SECTOR)
    per_fat = SECTOR // 4
    fat_sectors = -(-(data_sectors + 2 + 1) // (per_fat - 1))
    fat_at, directory_at, data_at = 0, fat_sectors, fat_sectors + 1
    fat = [FAT_SECTOR] * fat_sectors + [END]
    fat += [data_at + i + 1 for i in range(data_sectors - 1)] + [END]
    fat += [FREE] * (fat_sectors * per_fat - len(fat))
    for chain, to in (links or {}).items():
        fat[{"directory": directory_at, "stream": data_at}[chain]] = to
    header = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 16 + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
    header += struct.pack("<H", 6) + b"\x00" * 10 + struct.pack("<IIIII", fat_sectors, directory_at, 0, 4096, END)
    header += struct.pack("<IIII", 0, END, 0, 0)
    difat = [fat_at + i for i in range(fat_sectors)] + [FREE] * (109 - fat_sectors)
    header = header[:0x4C] + struct.pack("<109I", *difat)
    directory = _entry("Root Entry", 5, END, 0, child=1) + _entry(name, 2, data_at, len(stream))
    directory += _entry("", 0, 0, 0) * 2
    body = struct.pack(f"<{len(fat)}I", *fat) + directory + stream + b"\x00" * (data_sectors * SECTOR - len(stream))
    return header + body


def _entry(name: str, kind: int, start: int, size: int, child: int = FREE) -> bytes:
    """One 128-byte directory entry."""
    encoded = (name + "\x00").encode("utf-16-le") if name else b""
    entry = encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
    entry += struct.pack("<III", FREE, FREE, child) + b"\x00" * 36 + struct.pack("<IQ", start, size)
    return entry
