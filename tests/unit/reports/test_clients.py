"""Client files: validated like subscriber files, each mistake named with the file, the key and the
fix; the shipped ones are valid; and the private report belongs to no subscriber and no quarter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reports import catalogue
from reports.private_benchmark import report as private_benchmark
from reports.delivery import clients, subscribers
from reports.delivery.clients import ClientError
from tests.unit.reports.test_subscribers import variant as subscriber_variant
from warehouse.errors import BenchhouseError

ROOT = Path(__file__).resolve().parents[3]
GOOD = clients.folder() / "fabrikam-insurance.yaml"


def variant(tmp_path, replace: tuple[str, str], name: str = "fabrikam-insurance") -> Path:
    folder = tmp_path / "clients"
    folder.mkdir(exist_ok=True)
    if not (folder / "logos").exists():
        shutil.copytree(clients.folder() / "logos", folder / "logos")
    body = GOOD.read_text()
    assert replace[0] in body, replace
    path = folder / f"{name}.yaml"
    path.write_text(body.replace(*replace))
    return path


@pytest.mark.parametrize("replace, message", [
    (("failure_examples:", "failure_exampels:"), "key 'failure_exampels' is not known; did you mean 'failure_examples'?"),
    (("company: Fabrikam Insurance\n", ""), "key 'company' is missing; add it (see clients/README.md)"),
    (("failures_shown: 5", "failures_shown: 500"), "key 'failures_shown'"),
    (('primary: "#0B5563"', 'primary: "teal"'), "'teal' is not a colour"),
    (("id: fabrikam-insurance", "id: ../../etc"), "key 'id': '../../etc' is not a tenant id"),
    (("failures_shown: 5", "evaluations: [\"'; DROP TABLE x; --\"]"), "is not an evaluation id"),
])
def test_each_mistake_names_the_file_the_key_and_the_fix(tmp_path, replace, message):
    path = variant(tmp_path, replace)
    with pytest.raises(ClientError) as raised:
        clients.load(path)
    assert str(raised.value).startswith(f"{path}, line ") and message in str(raised.value)


def test_the_shipped_client_files_are_valid():
    found = clients.load_all()
    assert [c.id for c in found] == ["fabrikam-insurance"]
    assert found[0].confidentiality.startswith("Confidential — prepared for Fabrikam Insurance")


def test_a_client_id_that_could_reach_another_path_is_refused_before_any_file_is_read():
    with pytest.raises(BenchhouseError, match="is not allowed"):
        clients.load_id("../subscribers/acme-analytics")


def test_the_private_report_is_no_subscriber_report(tmp_path):
    assert private_benchmark.NAME not in catalogue.names()  # so no quarterly plan can hold it
    path = subscriber_variant(tmp_path, ("reports: [cost-to-run,", "reports: [private-benchmark, cost-to-run,"))
    with pytest.raises(subscribers.SubscriberError, match="report 'private-benchmark' is not known"):
        subscribers.load(path)


def test_the_private_report_has_its_package_template_figures_slides_and_test():
    from reports.private_benchmark import figures, slides

    assert private_benchmark.TEMPLATE == "private_benchmark.html" and (ROOT / "templates" / private_benchmark.TEMPLATE).is_file()
    assert callable(figures.figures) and callable(slides.slides)
    assert list((ROOT / "reports" / "private_benchmark" / "sql").glob("private_*.sql"))
    assert (ROOT / "tests" / "functional" / "private" / "test_private_benchmark.py").is_file()
