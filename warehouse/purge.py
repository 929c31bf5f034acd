"""Purging a tenant: the deliverables of its private reports (every folder its reports noted,
wherever that is, and OUT/private/<id> under the --out given), then its data files, then its
catalog, then the rest of its folder. A private report notes its folder in the tenant's
`deliveries` file (note_delivery) before it writes a deliverable there.

The whole purge is planned and checked before anything is deleted: a delivery folder must hold
this tenant's manifest (a link is followed and its target checked), and every folder a file is
deleted from must be writable. Each step deletes one file or one empty folder and skips what is
already gone, and the catalog goes last, so a purge stopped at any point is still a tenant to purge:
running it again finishes it.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass
from pathlib import Path

from warehouse import files
from warehouse.connection import Location
from warehouse.errors import BenchhouseError
from warehouse.tenants import Tenant, held, unknown

MANIFEST = "manifest.json"
DELIVERIES = "deliveries"  # in the tenant's folder


@dataclass(frozen=True)
class Step:
    """Delete one file (or link), or one empty folder."""
    path: Path
    shown: str
    """The path as messages name it: a tenant's own files relative to the warehouse."""
    folder: bool = False
    size: int = 0
    tidy: bool = False
    """A parent folder removed only if it is empty; never checked, never stops the purge."""


@dataclass(frozen=True)
class Plan:
    tenant: Tenant
    steps: list[Step]
    delivered: list[str]
    """The delivery folders found, as shown."""


@dataclass(frozen=True)
class Purged:
    tenant: str
    files: int
    bytes: int
    folders: list[str]


def purge(tenant: Tenant, out_root: Path | None = None) -> Purged:
    """Delete everything of the tenant's, waiting for its reports and loads to finish first. Planned
    once the tenant is held: a report or a load that held it first may have written more meanwhile.
    Holding it exclusively also keeps out its writer, which loads only while it holds the tenant."""
    with held(tenant, exclusive=True, must_exist=False):
        planned = plan(tenant, out_root)
        check(planned)
        execute(planned.steps, tenant)
    left = [s for s in planned.steps if not s.tidy and os.path.lexists(s.path)]
    if left:
        raise BenchhouseError(f"purging tenant '{tenant.id}' left {left[0].shown}: something wrote there during the "
                              "purge; run the same purge again")
    deleted = [s for s in planned.steps if not s.folder]
    return Purged(tenant.id, len(deleted), sum(s.size for s in deleted), [tenant.shown, *planned.delivered])


def plan(tenant: Tenant, out_root: Path | None = None) -> Plan:
    """Every step of the purge, in order; refuses a delivery folder that is not this tenant's."""
    if not tenant.folder.is_dir():
        raise unknown(tenant)
    steps: list[Step] = []
    delivered: list[str] = []
    tidy: list[Step] = []
    for folder in deliveries(tenant):
        found = _delivery(tenant, folder)
        if found:
            steps += found
            delivered.append(str(folder))
        if folder.parent.name == tenant.id:
            tidy.append(Step(folder.parent, str(folder.parent), folder=True, tidy=True))
    if out_root is not None:
        root = out_root / "private" / tenant.id
        found = _old_deliveries(tenant, root)
        if found:
            steps += found
            delivered.append(str(root))
    steps += tidy
    data = tenant.folder / "data"
    steps += _tree(data, tenant.location) + ([Step(data, f"{tenant.shown}/data", folder=True)] if data.is_dir() else [])
    steps += [_file(path, tenant.location) for path in files.catalog_files(tenant.location) if path.exists()]
    steps += _tree(tenant.folder, tenant.location) + [Step(tenant.folder, tenant.shown, folder=True)]
    unique: dict[Path, Step] = {}
    for step in steps:
        unique.setdefault(step.path, step)
    return Plan(tenant, list(unique.values()), delivered)


def check(planned: Plan) -> None:
    """Refuse, before anything is deleted, a step whose folder this process cannot delete from."""
    for step in planned.steps:
        if not step.tidy and os.path.lexists(step.path) and not os.access(step.path.parent, os.W_OK | os.X_OK):
            raise BenchhouseError(f"purging tenant '{planned.tenant.id}': {step.shown} cannot be deleted, its folder "
                                  "is read-only; nothing was deleted: purge on a writable warehouse and output "
                                  "folder, then run again")


