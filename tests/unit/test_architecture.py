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
    """cli → delivery → reports → rendering and warehouse; templates is data."""
    if module.startswith("reports.delivery"):
        return "delivery"
    if module.startswith("reports.rendering"):
        return "rendering"
    return module.split(".")[0]


ALLOWED = {  # which layers each layer may import
    "cli": {"cli", "delivery", "reports", "rendering", "warehouse"},
    "delivery": {"delivery", "reports", "rendering", "warehouse", "templates"},
    "reports": {"reports", "rendering", "warehouse"},
    "rendering": {"rendering", "templates"},
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
    assert {"warehouse.ingest", "reports.cost_to_run", "reports.rendering.theme", "cli.main"} <= set(MODULES)
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


def test_every_report_has_its_module_template_figures_slides_and_test():
    tests = (ROOT / "tests" / "functional" / "reports" / "test_reports.py").read_text()
    reports = catalogue.all_reports()
    assert len(reports) >= 3
    for spec in reports:
        stem = spec.name.replace("-", "_")
        assert spec.template == f"{stem}.html" and (ROOT / "templates" / spec.template).is_file()
        assert spec.tailor.__module__ == spec.gather.__module__ == f"reports.{stem}"
        assert (spec.figures.__module__, spec.figures.__name__) == ("reports.rendering.figures", stem)
        assert (spec.slides.__module__, spec.slides.__name__) == ("reports.rendering.slides", stem)
        assert f"def test_{stem}(" in tests


def test_a_second_report_of_the_same_name_is_refused():
    with pytest.raises(ValueError, match="registered twice"):
        registry.report("cost-to-run", title="x", template="x.html", gather=len, figures=len, slides=len)(len)


def test_every_report_query_only_filters_and_orders_the_views():
    """Figures are computed in views: a report query groups, aggregates or windows nothing, except
    the lookup of the index version (its evaluations listed)."""
    computing = re.compile(r"\b(GROUP BY|OVER\s*\(|sum\(|avg\(|count\(|min\(|max\(|arg_min|arg_max|median)", re.I)
    for path in (ROOT / "reports" / "sql").glob("*.sql"):
        if path.stem == "index_version":
            continue
        body = "\n".join(line for line in path.read_text().splitlines() if not line.startswith("--"))
        assert not computing.search(body), f"reports/sql/{path.name} computes: {computing.search(body).group(0)}"


def test_every_command_is_in_the_readme():
    lines = (ROOT / "README.md").read_text().splitlines()
    command = typer.main.get_command(app)
    for name, sub in command.commands.items():
        for child in getattr(sub, "commands", None) or [None]:
            described = [line for line in lines if f"benchhouse {name}" in line and (child is None or child in line)]
            assert described, f"the README's command table lacks benchhouse {name} {child or ''}"
