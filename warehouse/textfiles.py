"""Input files as the house reads them: copied once, under the writer lock, into a private staging
folder while their bytes are hashed (so what is hashed is what is loaded, whatever happens to the
original meanwhile), text checked as UTF-8 on the way, and the true line of every record and of
every problem found, for CSV and JSON Lines alike.

DuckDB reads the staged copy. When it refuses a file, the problem is found again here, with the
line a person sees in an editor (a quoted field may span lines; JSON Lines may have blank lines),
and described without quoting the file's content: a file may not be what its name says.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from warehouse.errors import FileFormatError

CHUNK = 1 << 20
MAX_LINE_BYTES = 4 << 20  # a line longer than this is not a row of data; DuckDB's max_line_size too
TEXT_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".txt", ".yaml", ".yml")
BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class Staged:
    path: Path
    """The private copy that is read (decompressed when the original was gzip)."""
    shown: Path
    """The file as the user named it: what every message says."""
    sha256: str
    """SHA-256 of the original bytes."""
    size: int
    lines: int
    """Physical lines of a text file (0 for others)."""


class _Hashing:
    """A file object that hashes what is read through it."""

    def __init__(self, handle):
        self.handle, self.digest, self.size = handle, hashlib.sha256(), 0

    def read(self, n: int = -1) -> bytes:
        data = self.handle.read(n)
        self.digest.update(data)
        self.size += len(data)
        return data

    def finish(self) -> None:
        """Hash the rest of the file: what a reader stopped short of (bytes after a gzip stream)."""
        while self.read(CHUNK):
            continue


def is_text(name: str) -> bool:
    name = name.lower().removesuffix(".gz")
    return name.endswith(TEXT_SUFFIXES)


def stage_file(path: Path, folder: Path, relative: str | None = None, shown: Path | None = None) -> Staged:
    """Copy `path` into `folder` (as `relative`, default its name), hashing its bytes; a text file
    is checked as UTF-8 (a byte-order mark is dropped) and its lines counted."""
    shown = shown or path
    if not path.is_file():
        raise FileFormatError(f"{shown}: no such file" if not path.exists() else
                              f"{shown}: not a regular file; give a CSV, Parquet or JSON Lines file")
    relative = relative or path.name
    gz = relative.lower().endswith(".gz")
    target = folder / (relative[:-3] if gz else relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = is_text(relative)
    lines, first, last = 0, True, b"\n"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(path, "rb") as raw, open(target, "wb") as out:
            hashing = _Hashing(raw)
            source = gzip.GzipFile(fileobj=hashing) if gz else hashing
            while True:
                try:
                    chunk = source.read(CHUNK)
                except (OSError, EOFError) as exc:
                    raise FileFormatError(f"{shown}: not a readable gzip file ({exc}); "
                                          "give it uncompressed or compress it again") from None
                if not chunk:
                    break
                if text:
                    if first and chunk.startswith(BOM):
                        chunk = chunk[len(BOM):]
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as exc:
                        line = lines + exc.object[:exc.start].count(b"\n") + 1
                        raise FileFormatError(
                            f"{shown}, line {line}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x}); "
                            "save the file as UTF-8 and ingest it again") from None
                    lines += chunk.count(b"\n")
                    last = chunk[-1:] or last
                first = False
                out.write(chunk)
            if gz:
                hashing.finish()
            if text:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    raise FileFormatError(f"{shown}, line {lines + 1}: not UTF-8 text (it ends inside a "
                                          "character); save the file as UTF-8 and ingest it again") from None
    except OSError as exc:
        raise FileFormatError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if text and last != b"\n":
        lines += 1
    return Staged(target, shown, hashing.digest.hexdigest(), hashing.size, lines)


STAGING_PREFIX = "benchhouse-stage-"


@contextmanager
def staging() -> Iterator[Path]:
    """A private folder for staged copies, removed afterwards whatever happens. Its name carries the
    process id: a process killed (SIGKILL, the machine's OOM killer) cannot remove its folder, and a
    staged copy may be as large as the file ingested, so each new staging first removes the folders
    of this user's processes that no longer run."""
    _sweep_staging(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _sweep_staging(temp: Path) -> None:
    """Remove the staging folders in `temp` left by this user's processes that have ended. A folder
    whose process still runs (or whose id was given to another process since) is left alone."""
    for folder in temp.glob(f"{STAGING_PREFIX}*-*"):
        pid = folder.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        try:
            if not pid.isdigit() or folder.lstat().st_uid != os.getuid() or not stat.S_ISDIR(folder.lstat().st_mode):
                continue
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue  # gone meanwhile, or another user's process (PermissionError): not ours to judge


def csv_record_lines(path: Path, delimiter: str = ",") -> list[int]:
    """The line each data record of a CSV file starts on (the header is line 1). Blank lines hold
    no record."""
    csv.field_size_limit(MAX_LINE_BYTES)
    starts = []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=delimiter, quotechar='"', doublequote=True)
        previous = 0
        for i, record in enumerate(reader):
            if i and record:
                starts.append(previous + 1)
            previous = reader.line_num
    return starts


def jsonl_record_lines(path: Path) -> list[int]:
    """The line of each record of a JSON Lines file (blank lines hold none)."""
    with open(path, encoding="utf-8") as handle:
        return [n for n, line in enumerate(handle, 1) if line.strip()]


def csv_problem(path: Path, delimiter: str = ",") -> str | None:
    """The first thing that makes a CSV file unreadable, as 'line N: what', or None."""
    csv.field_size_limit(MAX_LINE_BYTES)
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
        width, previous = None, 0
        try:
            for record in reader:
                start = previous + 1
                previous = reader.line_num
                if not record:
                    continue
                if width is None:
                    width = len(record)
                elif len(record) != width:
                    return (f"line {start}: {len(record)} fields where the header has {width}; quote a value "
                            "that holds the delimiter, or remove the extra fields")
        except csv.Error as exc:
            reason = str(exc)
            if "field larger than field limit" in reason:
                reason = f"a value longer than {MAX_LINE_BYTES:,} bytes; is this the right file?"
            elif "EOF" in reason or "unexpected end of data" in reason:
                reason = "a quoted value is never closed (the file may be truncated)"
            return f"line {previous + 1}: {reason}"
    return None


def jsonl_problem(path: Path) -> str | None:
    """The first line of a JSON Lines file that is not one JSON object, as 'line N: what', or None."""
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            if len(line) > MAX_LINE_BYTES:
                return f"line {n}: longer than {MAX_LINE_BYTES:,} bytes; is this the right file?"
            try:
                value = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                return f"line {n}, column {exc.colno}: not valid JSON ({exc.msg}); one object per line"
            if not isinstance(value, dict):
                return f"line {n}: a JSON {type(value).__name__} where an object of columns is expected"
    return None


def json_document(path: Path, shown: Path | None = None):
    """A whole JSON file, or an error naming its line and column."""
    shown = shown or path
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise FileFormatError(f"{shown}: not UTF-8 text; save it as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"{shown}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); "
                              "the file may be truncated") from None


