"""Logos, checked when a subscriber's or client's file is read: a PNG, JPEG or SVG file inside that
file's folder (no path or link leading out of it), of at most MAX_BYTES and MAX_PIXELS, an SVG with
no reference to anything outside itself. A logo that passes is safe to hand to WeasyPrint and to
python-pptx; anything else is refused before a run starts, naming the file, the key and the fix."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

MAX_BYTES = 1024 * 1024
MAX_SIDE = 4096
MAX_PIXELS = 4096 * 4096
SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}
# In an SVG, only a reference to its own elements ('#id') or inline data may appear.
REFERENCE = re.compile(rb"""(?:href|src)\s*=\s*["']\s*(?!#|data:)""", re.IGNORECASE)
CSS_URL = re.compile(rb"url\(\s*['\"]?\s*(?!#|data:)|@import", re.IGNORECASE)
SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)
SVG_SIZE = re.compile(rb"""\b(width|height)\s*=\s*["']\s*([0-9.eE+]+)""", re.IGNORECASE)
VIEWBOX = re.compile(rb"""viewBox\s*=\s*["']\s*[-0-9.eE+]+[\s,]+[-0-9.eE+]+[\s,]+([0-9.eE+]+)[\s,]+([0-9.eE+]+)""")


def check(logo: str, folder: Path) -> Path:
    """The logo's path, once it is known to be safe; ValueError saying what is wrong and the fix."""
    root = folder.resolve()
    path = (folder / logo).resolve()
    if Path(logo).is_absolute() or not path.is_relative_to(root):
        raise ValueError(f"'{logo}' is outside the folder of the file; put the logo under {folder.name}/ "
                         "(e.g. logos/name.svg) and give its path relative to it")
    if not path.is_file():
        raise ValueError(f"no file {logo} under {folder.name}/; put the logo there and give its path relative to it")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"'{logo}' is not a PNG, JPEG or SVG file; give a .png, .jpg or .svg logo")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"'{logo}' is {size / 1e6:.1f} MB, more than the {MAX_BYTES // 1024} KB a logo may be; "
                         "export it smaller")
    data = path.read_bytes()
    width, height = _svg_size(data, logo) if kind == "SVG" else _bitmap_size(path, kind, logo)
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        raise ValueError(f"'{logo}' is {width:.0f}×{height:.0f} pixels: more than {MAX_SIDE}×{MAX_SIDE}; "
                         "export it smaller")
    return path


def _bitmap_size(path: Path, kind: str, logo: str) -> tuple[float, float]:
    try:
        with Image.open(path) as image:  # reads the header only: a pixel bomb is never decoded
            if image.format != kind:
                raise ValueError(f"'{logo}' holds a {image.format} image, not the {kind} its name says; "
                                 "rename or re-export it")
            return image.size
    except Image.DecompressionBombError:
        raise ValueError(f"'{logo}' has more pixels than {MAX_SIDE}×{MAX_SIDE}; export it smaller") from None
    except (OSError, SyntaxError):
        raise ValueError(f"'{logo}' is not a readable {kind} image; re-export it") from None


def _svg_size(data: bytes, logo: str) -> tuple[float, float]:
    head = data[:4096].lstrip()
    if b"<svg" not in data[:4096] or not head.startswith((b"<?xml", b"<svg", b"<!--")):
        raise ValueError(f"'{logo}' is not an SVG document; re-export it as SVG")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError(f"'{logo}' declares a DOCTYPE or entities; re-export it as plain SVG")
    if REFERENCE.search(data) or CSS_URL.search(data) or b"<script" in data.lower():
        raise ValueError(f"'{logo}' refers to a file or address outside itself (an href, src, url() or "
                         "@import); embed the image or drop the reference")
    tag = SVG_TAG.search(data)
    tag = tag.group(0) if tag else b""
    try:
        sizes = {m.group(1).lower(): float(m.group(2)) for m in SVG_SIZE.finditer(tag)}
    except ValueError:
        raise ValueError(f"'{logo}' has a width or height that is not a number; re-export it") from None
    box = VIEWBOX.search(tag)
    width = sizes.get(b"width", float(box.group(1)) if box else 0.0)
    height = sizes.get(b"height", float(box.group(2)) if box else 0.0)
    return width, height
