"""Issue 20: no subscriber file can stop the quarter, and renders are bounded. A hostile logo (refused
by validation, or slipped past it to the renderer), a logo swapped during the run, a render past its
time or memory limit, a subscriber file with a mistake: each fails its own deliverables with a
one-line reason, the other subscribers' render, the run lists the failure in its manifest and exits
1. A killed run leaves no process behind; a Dask scheduler out of reach is one line.

Each subscriber here is initech-retail's file under another id, on the small warehouse
(conftest.py): the smile curve, as a deck only, the cheapest render there is. One quarter run serves
several tests, and the tests of the limits render the smile curve gathered once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dask
import pytest
from pptx import Presentation

from reports.delivery import build, manifests, quarterly, subscribers
from reports.handle import ReadHandle
from reports.window import Period, Window
from tests.conftest import in_process, latest_snapshot
from tests.functional.conftest import SMALL_FOCUS, on_small_warehouse

pytestmark = pytest.mark.long  # handed to a worker early (tests/conftest.py)

PERIOD = Period.parse("2026Q3")
SHIPPED = subscribers.folder()
# Drawn to PNG for the deck at 4 times its size, 96,000 pixels a side: the allocation fails and the
# chart library aborts the whole process (no exception to catch).
HUGE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="1000in" height="1000in" viewBox="0 0 10 10">'
            '<rect width="10" height="10" fill="#B22234"/></svg>')


def use_bomb() -> str:
    """Nine nested levels of ten <use> each: a billion rectangles for WeasyPrint to draw."""
    levels = ['<rect id="l0" width="1" height="1" fill="#B22234"/>']
    for level in range(1, 10):
        uses = "".join(f'<use href="#l{level - 1}" x="{i % 3}" y="{i // 3}"/>' for i in range(10))
        levels.append(f'<g id="l{level}">{uses}</g>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><defs>'
            + "".join(levels) + '</defs><use href="#l9"/></svg>')


def cheap_subscribers(folder: Path, *ids: str, formats: str = "pptx") -> Path:
    """initech-retail's file (the smile curve) under each id, with its own copy of the logo, its focus
    models the small warehouse's."""
    (folder / "logos").mkdir(parents=True, exist_ok=True)
    text = on_small_warehouse((SHIPPED / "initech-retail.yaml").read_text()).replace("formats: [pptx]",
                                                                                     f"formats: [{formats}]")
    for subscriber in ids:
        (folder / f"{subscriber}.yaml").write_text(text.replace("initech-retail", subscriber))
        shutil.copy(SHIPPED / "logos" / "initech-retail.svg", folder / "logos" / f"{subscriber}.svg")
    return folder


def slipped_past_validation(plan: quarterly.Plan, folder: Path, subscriber: str, svg: str) -> None:
    """The subscriber's logo replaced by `svg` and pinned in the plan: the plan as it would be had
    validation passed that logo."""
    path = folder / "logos" / f"{subscriber}.svg"
    path.write_text(svg)
    plan.logos[subscriber] = manifests.sha256(path.read_bytes())


def one_line(text: str) -> bool:
    return "\n" not in text.strip() and "Traceback" not in text


def run_manifest(out: Path) -> dict:
    return json.loads((out / str(PERIOD) / "manifest.json").read_text())


@pytest.fixture(scope="module")
def refused_at_plan(small_warehouse, tmp_path_factory):
    """`benchhouse quarterly` over a folder where one subscriber's file is right (initech-two) and every
    other has a mistake: a logo that would abort the deck (initech-retail), YAML that does not parse,
    a focus model the warehouse lacks, a delivery folder another has."""
    root = tmp_path_factory.mktemp("refused")
    folder = cheap_subscribers(root / "subscribers", "initech-retail", "initech-two", "unknown-model", "zeta-retail")
    (folder / "logos" / "initech-retail.svg").write_text(HUGE_SVG)
    (folder / "broken.yaml").write_text("id: broken\ncompany: [Broken\n")
    path = folder / "unknown-model.yaml"
    path.write_text(path.read_text().replace(SMALL_FOCUS[1], "no-such-model-2099"))
    path = folder / "zeta-retail.yaml"
    path.write_text(path.read_text().replace("delivery: zeta-retail", "delivery: initech-two"))
    out = root / "out"
    done = in_process(small_warehouse, "quarterly", str(PERIOD), "--out", str(out), "--snapshot",
                      str(latest_snapshot(small_warehouse)), check=False, env={subscribers.ENV_SUBSCRIBERS: str(folder)})
    return done, out, folder


