"""One stream of a compound file (CFB: old Excel's .xls), its every sector chain checked before a reader walks it.

calamine walks a chain that loops until memory runs out (the process aborts) and panics on a file cut short: here a
loop, a sector past the file's end, two chains sharing a sector or a stream longer than its chain is refused."""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How a compound file starts."""

_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF


class DamagedCompoundFile(ValueError):
    """A compound file whose structure a reader cannot safely walk, with what is wrong in a few words."""


class _Sectors:
    """The whole sectors of a compound file, their allocation table, and the sectors chains have used."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(MAGIC):
            raise DamagedCompoundFile("it is cut short before its header ends")
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise DamagedCompoundFile("its header is not one Excel writes")
        self.data, self.size = data, 1 << shift
        self.count = len(data) // self.size - 1
        self.used: set[int] = set()
        fat_count, difat_at, difat_count = (struct.unpack_from("<I", data, at)[0] for at in (0x2C, 0x44, 0x48))
        if fat_count > self.count or difat_count > self.count:
            raise DamagedCompoundFile("it declares more sectors than the file holds: it is cut short")
        listed = [s for s in struct.unpack_from("<109I", data, 0x4C) if s != _FREE]
        per_sector = self.size // 4 - 1
        while difat_at not in (_END, _FREE) and len(listed) < fat_count:
            entries = struct.unpack_from(f"<{per_sector + 1}I", self.sector(difat_at))
            listed += [s for s in entries[:per_sector] if s != _FREE]
            difat_at = entries[per_sector]
        if len(listed) < fat_count:
            raise DamagedCompoundFile("its allocation table is missing sectors: it is cut short")
        table = b"".join(self.sector(s) for s in listed[:fat_count])
        self.fat = struct.unpack(f"<{len(table) // 4}I", table)

    def sector(self, number: int) -> bytes:
        """One whole sector, used once by one chain; DamagedCompoundFile past the file's end or used twice."""
        if number >= self.count:
            raise DamagedCompoundFile("a sector chain points past the file's end: it is cut short")
        if number in self.used:
            raise DamagedCompoundFile("a sector chain loops or two streams share a sector")
        self.used.add(number)
        return self.data[(number + 1) * self.size : (number + 2) * self.size]

    def chain(self, first: int, table: tuple[int, ...] | None = None) -> list[int]:
        """The sectors of a chain from its first, each checked once (a loop or a bad link refused)."""
        table = self.fat if table is None else table
        seen: set[int] = set()
        sectors = []
        number = first
        while number != _END:
            if number >= len(table) or number in seen:
                raise DamagedCompoundFile("a sector chain loops or points past the file's end")
            seen.add(number)
            sectors.append(number)
            number = table[number]
        return sectors

    def read(self, first: int, length: int) -> bytes:
        """The bytes of a chain in whole sectors, checked to hold at least `length` bytes."""
        data = b"".join(self.sector(s) for s in self.chain(first))
        if len(data) < length:
            raise DamagedCompoundFile("a stream is longer than its sectors: it is cut short")
        return data


def _entries(directory: bytes, version: int):
    """(name, kind, first sector, size) of each directory entry."""
    for at in range(0, len(directory) - 127, 128):
        name_bytes = struct.unpack_from("<H", directory, at + 0x40)[0]
        name = directory[at : at + min(name_bytes, 64)].decode("utf-16-le", "replace").rstrip("\x00")
        first, size = struct.unpack_from("<IQ", directory, at + 0x74)
        yield name, directory[at + 0x42], first, size if version >= 4 else size & 0xFFFFFFFF


def compound_stream(path: str | Path, names: tuple[str, ...]) -> bytes | None:
    """The first stream of these names in a compound file, its chains checked; None when it has none of them.
    DamagedCompoundFile says what is wrong with a file a reader cannot safely walk."""
    data = Path(path).read_bytes()
    sectors = _Sectors(data)
    (version,) = struct.unpack_from("<H", data, 0x1A)
    first_directory, cutoff, first_mini_fat, mini_fat_count = struct.unpack_from("<I4xIII", data, 0x30)
    directory = sectors.read(first_directory, 128)
    entries = list(_entries(directory, version))
    wanted = {n.casefold() for n in names}
    found = next(
        ((first, size) for name, kind, first, size in entries if kind == 2 and name.casefold() in wanted), None
    )
    if found is None:
        return None
    first, size = found
    if size >= cutoff:
        return sectors.read(first, size)[:size]
    if mini_fat_count > sectors.count:
        raise DamagedCompoundFile("it declares more sectors than the file holds: it is cut short")
    _, _, root_first, root_size = entries[0]
    mini_table = sectors.read(first_mini_fat, 0) if first_mini_fat not in (_END, _FREE) else b""
    mini_fat = struct.unpack(f"<{len(mini_table) // 4}I", mini_table)
    mini_stream = sectors.read(root_first, root_size)[:root_size]
    chain = sectors.chain(first, mini_fat)
    if any((s + 1) * 64 > len(mini_stream) for s in chain) or len(chain) * 64 < size:
        raise DamagedCompoundFile("a stream is longer than its sectors: it is cut short")
    return b"".join(mini_stream[s * 64 : (s + 1) * 64] for s in chain)[:size]
