"""Private deliverables: each tenant's markers only in its own files, public views untouched by a
tenant's load, a purge that leaves no byte behind, hostile strings rendered as text, and the
deliverable read back against the private views."""

from __future__ import annotations

import base64
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from reports.delivery import build
from reports.formatting import money, number
from tests.functional.private.conftest import PERIOD, public_bytes, public_views, run
from tests.functional.reports.readback import pack_csv, pack_sheets, pdf_pages, pdf_text, slide_titles, xy_points
from warehouse import purge, query, tenants
from warehouse.connection import Location

pytestmark = pytest.mark.long  # handed to a worker early (tests/conftest.py)


def deck_parts(path: Path) -> dict[str, bytes]:
    """Every XML part of a deck (slides, charts, notes, properties, relationships)."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels"))}


def texts(world) -> dict[str, str]:
    """Each file the test searches, by a name saying whose it is: extracted PDF text, every XML part
    of each deck and each data pack's workbook, the data pack's CSV files, manifests, and every byte
    of the public warehouse (its catalog and data files, all that a public view reads)."""
    found = {}
    for key, tenant in world.tenants.items():
        found[f"{key}: pdf"] = pdf_text(tenant.files["pdf"])
        for part, data in deck_parts(tenant.files["pptx"]).items():
            found[f"{key}: deck {part}"] = data.decode("utf-8", "replace")
        (workbook,) = tenant.manifest.parent.glob("*-data.xlsx")
        for part, data in deck_parts(workbook).items():
            found[f"{key}: workbook {part}"] = data.decode("utf-8", "replace")
        for sheet, rows in pack_csv(next(tenant.manifest.parent.glob("*-data.csv.zip"))).items():
            found[f"{key}: csv {sheet}"] = json.dumps(rows)
        found[f"{key}: manifest"] = tenant.manifest.read_text()
    for path in sorted(world.quarterly.rglob("*")):
        name = f"quarterly: {path.relative_to(world.quarterly)}"
        if path.suffix == ".pdf":
            found[name] = pdf_text(path)
        elif path.suffix == ".pptx":
            for part, data in deck_parts(path).items():
                found[f"{name} {part}"] = data.decode("utf-8", "replace")
        elif path.suffix == ".json":
            found[name] = path.read_text()
    for name, data in public_bytes(world.location).items():
        found[f"public warehouse: {name}"] = data.decode("latin-1")
    return found


def test_each_tenants_markers_appear_only_in_its_own_files(world):
    found = texts(world)
    assert sum(k.startswith("quarterly") and k.endswith(".pdf") for k in found) == 1
    assert any(k.startswith("quarterly") and ".pptx ppt/slides/" in k for k in found)
    for key, tenant in world.tenants.items():
        where = {name for name, text in found.items() if tenant.marker in text}
        assert where and all(name.startswith(f"{key}:") for name in where), sorted(where)
        assert {f"{key}: pdf", f"{key}: manifest", f"{key}: deck ppt/slides/slide2.xml", f"{key}: csv Candidates",
                f"{key}: workbook xl/sharedStrings.xml"} <= where
        pdf = found[f"{key}: pdf"]
        assert f"T-{tenant.marker}-" in pdf  # a task id, among the failure examples the client file allows
        assert tenant.marker in pdf.split("Failure examples")[0]  # the evaluation's name


def test_every_public_view_is_the_same_before_and_after_the_tenants_load(world):
    """The public catalog and every data file are the same bytes after the tenants' loads: the same
    snapshots, tables and views, so the same rows in every view (and the marker test finds no
    tenant's marker in any of those bytes)."""
    assert len(world.files_before) > 20 and world.files_after == world.files_before
    assert len(public_views(world.location)) > 25


def test_every_page_and_slide_says_confidential_and_for_whom(world):
    for tenant in world.tenants.values():
        company = f"Client {tenant.id.split('-')[1].title()}"
        line = f"Confidential — prepared for {company}"
        pages = pdf_pages(tenant.files["pdf"])
        assert all(line in page for page in pages), [i for i, p in enumerate(pages, 1) if line not in p]
        slides = Presentation(tenant.files["pptx"]).slides
        for number_, slide in enumerate(slides, 1):
            text = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
            assert line in text, number_


def test_the_manifest_records_both_snapshots(world):
    for tenant in world.tenants.values():
        manifest = json.loads(tenant.manifest.read_text())
        assert manifest["snapshot"] == world.snapshot
        assert manifest["tenant_snapshot"] == tenants.snapshot(tenants.Tenant.of(world.location, tenant.id)) == 4
        assert manifest["tenant"] == tenant.id and manifest["evaluations"] == [tenant.evaluation]
        pack = {p.name for p in tenant.manifest.parent.glob("*-data.*")}  # the data pack: a workbook, CSV files
        assert len(pack) == len(build.DATA_PACK)
        assert set(manifest["deliverables"]) == {p.name for p in tenant.files.values()} | pack


def test_the_deliverable_reads_back_against_the_private_views(world):
    tenant = world.tenants["alpha"]
    rows = query.run(world.location, "SELECT * FROM private_candidates WHERE as_of = DATE '2026-09-30' ORDER BY rank, "
                                     "score DESC", tenant=tenants.Tenant.of(world.location, tenant.id)).to_pylist()
    assert len(rows) == 3
    text = pdf_text(tenant.files["pdf"])
    for r in rows:
        assert f"{number(r['ci_low'])}–{number(r['ci_high'])}" in text
        assert money(r["usd_per_month"]) in text and money(r["cost_per_solved_task"]) in text
    assert slide_titles(tenant.files["pptx"])[:5] == [
        "Private benchmark", f"The answer for Client {tenant.id.split('-')[1].title()}", "Findings", f"The choice on {tenant.name}",
        f"{tenant.name}: score, cost, lifecycle"]
    points = xy_points(tenant.files["pptx"], f"The choice on {tenant.name}")
    expected = sorted((r["usd_per_month"], r["score"]) for r in rows)
    assert [x for point in sorted(points) for x in point] == pytest.approx([x for point in expected for x in point])
    # The data pack: a Read-me, every candidate as the private view gives it, the workload, the sources.
    (workbook,) = tenant.manifest.parent.glob("*-data.xlsx")
    sheets = pack_sheets(workbook)
    assert list(sheets) == ["Read-me", "Findings", "Candidates", "Workload", "Monthly cost", "Sources"]
    assert {r["Item"]: r["Value"] for r in sheets["Read-me"]}["Warehouse snapshot"] == world.snapshot
    candidates = {r["Model id"]: r for r in sheets["Candidates"]}
    assert len(candidates) == len(rows)
    for r in rows:
        got = candidates[r["model"]]
        assert got["Rank (1 is first; candidates that cannot be told apart share one)"] == r["rank"]
        assert got["Score (points of 100)"] == pytest.approx(r["score"])
        assert got["Cost per solved task (USD)"] == pytest.approx(r["cost_per_solved_task"])
    assert sheets["Sources"] and all(s["Batch id"] for s in sheets["Sources"])


def test_hostile_strings_are_rendered_as_text(world):
    beta = world.tenants["beta"]
    text = pdf_text(beta.files["pdf"])
    assert "<script>alert('x')</script> '; DROP TABLE evaluations; --" in text.replace("\n", " ")
    assert "<b>qqvxbetamark</b> <img src=x onerror=alert(1)>" in text.replace("\n", " ")
    parts = deck_parts(beta.files["pptx"])
    slides = b"".join(v for k, v in parts.items() if k.startswith("ppt/slides/slide"))
    assert b"&lt;script&gt;" in slides and b"<script" not in slides and b"<img" not in slides
    # The name went into the tenant's catalog as data: its evaluations table is there, intact.
    beta_tenant = tenants.Tenant.of(world.location, beta.id)
    assert query.run(world.location, "SELECT name FROM tenant.evaluations", tenant=beta_tenant).to_pylist() == [
        {"name": beta.name}]


def test_the_html_of_a_hostile_deliverable_holds_no_markup_from_the_data(world):
    from reports.private_benchmark import figures, report
    from reports.delivery import clients
    from reports.handle import window
    from reports.tenant_handle import TenantHandle
    from reports.rendering import pdf

    beta = world.tenants["beta"]
    client = clients.load(world.clients / f"{beta.id}.yaml")
    tenant = tenants.Tenant.of(world.location, beta.id)
    with TenantHandle(tenant, window(world.location, PERIOD, world.snapshot)) as handle:
        context = report.gather(handle, client)
    html = pdf.html(report.TEMPLATE, figures.figures, context, client.brand)
    assert "<script" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(" in html and "&lt;b&gt;qqvxbetamark&lt;/b&gt;" in html
    charts = [base64.b64decode(data).decode("utf-8") for data in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]
    assert charts and all(chart.startswith("<svg") for chart in charts)  # each chart an image of its SVG
    assert not [chart for chart in charts if "<script" in chart or "onerror=" in chart]


@pytest.mark.parametrize("args, message", [
    (("private", "ingest", "--tenant", "../../etc", "evaluations", "x.csv"), "tenant id '../../etc' is not allowed"),
    (("private", "sql", "--tenant", "/etc", "SELECT 1"), "tenant id '/etc' is not allowed"),
    (("private", "purge", "--tenant", "tenant-alpha/..", "--yes"), "is not allowed"),
    (("private", "report", "--tenant", "tenant-beta", "--period", "2026Q3", "--eval", "'; DROP TABLE evaluations; --"),
     "is not an evaluation id"),
    (("private", "report", "--tenant", "tenant-beta", "--period", "2026Q3", "--eval", "claims-nothing"),
     "has no runs for tenant 'tenant-beta'"),
])
def test_hostile_names_on_the_command_line_are_refused(world, args, message):
    done = run(world.location, *args, clients=world.clients, check=False)
    assert done.returncode == 1 and message in done.stderr, done.stderr
    assert not (world.root / "etc").exists() and not Path(world.location.local_dir, "tenants", "..", "etc").exists()


def test_a_workload_with_negative_or_nan_volumes_is_refused_from_the_command_line(world, tmp_path):
    bad = tmp_path / "workload.csv"
    bad.write_text("use_case,requests_per_month,input_tokens,answer_tokens\nchat,NaN,100,10\nmail,-3,100,10\n")
    done = run(world.location, "private", "ingest", "--tenant", "tenant-alpha", "workload", str(bad), check=False)
    assert done.returncode == 1
    assert "line 2, column 'requests_per_month': got 'NaN'" in done.stderr
    assert "line 3, column 'requests_per_month': got '-3'" in done.stderr


def test_a_purged_tenant_leaves_no_byte_on_disk_and_the_other_renders_the_same(world, tmp_path):
    shutil.copytree(world.root / "warehouse", tmp_path / "warehouse")
    location = Location.resolve(str(tmp_path / "warehouse"))
    alpha, beta = world.tenants["alpha"], world.tenants["beta"]
    # The copy notes the world's deliverables, which the other tests read: it notes a copy of them instead.
    copied = tenants.Tenant.of(location, alpha.id)
    (copied.folder / purge.DELIVERIES).unlink()
    delivered = shutil.copytree(alpha.manifest.parent, tmp_path / "delivered" / "private" / alpha.id / str(PERIOD))
    purge.note_delivery(copied, delivered)
    done = run(location, "private", "purge", "--tenant", alpha.id, "--yes", "--out", str(tmp_path / "out"))
    assert "purged tenant tenant-alpha" in done.stderr and not delivered.exists()
    holding = [p for p in location.local_dir.rglob("*") if p.is_file() and alpha.marker.encode() in p.read_bytes()]
    assert holding == []
    assert any(beta.marker.encode() in p.read_bytes() for p in location.local_dir.rglob("*") if p.is_file())
    assert [t.id for t in tenants.folders(location)] == [beta.id]
    assert run(location, "private", "sql", "--tenant", alpha.id, "SELECT 1", check=False).returncode == 1

    run(location, "private", "report", "--tenant", beta.id, "--period", str(PERIOD), "--snapshot", str(world.snapshot),
        "--out", str(tmp_path / "out"), clients=world.clients)
    again = tmp_path / "out" / "private" / beta.id / str(PERIOD)
    assert pdf_text(again / beta.files["pdf"].name) == pdf_text(beta.files["pdf"])
    before, after = deck_parts(beta.files["pptx"]), deck_parts(again / beta.files["pptx"].name)
    assert after == before
    first, second = json.loads(beta.manifest.read_text()), json.loads((again / "manifest.json").read_text())
    assert (second["snapshot"], second["tenant_snapshot"]) == (first["snapshot"], first["tenant_snapshot"])
