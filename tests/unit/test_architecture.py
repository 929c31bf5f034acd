"""The shape of the house holds: imports run one way with no circle, only the theme names a colour or
a font, every report has its module, template, figures, slides and test, and every command is in
the README. Read from the source with the standard library, so a new file is checked as it lands."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import typer

from cli.main import app
from reports import catalogue, registry
from reports.rendering import theme

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("warehouse", "reports", "cli", "templates")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Modules of this project that a file imports, wherever in the file (top level or inside a
    function), resolved to module names that exist."""
    found = set()
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else module_name(path)
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {n for n in names if n.split(".")[0] in PACKAGES and n in MODULES}
    return found


MODULES = {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
GRAPH = {name: imports(path) - {name} for name, path in MODULES.items()}


def layer(module: str) -> str:
    """cli → delivery → reports → rendering and warehouse; how numbers read (reports.formatting) is
    a leaf beneath reports and rendering alike; templates is data."""
    if module.startswith("reports.delivery"):
        return "delivery"
    if module.startswith("reports.rendering"):
        return "rendering"
    if module == "reports.formatting":
        return "formatting"
    return module.split(".")[0]


ALLOWED = {  # which layers each layer may import
    "cli": {"cli", "delivery", "reports", "rendering", "formatting", "warehouse"},
    "delivery": {"delivery", "reports", "rendering", "formatting", "warehouse", "templates"},
    "reports": {"reports", "rendering", "formatting", "warehouse"},
    "rendering": {"rendering", "formatting", "templates"},
    "formatting": set(),
    "warehouse": {"warehouse"},
    "templates": set(),
}


def test_the_import_graph_has_no_circle():
    visiting, done, circles = [], set(), []

    def visit(module: str) -> None:
        if module in done:
            return
        if module in visiting:
            circles.append(visiting[visiting.index(module):] + [module])
            return
        visiting.append(module)
        for target in sorted(GRAPH[module]):
            visit(target)
        visiting.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)
    assert not circles, "import circles: " + "; ".join(" -> ".join(c) for c in circles)


def test_dependencies_run_one_way_and_the_warehouse_imports_nothing_of_the_rest():
    wrong = sorted(f"{a} imports {b}" for a, targets in GRAPH.items() for b in targets
                   if layer(b) not in ALLOWED[layer(a)] and layer(b) != layer(a))
    assert not wrong, wrong
    assert all(layer(b) == "warehouse" for a, targets in GRAPH.items() if layer(a) == "warehouse" for b in targets)


def test_the_checks_see_the_whole_house():
    """The graph is read, not empty: it knows the modules and a few arrows that must exist."""
    assert {"warehouse.ingest", "reports.cost_to_run.report", "reports.rendering.theme", "cli.main"} <= set(MODULES)
    assert "reports.rendering.theme" in GRAPH["reports.rendering.charts"]
    assert "warehouse.indices" in GRAPH["warehouse.ingest.indices"]
    assert "warehouse.ingest" in GRAPH["cli.ingest"] and "warehouse.ingest" in GRAPH["warehouse.tenant_ingest"]


WRITE_SIDE = ("warehouse.ingest", "warehouse.sources", "warehouse.generate", "warehouse.tenant_ingest")
WRITERS = {"cli.ingest", "cli.private"}  # the ingest, demo and tenant commands