def failed_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("failed:")]


def test_issue_20_defect_3_a_hostile_logo_refused_by_validation_fails_its_subscriber_alone(refused_at_plan):
    done, out, _ = refused_at_plan
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (logo,) = [line for line in failed_lines(done.stderr) if "initech-retail" in line]
    assert "/initech-retail.yaml" in logo and "branding.logo" in logo
    (deck,) = (out / str(PERIOD) / "initech-two").glob("*.pptx")
    assert len(Presentation(deck).slides) > 3
    assert not (out / str(PERIOD) / "initech-retail").exists()
    recorded = run_manifest(out)
    assert ["initech-retail", None] in [[s, r] for s, r, _ in recorded["failed"]]
    pack = [build.file_name(deck.name.removesuffix(".pptx"), fmt) for fmt in build.DATA_PACK]
    assert sorted(recorded["deliverables"]) == sorted(f"initech-two/{name}" for name in [deck.name, *pack])


def test_issue_20_defect_3_no_subscriber_file_stops_the_quarter(refused_at_plan, small_warehouse):
    done, out, folder = refused_at_plan
    failed = failed_lines(done.stderr)
    assert len(failed) == 4
    for name, problem in (("broken", "not valid YAML"), ("unknown-model", "focus_models"), ("zeta-retail", "delivery")):
        assert any(f"/{name}.yaml" in line and problem in line for line in failed), (name, failed)
    (error,) = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert error.startswith("error: 4 failed") and done.stderr.strip().endswith(error)
    assert sorted(s for s, _, _ in run_manifest(out)["failed"]) == ["broken", "initech-retail", "unknown-model",
                                                                    "zeta-retail"]
    assert [p.name for p in (out / str(PERIOD)).iterdir() if p.is_dir()] == ["initech-two"]

    # The operator's typo still stops at once, before anything is planned.
    elsewhere = out.parent / "typo"
    typo = in_process(small_warehouse, "quarterly", str(PERIOD), "--out", str(elsewhere), "--subscriber",
                      "initech-tow", check=False, env={subscribers.ENV_SUBSCRIBERS: str(folder)})
    assert typo.returncode == 1 and one_line(typo.stderr)
    assert typo.stderr.startswith("error: --subscriber initech-tow: no subscribers/initech-tow.yaml")
    assert "initech-two" in typo.stderr and not elsewhere.exists()


@pytest.fixture(scope="module")
def contained(small_warehouse, tmp_path_factory):
    """quarterly.run, on two workers, for three subscribers: initech-two, initech-retail whose logo
    slipped past validation (drawn for the deck, it aborts the process) and swapped-logo whose logo
    is replaced after the plan."""
    root = tmp_path_factory.mktemp("contained")
    folder = cheap_subscribers(root / "subscribers", "initech-retail", "initech-two", "swapped-logo")
    plan = quarterly.plan(small_warehouse, PERIOD, root / "out", ["initech-retail", "initech-two", "swapped-logo"],
                          folder=folder, snapshot=latest_snapshot(small_warehouse))
    slipped_past_validation(plan, folder, "initech-retail", HUGE_SVG)
    shutil.copy(SHIPPED / "logos" / "northwind-bank.svg", folder / "logos" / "swapped-logo.svg")
    return plan, quarterly.run(small_warehouse, plan, workers=2)


def test_issue_20_defect_3_a_hostile_logo_that_reaches_the_renderer_fails_alone(contained):
    plan, outcome = contained
    # The abort broke the pool under the renders it held; each was tried again alone.
    (rendered,) = [r for r in outcome.rendered if r["format"] == "pptx"]
    assert {r["subscriber"] for r in outcome.rendered} == {"initech-two"}
    assert rendered["subscriber"] == "initech-two"
    assert len(Presentation(plan.out / "initech-two" / rendered["file"]).slides) > 3
    (reason,) = [reason for subscriber, _, reason in outcome.failed if subscriber == "initech-retail"]
    assert reason.startswith("the render of smile-curve for initech-retail ran out of its 4 GB of memory or crashed")
    assert "SIGABRT" in reason and one_line(reason)
    assert ["initech-retail", "smile-curve", reason] in run_manifest(plan.out.parent)["failed"]
    assert not list(plan.out.rglob(".*.tmp"))


