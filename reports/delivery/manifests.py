"""The record of a quarter's deliverables: what a deliverable's key is made of (snapshot, index
version, subscriber file and logo, templates, code), and the manifests that keep, per subscriber
and per run, each file's hash, its pages or slides and its key. Every manifest is written to a
temporary name and renamed."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

from reports.subscriber import Subscriber
from warehouse.errors import BenchhouseError
from templates import FOLDER as TEMPLATES

CODE = Path(__file__).resolve().parents[1]  # reports/: the code that shapes a deliverable


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def files_sha256(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def code_version() -> dict:
    """The code that shapes a deliverable: its git commit (for the record) and a hash of the files
    (for deciding, so that uncommitted changes count too)."""
    try:
        commit = subprocess.run(["git", "-C", str(CODE), "rev-parse", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    code = list(CODE.rglob("*.py")) + list(CODE.rglob("*.sql"))
    templates = [p for p in TEMPLATES.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return {"git_commit": commit, "code_sha256": files_sha256(code, CODE),
            "templates_sha256": files_sha256(templates, TEMPLATES)}


def subscriber_sha256(subscriber: Subscriber) -> str:
    """The hash of the subscriber's file and logo, of the bytes its loader read and checked."""
    return sha256(subscriber._file_bytes + b"\0" + subscriber._logo_bytes)


def read(path: Path) -> dict:
    """A manifest, or {} when there is none; a damaged one is named, never half-trusted."""
    if not path.exists():
        return {}
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
        line = f", line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        raise BenchhouseError(f"{path}{line}: not a manifest benchhouse can read ({type(exc).__name__}); "
                              "move it aside and run again: what it recorded will be rendered again") from None
    if not isinstance(content, dict):
        raise BenchhouseError(f"{path}, line 1: not a manifest (a JSON object was expected); move it aside and run again")
    _check_shape(path, content)
    return content


def _check_shape(path: Path, content: dict) -> None:
    """What a run reads from a manifest has the type it was written with: a snapshot number, and
    deliverables by file name, each null or an object with its file's hash and key as strings."""
    def wrong(key: str, expected: str) -> BenchhouseError:
        text = path.read_text(encoding="utf-8")
        at = text.find(f'"{key}"')
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        return BenchhouseError(f"{path}, line {line}: not a manifest benchhouse can read ('{key}' should be "
                               f"{expected}); move it aside and run again: what it recorded will be rendered again")

    snapshot = content.get("snapshot")
    if snapshot is not None and (type(snapshot) is not int or snapshot < 0):
        raise wrong("snapshot", "a snapshot number")
    deliverables = content.get("deliverables", {})
    if not isinstance(deliverables, dict):
        raise wrong("deliverables", "an object of file names")
    for name, record in deliverables.items():
        if record is None:
            continue
        if not (isinstance(record, dict) and isinstance(record.get("sha256"), str)
                and isinstance(record.get("key", ""), str)):
            raise wrong(name, "an object with the file's sha256 and key")


def write(path: Path, content: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(content, indent=1, sort_keys=True, default=str) + "\n")
    os.replace(tmp, path)