def reached(module: str) -> set[str]:
    """Every module `module` imports, directly or through others, at the top or inside a function."""
    seen, todo = set(), [module]
    while todo:
        for target in GRAPH[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


def test_the_read_side_imports_nothing_of_the_write_side():
    """Reports and the commands that read (sql, schema, check, report build, quarterly) reach none of
    the modules that load data: not the ingest (pandas, every source adapter), the adapters, the
    generator, nor the code that writes a tenant; only the ingest, demo and tenant commands do."""
    readers = [m for m in GRAPH if m.startswith(("reports", "cli")) and m not in WRITERS | {"cli.main", "cli.__main__"}]
    wrong = sorted(f"{a} reaches {b}" for a in readers for b in reached(a) if b.startswith(WRITE_SIDE))
    assert not wrong, wrong
    assert "warehouse.ingest" in reached("cli.main")  # the check reads the arrows it should

HEX = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")
FONT_NAMES = [*theme.FONTS, theme.FALLBACK_FONT]
CHECKED = ("*.py", "*.sql", "*.html", "*.css", "*.yaml", "*.j2")


def checked_files() -> list[Path]:
    """Every file of code, query and template outside the theme and the subscriber files."""
    files = []
    for folder in ("warehouse", "reports", "cli", "templates", "scripts", "bench", "demo"):
        for pattern in CHECKED:
            files += (ROOT / folder).rglob(pattern)
    return [f for f in files if f != ROOT / "reports" / "rendering" / "theme.py"]


def test_no_colour_or_font_is_named_outside_the_theme_and_the_subscriber_files():
    found = []
    for path in checked_files():
        text = path.read_text()
        for number, line in enumerate(text.splitlines(), 1):
            if HEX.search(line) and "e.g. #" not in line:  # an error message's example is no colour in use
                found.append(f"{path.relative_to(ROOT)}:{number}: colour {HEX.search(line).group(0)}")
            for font in FONT_NAMES:
                if re.search(rf"\b{re.escape(font)}\b", line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: font {font}")
    assert not found, found


def test_the_colour_check_would_catch_a_colour(tmp_path):
    """The check above reads what it should: the theme itself is full of what it forbids."""
    text = (ROOT / "reports" / "rendering" / "theme.py").read_text()
    assert HEX.search(text) and all(re.search(rf"\b{re.escape(f)}\b", text) for f in FONT_NAMES)
    assert len(checked_files()) > 50


REPORT_PARTS = ("report", "figures", "slides")  # a report package's modules; figures and slides draw


def report_packages() -> list[str]:
    """Every report package: reports/<name>/ with a report.py (the subscriber reports and the private one)."""
    return sorted(path.parent.name for path in (ROOT / "reports").glob("*/report.py"))


def test_every_report_is_a_package_with_its_queries_figures_slides_template_and_test():
    tests = (ROOT / "tests" / "functional" / "reports" / "test_reports.py").read_text()
    reports = catalogue.all_reports()
    assert len(reports) >= 4
    assert {spec.name.replace("-", "_") for spec in reports} | {"private_benchmark"} == set(report_packages())
    for spec in reports:
        stem = spec.name.replace("-", "_")
        assert spec.template == f"{stem}.html" and (ROOT / "templates" / spec.template).is_file()
        assert spec.gather.__module__ == spec.tailor.__module__ == f"reports.{stem}.report"
        assert (spec.figures.__module__, spec.slides.__module__) == (f"reports.{stem}.figures", f"reports.{stem}.slides")
        assert list((ROOT / "reports" / stem / "sql").glob("*.sql")), f"reports/{stem}/sql/ holds no query"
        assert f"def test_{stem}(" in tests


def test_no_report_draws_outside_its_figures_and_slides():
    """A report package's gathering and tailoring (and its findings) import no rendering module; only
    its figures.py and slides.py do, and the catalogue wires them together. Nor do they reach a
    module that draws through another (the shared package, the customer files): the theme's brand,
    a customer's colours and logo, is the one piece of rendering they may hold."""
    drawing = {m for m in GRAPH if m.startswith("reports.rendering.") and m != "reports.rendering.theme"}
    assert {"reports.rendering.charts", "reports.rendering.deck", "reports.rendering.pdf"} <= drawing
    wrong = []
    for name in report_packages():
        for module in (m for m in GRAPH if m == f"reports.{name}" or m.startswith(f"reports.{name}.")):
            if module.rsplit(".", 1)[-1] in ("figures", "slides"):
                continue
            wrong += [f"{module} imports {target}" for target in sorted(GRAPH[module]) if target.startswith("reports.rendering")]
            wrong += [f"{module} reaches {target}" for target in sorted(reached(module) & drawing)]
    assert not wrong, wrong
    assert "reports.rendering.charts" in reached("reports.cost_to_run.figures")  # the check reads the arrows


def test_a_second_report_of_the_same_name_is_refused():
    from reports import cost_to_run

    with pytest.raises(ValueError, match="registered twice"):
        registry.catalogue(cost_to_run, cost_to_run)


def test_every_report_query_only_filters_and_orders_the_views():
    """Figures are computed in views: a report query groups, aggregates or windows nothing, except
    the lookup of the index version (its evaluations listed). Each name is one query."""
    computing = re.compile(r"\b(GROUP BY|OVER\s*\(|sum\(|avg\(|count\(|min\(|max\(|arg_min|arg_max|median)", re.I)
    paths = sorted((ROOT / "reports").glob("*/sql/*.sql"))
    assert len(paths) > 40 and len({p.stem for p in paths}) == len(paths)
    for path in paths:
        if path.stem == "index_version":
            continue
        body = "\n".join(line for line in path.read_text().splitlines() if not line.startswith("--"))
        where = path.relative_to(ROOT)
        assert not computing.search(body), f"{where} computes: {computing.search(body).group(0)}"


def test_every_command_is_in_the_readme():
    lines = (ROOT / "README.md").read_text().splitlines()
    command = typer.main.get_command(app)
    for name, sub in command.commands.items():
        for child in getattr(sub, "commands", None) or [None]:
            described = [line for line in lines if f"benchhouse {name}" in line and (child is None or child in line)]
            assert described, f"the README's command table lacks benchhouse {name} {child or ''}"


def test_a_workload_s_monthly_cost_is_one_sql_definition():
    """The private views and the model-deployment report price a workload by the one macro
    (warehouse/macros/050_workload_cost.sql); no report module prices one in Python."""
    defined = (ROOT / "warehouse" / "macros" / "050_workload_cost.sql").read_text()
    assert "TEMP MACRO workload_usd_per_month(" in defined and "TEMP MACRO systems_needed(" in defined
    callers = [ROOT / "warehouse" / "private" / "views" / "040_private_workload_cost.sql",
               *(ROOT / "reports" / "model_deployment" / "sql").glob("workload_*.sql")]
    assert len(callers) == 4 and all(re.search(r"\b(workload_usd_per_month|systems_needed|workload_output_mtok)\(",
                                               p.read_text()) for p in callers)
    pricing = re.compile(r"requests_per_month\s*\*|\*\s*\w*\.?requests_per_month")
    found = [f"{p.relative_to(ROOT)}:{n}" for p in (ROOT / "reports").rglob("*.py")
             for n, line in enumerate(p.read_text().splitlines(), 1) if pricing.search(line)]
    assert not found, found