def test_issue_20_defect_3_a_logo_swapped_during_the_run_fails_its_deliverable(contained):
    plan, outcome = contained
    assert ("swapped-logo", "smile-curve", "the render of smile-curve for swapped-logo failed: the logo "
            "logos/swapped-logo.svg changed during the run; run the quarter again") in outcome.failed
    assert len(outcome.failed) == 2
    assert sorted({p.parent.name for p in quarterly.missing(plan)}) == ["initech-retail", "swapped-logo"]


@pytest.fixture(scope="module")
def smile_curve(small_warehouse) -> dict:
    """The smile curve, gathered once, as the quarterly run gathers it."""
    with ReadHandle(small_warehouse, Window.of(PERIOD, latest_snapshot(small_warehouse))) as handle:
        return build.gather(handle, "smile-curve", None)


def task(smile_curve: dict, tmp_path: Path, logo: str | None = None, formats: tuple[str, ...] = ("pdf",)):
    """A task of the quarterly run: the smile curve for initech-retail, whose logo is then replaced by
    `logo` and pinned, as if validation had passed it."""
    # The modules issue 20 added are imported where they are used: each test fails alone without them.
    from reports.delivery.worker import Task

    subscriber = subscribers.load(cheap_subscribers(tmp_path / "subscribers", "initech-retail") / "initech-retail.yaml")
    if logo is not None:
        subscriber.logo_path.write_text(logo)
    out = tmp_path / "out"
    out.mkdir()
    return Task("smile-curve", subscriber, smile_curve, formats, out, manifests.sha256(subscriber.logo_path.read_bytes()))


def test_issue_20_defect_4_a_use_bomb_is_stopped_at_the_time_limit(smile_curve, tmp_path):
    from reports.delivery import executors
    from reports.delivery.limits import Limits
    from reports.delivery.worker import render_task

    bomb = task(smile_curve, tmp_path, use_bomb())
    started = time.monotonic()
    ((_, result, reason),) = executors.render_each(render_task, [bomb], "local", 1, Limits(seconds=2))
    # In the pool, then alone: twice the limit, and far from the minutes WeasyPrint would take.
    assert time.monotonic() - started < 60
    assert (result, reason) == (None, "the render of smile-curve for initech-retail was stopped after 2 s")
    assert not list(bomb.out.glob("*.pdf"))


def test_issue_20_defect_3_a_render_past_its_memory_limit_fails_alone(smile_curve, tmp_path):
    from reports.delivery import executors
    from reports.delivery.limits import Limits
    from reports.delivery.worker import render_task

    # Less than a render needs (a worker holds 2 GB of data memory once the charts are drawn).
    ((_, result, reason),) = executors.render_each(render_task, [task(smile_curve, tmp_path)],
                                                   "local", 1, Limits(memory_gb=0.75))
    assert result is None and one_line(reason)
    assert reason.startswith("the render of smile-curve for initech-retail ran out of its 0.75 GB of memory")


def test_issue_20_defect_3_on_dask_a_render_that_kills_its_worker_fails_alone(smile_curve, tmp_path):
    from reports.delivery import executors
    from reports.delivery.limits import Limits
    from reports.delivery.worker import render_task

    hostile = task(smile_curve, tmp_path, HUGE_SVG, ("pptx",))
    # Dask tries a task whose worker died on other workers (three more by default): once is enough here.
    # Its configuration is loaded when distributed is imported: a key set before would hide the rest.
    import distributed  # noqa: F401

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        ((_, result, reason),) = executors.render_each(render_task, [hostile], "dask-local", 1, Limits())
    assert result is None and one_line(reason)
    assert reason.startswith("the render of smile-curve for initech-retail ran out of its 4 GB of memory, crashed "
                             "or was stopped after 120 s: its Dask worker died")


