"""The bad-input corpus: every native format, every source adapter, subscriber files and logos,
periods and `sql`, each given something hostile or broken. Each case must fail with an error that
says what is wrong (the file and its true line where there is a file), a non-zero exit, and leave
the warehouse as it was: same latest snapshot, same row counts, same data files. One warehouse is
built for the module and the command line is called in this process (tests/bad_inputs/runner.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from reports.delivery import subscribers
from tests.bad_inputs.runner import fingerprint, run, state
from tests.conftest import SOURCES
from warehouse import formats, guard
from warehouse.sources.base import all_sources

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "cases.yaml").read_text())
LONG = "x" * 10_000
HUGE = "# " + "x" * 70_000  # a comment making a file larger than a subscriber file may be
GOOD_SUBSCRIBER = subscribers.folder() / "acme-analytics.yaml"


@pytest.fixture(scope="module")
def warehouse(known_template, tmp_path_factory):
    from warehouse.connection import Location

    folder = tmp_path_factory.mktemp("bad-inputs") / "warehouse"
    shutil.copytree(known_template, folder)
    location = Location.resolve(str(folder))
    before = state(location)
    yield location, fingerprint(location)
    assert state(location) == before  # same latest snapshot, row counts and data files after every case
    code, stderr = run(location, "sql", "SELECT count(*) FROM models")  # and it still answers
    assert code == 0, stderr


def refused(warehouse, *args: str, expect: str, file: Path | None = None) -> None:
    location, before = warehouse
    code, stderr = run(location, *args)
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert code != 0, stderr
    # Each problem on one line: an error, or a validation failure's summary followed by a line per bad row.
    assert lines and all(line.startswith(("error: ", "  ")) for line in lines), stderr
    assert any(expect in line for line in lines), f"expected {expect!r} in:\n{stderr}"
    if file is not None:
        assert any(file.name in line and expect in line for line in lines), stderr
    assert fingerprint(location) == before, "the warehouse changed"


def _bad_column(fmt: formats.Format):
    """The format's first number (given NaN) or else its first date (given a BC date)."""
    for column in fmt.columns:
        if column.type == "DOUBLE":
            return column, "NaN", "finite number"
    for column in fmt.columns:
        if column.type == "DATE":
            return column, "-0044-03-15", column.name
    column = fmt.columns[0]
    return column, "bad\u0007value", column.name


NATIVE = list(formats.FORMATS.values())


# Each format in one of the three shapes, in turn: every format and every shape is tried.
SHAPES = [(fmt, ("csv", "jsonl", "parquet")[i % 3]) for i, fmt in enumerate(NATIVE)]


@pytest.mark.parametrize("fmt, shape", SHAPES, ids=[f"{f.kind}-{shape}" for f, shape in SHAPES])
def test_every_native_format_refuses_a_bad_value_at_its_true_line(warehouse, tmp_path, fmt, shape):
    column, value, expect = _bad_column(fmt)
    names = fmt.names
    path = tmp_path / f"{fmt.kind}.{shape}"
    if shape == "csv":  # line 3, after an empty row (which breaks other rules at line 2)
        path.write_text(",".join(names) + "\n" + "," * (len(names) - 1) + "\n"
                        + ",".join(f'"{value}"' if n == column.name else "" for n in names) + "\n")
        where = f"{path.name}, line 3, column '{column.name}'"
    elif shape == "jsonl":  # line 2, after a blank line
        import json

        path.write_text("\n" + json.dumps({n: value if n == column.name else None for n in names}) + "\n")
        where = f"{path.name}, line 2, column '{column.name}'"
    else:
        kind = "DOUBLE" if column.type == "DOUBLE" else "VARCHAR"
        literal = "'-inf'::DOUBLE" if kind == "DOUBLE" else f"'{value}'"
        others = ", ".join(f'NULL::VARCHAR AS "{n}"' for n in names if n != column.name)
        duckdb.sql(f"COPY (SELECT {others}, {literal} AS \"{column.name}\") TO '{path}' (FORMAT parquet)")
        where = f"{path.name}, row 1, column '{column.name}'"
    refused(warehouse, "ingest", fmt.kind, str(path), expect=where, file=path)


@pytest.mark.parametrize("case", CASES["structural"], ids=[c["name"] for c in CASES["structural"]])
def test_native_files_that_are_not_what_they_say(warehouse, tmp_path, case):
    path = tmp_path / case["file"]
    path.write_text(case["text"].replace("LONGNAME", LONG))
    refused(warehouse, "ingest", case["kind"], str(path), expect=case["expect"], file=path)


