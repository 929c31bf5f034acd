"""The logo a quarterly render draws is the one its loader checked: the plan hashes the bytes the
loader read and validated, never the file again, so a logo replaced after it was checked is refused
by the render, never drawn; and the render draws its own copy, inside a folder of its own, whatever
path the subscriber's file gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.delivery import manifests, quarterly, subscribers, worker
from tests.unit.reports.test_subscribers import variant
from warehouse.errors import BenchhouseError

LOGO = "logos/acme-analytics.svg"
OTHER_LOGO = subscribers.folder() / "logos" / "northwind-bank.svg"


def task(subscriber, out: Path, logo_sha256: str) -> worker.Task:
    return worker.Task("smile-curve", subscriber, {}, ("pdf",), out, logo_sha256)


def test_a_logo_replaced_after_it_was_checked_is_refused_never_drawn(tmp_path, monkeypatch):
    path = variant(tmp_path)
    logo = path.parent / LOGO
    checked_file, checked_logo = path.read_bytes(), logo.read_bytes()
    read_folder = subscribers.read_folder

    def then_replaced(folder):
        found = read_folder(folder)
        logo.write_bytes(OTHER_LOGO.read_bytes())
        path.write_text(path.read_text().replace("Acme Analytics", "Someone Else"))
        return found

    monkeypatch.setattr(subscribers, "read_folder", then_replaced)
    (subscriber,), logos, refused = quarterly._choose(path.parent, None)
    assert refused == [] and logos == {"acme-analytics": manifests.sha256(checked_logo)}
    # The key's formula is unchanged: the manifests of earlier runs still match.
    assert manifests.subscriber_sha256(subscriber) == manifests.sha256(checked_file + b"\0" + checked_logo)
    private = tmp_path / "out" / ".logo.tmp"
    with pytest.raises(BenchhouseError, match="changed during the run"):
        worker._planned_logo(task(subscriber, tmp_path / "out", logos["acme-analytics"]), private)
    assert not private.exists()


def test_a_render_copies_the_logo_into_its_own_folder_whatever_path_the_file_gives(tmp_path):
    # Inside the subscribers' folder, so the loader accepts it; joined to the render's folder as
    # given, it would lead out of it, into the delivery folder.
    path = variant(tmp_path, (LOGO, f"../subscribers/{LOGO}"))
    subscriber = subscribers.load(path)
    out = tmp_path / "out"
    private = out / ".logo-smile-curve-acme-analytics.tmp"
    checked = (path.parent / LOGO).read_bytes()
    pinned = worker._planned_logo(task(subscriber, out, manifests.sha256(checked)), private)
    assert pinned.logo_path == private / "logo.svg" and pinned.logo_path.read_bytes() == checked
    assert [p.relative_to(out) for p in out.rglob("*")] == [private.relative_to(out), pinned.logo_path.relative_to(out)]
    assert subscriber.logo_path == path.parent / f"../subscribers/{LOGO}"  # the loaded subscriber is left as it was
