"""What a worker runs for one task of the quarterly run: one report for one subscriber, within its
limits (reports/delivery/limits.py), with the logo the plan hashed and nothing else."""

from __future__ import annotations

import os
import resource
import shutil
from dataclasses import dataclass
from pathlib import Path

from reports.delivery import build, manifests
from reports.delivery.limits import Limits, bounded
from reports.subscriber import Subscriber
from warehouse.errors import BenchhouseError


@dataclass(frozen=True, eq=False)
class Task:
    """One report for one subscriber, in the formats it is entitled to."""

    report: str
    subscriber: Subscriber
    gathered: dict
    """What this subscriber's copy of the report reads: what every copy shares (build.gather), fitted to
    it (build.fit)."""
    formats: tuple[str, ...]
    out: Path
    """The subscriber's delivery folder."""
    logo_sha256: str
    """The logo's hash when the plan read it, just after it was validated."""

    @property
    def what(self) -> str:
        return f"the render of {self.report} for {self.subscriber.id}"


def render_task(task: Task, limits: Limits = Limits()) -> tuple[dict, float]:
    """In a worker, within `limits`: tailor and render one report for one subscriber, with the logo
    the plan hashed. Returns each format's page or slide count and this process's peak memory (MB)."""
    private = task.out / f".logo-{task.report}-{task.subscriber.id}-{os.getpid()}.tmp"
    try:
        with bounded(limits):
            subscriber = _planned_logo(task, private)
            results = build.render(task.report, task.gathered, subscriber, task.formats, task.out)
    finally:
        shutil.rmtree(private, ignore_errors=True)
    counts = {r.format: {build.UNITS[r.format]: r.pages} for r in results}
    return counts, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _planned_logo(task: Task, private: Path) -> Subscriber:
    """The subscriber, its logo read once, checked against the hash the plan took, and copied to a
    folder of this render's own: a logo swapped during the run is refused, never half-used (the PDF
    and the deck each read the logo)."""
    subscriber = task.subscriber
    try:
        data = subscriber.logo_path.read_bytes()
    except OSError as exc:
        raise BenchhouseError(f"the logo {subscriber.branding.logo} cannot be read ({exc.strerror}); "
                              "put it back and run the quarter again") from None
    if manifests.sha256(data) != task.logo_sha256:
        raise BenchhouseError(f"the logo {subscriber.branding.logo} changed during the run; run the quarter again")
    # A name of the render's own, whatever path the file gives ('../x/logo.svg' would lead out of it);
    # the suffix the loader judged the logo by, its target's when it is a link.
    name = "logo" + subscriber.logo_path.resolve().suffix.lower()
    private.mkdir(parents=True, exist_ok=True)
    (private / name).write_bytes(data)
    pinned = subscriber.model_copy(update={"branding": subscriber.branding.model_copy(update={"logo": name})})
    pinned._folder = private
    return pinned