class Unreadable(FileFormatError):
    """Why read_bounded gave no bytes. `reason` is "missing", "folder", "not regular", "too large"
    (with the file's `size` and the `limit`, in bytes) or "unreadable" (with the system's `strerror`);
    callers turn it into their own message, saying what the file should be."""

    def __init__(self, path: Path, reason: str, size: int | None = None, limit: int | None = None,
                 strerror: str | None = None):
        self.path, self.reason, self.size, self.limit, self.strerror = path, reason, size, limit, strerror
        what = {"missing": "no such file", "folder": "is a folder", "not regular": "not a regular file",
                "too large": f"{size} bytes, more than the {limit} it may be", "unreadable": f"cannot be read ({strerror})"}
        super().__init__(f"{path}: {what[reason]}")


def read_bounded(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most `limit` of them. Its type and size are checked before it is
    opened (opening a pipe or a device may block); a file that grew since is still refused."""
    try:
        info = path.stat()
    except OSError as exc:
        missing = isinstance(exc, (FileNotFoundError, NotADirectoryError))
        raise Unreadable(path, "missing" if missing else "unreadable", strerror=exc.strerror) from None
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable(path, "folder")
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable(path, "not regular")
    if info.st_size > limit:
        raise Unreadable(path, "too large", size=info.st_size, limit=limit)
    try:
        with path.open("rb") as file:
            data = file.read(limit + 1)
            if len(data) > limit:
                raise Unreadable(path, "too large", size=max(os.fstat(file.fileno()).st_size, len(data)), limit=limit)
    except OSError as exc:
        raise Unreadable(path, "unreadable", strerror=exc.strerror) from None
    return data


class NotUtf8(FileFormatError):
    """Where bytes stop being UTF-8: the `line` (from 1) and `offset` of the first bad `byte`, and
    whether the bytes start with a UTF-16 byte-order mark (`looks_utf16`), the likeliest cause."""

    def __init__(self, line: int, offset: int, byte: int, looks_utf16: bool):
        self.line, self.offset, self.byte, self.looks_utf16 = line, offset, byte, looks_utf16
        super().__init__(f"line {line}: not UTF-8 text (byte 0x{byte:02x} at offset {offset})")


def decode_utf8(data: bytes) -> str:
    """The text of UTF-8 bytes, a leading byte-order mark dropped; NotUtf8 at the first byte that is
    not UTF-8, its offset counted in `data` (the mark included)."""
    start = len(BOM) if data.startswith(BOM) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        raise NotUtf8(data.count(b"\n", 0, offset) + 1, offset, data[offset],
                      data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) from None
