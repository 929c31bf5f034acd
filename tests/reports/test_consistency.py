"""The parts that must agree stay in agreement: every report has its template, figures, deck and
test; every command of the command line is in the README."""

from __future__ import annotations

from pathlib import Path

import typer

from reports import registry
from reports.cli import app

ROOT = Path(__file__).resolve().parents[2]


def test_every_report_has_a_template_a_module_and_a_test():
    tests = (ROOT / "tests" / "reports" / "test_reports.py").read_text()
    for spec in registry.all_reports():
        stem = spec.name.replace("-", "_")
        assert (ROOT / "templates" / spec.template).is_file()
        assert spec.template == f"{stem}.html"
        assert (ROOT / "reports" / f"{stem}.py").is_file()
        assert f"def test_{stem}(" in tests
        assert callable(spec.gather) and callable(spec.figures) and callable(spec.deck)


def test_a_second_report_of_the_same_name_is_refused():
    import pytest

    with pytest.raises(ValueError, match="registered twice"):
        registry.report("cost-to-run", title="x", template="x.html", gather=len, figures=len, deck=len)(len)


def test_every_command_is_in_the_readme():
    lines = (ROOT / "README.md").read_text().splitlines()
    command = typer.main.get_command(app)
    for name, sub in command.commands.items():
        for child in getattr(sub, "commands", None) or [None]:
            described = [line for line in lines if f"benchhouse {name}" in line and (child is None or child in line)]
            assert described, f"the README's command table lacks benchhouse {name} {child or ''}"
