"""Defect 7 of issue 14: errors that keep their cause. A file DuckDB cannot read is described at its
true line, in one line that names the file, without quoting content (a file may not be what its name
says); the exit code is 1 and the warehouse is unchanged."""

from __future__ import annotations

import os

import pytest

from tests.conftest import in_process, latest_snapshot

HEADER = "model,creator,display_name\n"


def _symlink(folder):
    link = folder / "models.csv"
    os.symlink("/etc/passwd", link)
    return link


CASES = {
    "non-UTF-8 text": ("models.csv", HEADER.encode() + b"m1,lab,M\nm2,lab,caf\xe9\n", "models.csv, line 3: not UTF-8"),
    "a 10 MB field": ("models.csv", (HEADER + "m1,lab,M\nm2,lab," + "x" * 10_000_000 + "\n").encode(),
                      "models.csv, line 3: a value longer than"),
    "malformed JSON Lines": ("models.jsonl", b'{"model": "m1", "creator": "lab", "display_name": "M"}\n'
                             b'{"model": "m2", "creator": "lab", "display_name": "M"\n'
                             b'{"model": "m3", "creator": "lab", "display_name": "M"}\n',
                             "models.jsonl, line 2, column 54: not valid JSON"),
    "JSON Lines with a blank line": ("models.jsonl", b'{"model": "m1", "creator": "lab", "display_name": "M"}\n\n'
                                     b'{"model": "BAD", "creator": "lab", "display_name": "M"}\n',
                                     "models.jsonl, line 3, column 'model': got 'BAD'"),
    "a quoted field over two lines": ("models.csv", (HEADER + 'm1,lab,"two\nlines"\nBAD,lab,M\n').encode(),
                                      "models.csv, line 4, column 'model': got 'BAD'"),
    "an empty file": ("models.csv", b"", "models.csv: the file is empty"),
    "a row with too many fields": ("models.csv", (HEADER + "m1,lab,M\nm2,lab,M,extra,more\n").encode(),
                                   "models.csv, line 3: 5 fields where the header has 3"),
}


@pytest.mark.parametrize("content, expected", [v[1:] for v in CASES.values()], ids=list(CASES))
def test_defect_7_errors_keep_their_cause(known, tmp_path, content, expected):
    name = next(v[0] for v in CASES.values() if v[1] is content)
    path = tmp_path / name
    path.write_bytes(content)
    before = latest_snapshot(known)
    done = in_process(known, "ingest", "models", str(path), check=False)
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert any(expected in line for line in lines), done.stderr
    assert lines[0].startswith("error: ") and (len(lines) == 1 or "validation rules" in lines[0]), done.stderr
    assert latest_snapshot(known) == before


def test_defect_7_errors_keep_their_cause_a_symlink_to_etc_passwd_prints_none_of_it(known, tmp_path):
    link = _symlink(tmp_path)
    done = in_process(known, "ingest", "models", str(link), check=False)
    assert done.returncode == 1
    assert done.stderr.startswith(f"error: {link}") and len(done.stderr.strip().splitlines()) == 1
    passwd = open("/etc/passwd").read()
    for word in {w for line in passwd.splitlines() for w in line.replace(",", ":").split(":") if len(w) > 3}:
        assert word not in done.stderr.replace(str(link), ""), word