def execute(steps: list[Step], tenant: Tenant) -> None:
    """Carry out the steps in order; what is already gone is skipped."""
    for step in steps:
        try:
            if step.folder:
                os.rmdir(step.path)
            else:
                os.unlink(step.path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            if step.tidy:
                continue
            raise BenchhouseError(f"purging tenant '{tenant.id}' stopped at {step.shown} ({exc.strerror}): fix that "
                                  "and run the same purge again; it goes on from where it stopped") from None


def note_delivery(tenant: Tenant, folder: Path) -> None:
    """Note, before a deliverable of the tenant is written, the folder it goes to, so that purge
    finds it wherever it is. One JSON string a line, added under a lock of the record's own."""
    if folder.resolve() in deliveries(tenant):
        return  # noted already: nothing to write, so a read-only warehouse can render there again
    line = json.dumps(str(folder.resolve())).encode() + b"\n"
    try:
        with open(tenant.folder / DELIVERIES, "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.seek(0)
            text = handle.read()
            if line in text.splitlines(keepends=True):
                return
            handle.truncate(text.rfind(b"\n") + 1)  # a line cut short by a stopped report noted nothing
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise BenchhouseError(f"tenant '{tenant.id}': cannot note where its deliverable goes ({exc.strerror}), so a "
                              "purge could not find it; nothing was written: run the report on a writable "
                              "warehouse") from None


def deliveries(tenant: Tenant) -> list[Path]:
    """The folders the tenant's private reports were written to. A last line cut short was being
    noted when its report stopped, before that report wrote anything: it is skipped."""
    path = tenant.folder / DELIVERIES
    if not path.exists():
        return []
    lines = path.read_bytes().split(b"\n")
    found = []
    for number, line in enumerate(lines, 1):
        try:
            found.append(Path(json.loads(line)))
        except (ValueError, TypeError):
            if line.strip() and number < len(lines):  # a damaged line that is not the last, cut one
                raise BenchhouseError(f"{tenant.shown}/{DELIVERIES}, line {number}: not a folder benchhouse "
                                      "wrote; restore the line (a JSON string) or remove it, and run again") from None
    return list(dict.fromkeys(found))


def _delivery(tenant: Tenant, folder: Path) -> list[Step]:
    """The steps that delete one delivery folder (and the link to it, if it is one), once it is
    found to be this tenant's: a folder holding its manifest, or an empty one."""
    if not os.path.lexists(folder):
        return []
    real = Path(os.path.realpath(folder))
    unlink = [Step(folder, str(folder))] if os.path.islink(folder) else []
    if unlink and not os.path.lexists(real):  # its target went first, in a purge that stopped
        return unlink
    link = f" (a link to {real})" if unlink else ""
    if not real.is_dir():
        raise _refused(tenant, folder, f"is not a folder{link}")
    if _holds_warehouse_files(tenant, real):
        raise _refused(tenant, folder, f"is or holds a folder of the warehouse{link}")
    if any(real.iterdir()) and _manifest_tenant(real) != tenant.id:
        raise _refused(tenant, folder, f"holds no manifest of this tenant{link}")
    # The manifest goes after every other file: a purge stopped in between still finds the folder the tenant's.
    manifest = real / MANIFEST
    steps = [s for s in _tree(real) if s.path != manifest] + ([Step(manifest, str(manifest))] if manifest.exists() else [])
    return steps + [Step(real, str(real), folder=True)] + unlink


def _old_deliveries(tenant: Tenant, root: Path) -> list[Step]:
    """OUT/private/<id>, where reports wrote before they noted their folders: each folder in it
    must be one of this tenant's delivery folders."""
    if not os.path.lexists(root):
        return []
    real = Path(os.path.realpath(root))
    unlink = [Step(root, str(root))] if os.path.islink(root) else []
    if unlink and not os.path.lexists(real):
        return unlink
    if not real.is_dir():
        raise _refused(tenant, root, "is not a folder")
    steps = [step for child in sorted(real.iterdir()) for step in _delivery(tenant, child)]
    return steps + [Step(real, str(real), folder=True)] + unlink


def _holds_warehouse_files(tenant: Tenant, real: Path) -> bool:
    """Whether deleting `real` would delete the warehouse, the tenants folder, a tenant's folder or
    its data, whatever manifest it holds."""
    warehouse = tenant.public.local_dir.resolve()
    if real == warehouse or real in warehouse.parents:
        return True
    tenants_root = warehouse / files.TENANTS
    if tenants_root not in (real, *real.parents):
        return False
    inside = real.relative_to(tenants_root).parts
    return len(inside) < 2 or inside[1] == "data"


def _refused(tenant: Tenant, folder: Path, why: str) -> BenchhouseError:
    return BenchhouseError(f"purging tenant '{tenant.id}': {folder} {why}, so it is not deleted as the tenant's "
                           "deliverables; nothing was deleted: move it aside (or remove it by hand) and purge again")


def _manifest_tenant(folder: Path) -> str | None:
    try:
        content = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return content.get("tenant") if isinstance(content, dict) else None


def _tree(root: Path, location: Location | None = None) -> list[Step]:
    """Everything under `root`, deepest first: files and links, then the folders they were in; a
    tenant's own named relative to the warehouse, anything else as it is."""
    shown = str if location is None else lambda path: files.shown(location, path)
    steps = []
    for here, folders, names in os.walk(root, topdown=False):
        for name in names:
            path = Path(here, name)
            steps.append(Step(path, shown(path), size=0 if path.is_symlink() else path.lstat().st_size))
        for name in folders:
            path = Path(here, name)
            steps.append(Step(path, shown(path), folder=not path.is_symlink()))
    return steps


def _file(path: Path, location: Location) -> Step:
    return Step(path, files.shown(location, path), size=path.lstat().st_size)