ADAPTERS = [s for s in all_sources() if not s.files[0].startswith("/")]


@pytest.mark.parametrize("spec", ADAPTERS, ids=[s.name for s in ADAPTERS])
def test_every_source_adapter_refuses_a_broken_file_at_its_true_line(warehouse, tmp_path, spec):
    """The adapter's first file cut to its header and a line that is not UTF-8; its other files as shipped."""
    shipped = next((d for d in SOURCES.iterdir() if (d / spec.files[0]).exists()), None)
    folder = tmp_path / spec.name
    for name in spec.files:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if name != spec.files[0] and shipped is not None and (shipped / name).exists():
            shutil.copyfile(shipped / name, target)
        else:
            target.write_bytes(b"id,name\n")
    first = folder / spec.files[0]
    header = (shipped / spec.files[0]).open("rb").readline() if shipped is not None else b"id,name\n"
    first.write_bytes(header + b"x,caf\xe9\n")
    refused(warehouse, "ingest", "source", spec.name, str(folder),
            expect=f"{first}, line 2: not UTF-8", file=first)


def _subscriber_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "subscribers"
    shutil.copytree(GOOD_SUBSCRIBER.parent / "logos", folder / "logos")
    return folder


@pytest.mark.parametrize("case", CASES["subscribers"], ids=[c["name"] for c in CASES["subscribers"]])
def test_subscriber_files(warehouse, tmp_path, monkeypatch, case):
    """The good file with `replace` made, written in `encoding` (UTF-8 unless said) as `file`."""
    folder = _subscriber_folder(tmp_path)
    old, new = case.get("replace", ("", ""))
    text = GOOD_SUBSCRIBER.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new.replace("LONGNAME", LONG).replace("HUGECOMMENT", HUGE)) if old else text
    path = folder / case.get("file", "acme-analytics.yaml")
    path.write_bytes(text.encode(case.get("encoding", "utf-8")))
    monkeypatch.setenv("BENCHHOUSE_SUBSCRIBERS", str(folder))
    refused(warehouse, "subscribers", "validate", expect=case["expect"], file=path)


def test_two_subscribers_sharing_a_delivery_folder(warehouse, tmp_path, monkeypatch):
    folder = _subscriber_folder(tmp_path)
    text = GOOD_SUBSCRIBER.read_text()
    (folder / "acme-analytics.yaml").write_text(text)
    (folder / "acme-two.yaml").write_text(text.replace("id: acme-analytics", "id: acme-two"))
    monkeypatch.setenv("BENCHHOUSE_SUBSCRIBERS", str(folder))
    refused(warehouse, "subscribers", "validate", expect="line 17: key 'delivery': 'acme-analytics' is already",
            file=folder / "acme-two.yaml")


@pytest.mark.parametrize("case", CASES["logos"], ids=[c["name"] for c in CASES["logos"]])
def test_logos(warehouse, tmp_path, monkeypatch, case):
    folder = _subscriber_folder(tmp_path)
    (folder / case["file"]).write_bytes(case["text"].encode(case.get("encoding", "utf-8")))
    (folder / "acme-analytics.yaml").write_text(GOOD_SUBSCRIBER.read_text().replace("logos/acme-analytics.svg", case["file"]))
    monkeypatch.setenv("BENCHHOUSE_SUBSCRIBERS", str(folder))
    refused(warehouse, "subscribers", "validate", expect=case["expect"], file=folder / "acme-analytics.yaml")


@pytest.mark.parametrize("case", CASES["periods"], ids=[c["period"] for c in CASES["periods"]])
def test_periods(warehouse, tmp_path, case):
    refused(warehouse, "quarterly", case["period"], "--dry-run", "--out", str(tmp_path / "out"), expect=case["expect"])


@pytest.mark.parametrize("case", CASES["sql"], ids=[c["query"][:40] for c in CASES["sql"]])
def test_sql(warehouse, case):
    location, _ = warehouse
    options = [o.replace("WAREHOUSE", str(location.local_dir)) for o in case.get("options", [])]
    refused(warehouse, "sql", case["query"].replace("WAREHOUSE", str(location.local_dir)), *options,
            expect=case["expect"])
    # Nothing a refused statement did outlives it: its files are unchanged (refused() compares them), a
    # query's connection lives and dies in its own child process, and the one state a query leaves in
    # this process, the guard's catalog-less connection, still passes an honest statement. (The module's
    # last step runs one through the whole command: the warehouse fixture.)
    guard.precheck("SELECT count(*) FROM models")
