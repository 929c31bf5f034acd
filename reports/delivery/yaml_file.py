"""Reading a subscriber's or client's YAML file: a regular file of at most MAX_BYTES, UTF-8, each key
given once. yaml.safe_load's safety is kept (the loader is a SafeLoader); each mistake is one line
naming the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import yaml

from warehouse import textfiles

MAX_BYTES = 64 * 1024  # the largest shipped file is under 1 KB


class DuplicateKey(yaml.constructor.ConstructorError):
    """A mapping that gives one key twice."""


class Loader(yaml.SafeLoader):
    """safe_load's loader, refusing a mapping that gives a key twice (YAML's last-one-wins would let a
    second `delivery:` further down silently replace the first)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict = {}
        for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else ():
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key, line = self.construct_object(key_node, deep=True), key_node.start_mark.line + 1
            try:
                given = key in seen
            except TypeError:  # an unhashable key: the constructor below says so
                continue
            if given:
                raise DuplicateKey(None, None, f"key '{key}' is given twice (lines {seen[key]} and {line}); keep one",
                                   key_node.start_mark)
            seen[key] = line
        return super().construct_mapping(node, deep)


def data(path: Path) -> bytes:
    """The file's bytes; ValueError (one line, with the file) for a file that is not a regular file or
    is over MAX_BYTES, checked before anything is read."""
    try:
        return textfiles.read_bounded(path, MAX_BYTES)
    except textfiles.Unreadable as exc:
        if exc.reason in ("folder", "not regular"):
            raise ValueError(f"{path}: not a regular file; make it a plain .yaml file") from None
        if exc.reason == "too large":
            raise ValueError(f"{path}: {exc.size} bytes, more than the {MAX_BYTES // 1024} KiB a file may be; "
                             "is it the right file?") from None
        raise ValueError(f"{path}: cannot be read ({exc.strerror}); check its permissions") from None


def decoded(path: Path, body: bytes) -> str:
    """The text of the file's bytes; ValueError naming the line of the first byte that is not UTF-8."""
    try:
        return textfiles.decode_utf8(body)
    except textfiles.NotUtf8 as exc:
        raise ValueError(f"{path}, line {exc.line}: byte 0x{exc.byte:02X} is not UTF-8; save the file as UTF-8") from None


def text(path: Path) -> str:
    """The file's text; ValueError for what data() and decoded() refuse."""
    return decoded(path, data(path))


def read(path: Path) -> tuple[object, bytes]:
    """The file's data, and the bytes it was read from; ValueError for what text() refuses, YAML that
    does not parse, a key given twice."""
    raw = data(path)
    body = decoded(path, raw)
    try:
        return yaml.load(body, Loader=Loader), raw  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 1}" if mark is not None else ""
        if isinstance(exc, DuplicateKey):
            raise ValueError(f"{path}{line}: {exc.problem}") from None
        if isinstance(exc, yaml.reader.ReaderError):
            line = body[:exc.position].count("\n") + 1
            raise ValueError(f"{path}, line {line}: character U+{exc.character:04X} is not allowed in YAML; remove it "
                             "(or write it as an escape in a double-quoted string)") from None
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ValueError(f"{path}{line}: not valid YAML ({problem}); fix the YAML syntax") from None


def misnamed(path: Path) -> str | None:
    """Why a file that looks like a YAML file would be ignored (its name ends in .yml or .YAML), or None."""
    if path.suffix.lower() in (".yaml", ".yml") and path.suffix != ".yaml":
        return f"{path}: the name ends in {path.suffix}, so the file would be ignored; rename it to {path.stem}.yaml"
    return None


def misnamed_sibling(path: Path) -> str | None:
    """For a file that is not there (<id>.yaml): why one beside it named <id>.yml, .YAML or .YML would
    be ignored, or None when there is none."""
    for other in (path.with_suffix(suffix) for suffix in (".yml", ".YAML", ".YML")):
        if other.exists():
            return misnamed(other)
    return None