def test_a_render_leaves_nothing_in_the_temporary_folder(smile_curve, tmp_path, monkeypatch):
    """A PDF and a deck rendered leave nothing in the temporary folder. WeasyPrint copies the template's fonts (5 MB) into a folder of its own in the temporary folder
    for each render. It is removed as the render ends, not left to the garbage collector, which a
    render worker's exit never waited for: every render of a quarter left its 5 MB behind."""
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    subscriber = subscribers.load(cheap_subscribers(tmp_path / "subscribers", "initech-retail", formats="pdf")
                                  / "initech-retail.yaml")
    (tmp_path / "out").mkdir()
    results = build.render("smile-curve", smile_curve, subscriber, ("pdf", "pptx"), tmp_path / "out")
    assert [r.format for r in results] == ["pdf", "pptx"] and all(r.pages > 3 and r.path.exists() for r in results)
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("threads", [2, 1])
def test_a_dask_cluster_is_used_only_when_its_workers_run_one_thread_each(monkeypatch, threads):
    """A render's time and memory limits are its process's: on a worker of several threads, one render's
    alarm would cancel another's, and a render past its time would stop every render there."""
    from distributed import LocalCluster

    from reports.delivery import executors
    from warehouse.errors import BenchhouseError

    # The command line has reached the scheduler before it planned: not probed a second time.
    monkeypatch.setattr(executors, "check", lambda kind: pytest.fail(f"{kind} checked again"))
    with LocalCluster(n_workers=1, threads_per_worker=threads, processes=False, protocol="tcp://", host="127.0.0.1",
                      scheduler_port=0, dashboard_address=None) as cluster:
        spec = f"dask://127.0.0.1:{cluster.scheduler.port}"
        if threads == 1:
            with executors.executor(spec, 1) as pool:
                assert pool.submit(int, "7").result() == 7
            return
        with pytest.raises(BenchhouseError) as raised:
            with executors.executor(spec, 1):
                pytest.fail("a render could start")
    assert str(raised.value) == (f"--executor {spec}: its Dask workers run up to 2 threads each, and a render's time "
                                 "and memory limits hold for its whole process; start each worker with --nthreads 1")


def descendants(pid: int) -> dict[int, int]:
    """Every living process under `pid`, with its parent, from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, todo = {}, [pid]
    while todo:
        parent = todo.pop()
        for child in [c for c, p in parents.items() if p == parent]:
            found[child] = parent
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def test_issue_20_defect_7_kill_9_of_a_quarterly_run_leaves_no_process_behind(small_warehouse, tmp_path):
    folder = cheap_subscribers(tmp_path / "subscribers", "initech-retail", "initech-two", formats="pdf")
    env = {**os.environ, "BENCHHOUSE_WAREHOUSE": str(small_warehouse.local_dir), subscribers.ENV_SUBSCRIBERS: str(folder),
           "TMPDIR": str(tmp_path)}  # what the killed processes leave stays in the test's folder
    process = subprocess.Popen([sys.executable, "-m", "cli", "quarterly", str(PERIOD), "--workers", "2", "--out",
                                str(tmp_path / "out"), "--snapshot", str(latest_snapshot(small_warehouse))],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started: dict[int, int] = {}
    try:
        deadline = time.monotonic() + 120
        # The fork server, the resource tracker, and two workers (the fork server's) rendering.
        while len([pid for pid, parent in started.items() if parent != process.pid]) < 2:
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, started
            time.sleep(0.2)
            started.update(descendants(process.pid))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 20
        while any(alive(pid) for pid in started) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in started if alive(pid)]
    finally:  # what outlived the run (the code before issue 20 left all of it)
        process.kill()
        for pid in started:
            if alive(pid) and b"multiprocessing" in Path(f"/proc/{pid}/cmdline").read_bytes():
                os.kill(pid, signal.SIGKILL)


def test_issue_20_low_an_executor_out_of_reach_or_malformed_is_one_line_before_any_work(empty, tmp_path):
    out = tmp_path / "out"
    snapshot = latest_snapshot(empty)
    done = in_process(empty, "quarterly", str(PERIOD), "--out", str(out), "--executor", "dask://127.0.0.1:1",
                      check=False)
    assert done.returncode == 1 and one_line(done.stderr)
    assert done.stderr.startswith("error: --executor dask://127.0.0.1:1: cannot reach the Dask scheduler at "
                                  "127.0.0.1:1 within 10 s; start one")
    for spec in ("dask://", "dask://127.0.0.1", "dask://127.0.0.1:99999", "dask://a b:1", "threads"):
        done = in_process(empty, "quarterly", str(PERIOD), "--out", str(out), "--executor", spec, check=False)
        assert done.returncode == 1 and one_line(done.stderr), spec
        assert done.stderr.startswith(f"error: --executor {spec}: choose local, dask-local or dask://HOST:PORT")
    assert not out.exists() and latest_snapshot(empty) == snapshot
