"""Logos, checked when a subscriber's or client's file is read: a PNG, JPEG or SVG file inside that
file's folder (no path or link leading out of it), of at most MAX_BYTES, drawn at most MAX_SIDE pixels
a side and MAX_PIXELS in all, an SVG safe to render (reports/delivery/svg.py). A logo that passes is
safe to hand to WeasyPrint and to python-pptx; anything else is refused before a run starts, naming
the file, the key and the fix."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from reports.delivery import svg
from reports.rendering.theme import LOGO_SCALE
from warehouse import textfiles

MAX_BYTES = 1024 * 1024
MAX_SIDE = 4096
MAX_PIXELS = 4096 * 4096
# The deck draws an SVG logo to PNG at this scale (reports/rendering/deck.py, logo_png): the pixels
# it allocates are the SVG's size times this, on each side.
SVG_SCALE = LOGO_SCALE
SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".svg": "SVG"}


def check(logo: str, folder: Path) -> bytes:
    """The logo's bytes, once they are known to be safe: the bytes to hash and draw, whatever becomes of
    the file afterwards; ValueError saying what is wrong and the fix."""
    try:
        root, path = folder.resolve(), (folder / logo).resolve()
    except (OSError, RuntimeError, ValueError):  # a link that loops, a NUL in the name
        raise ValueError(f"'{logo}' is not a path to a file; give the logo's path relative to {folder.name}/") from None
    if Path(logo).is_absolute() or not path.is_relative_to(root):
        raise ValueError(f"'{logo}' is outside the folder of the file; put the logo under {folder.name}/ "
                         "(e.g. logos/name.svg) and give its path relative to it")
    try:
        data, unread = textfiles.read_bounded(path, MAX_BYTES), None
    except textfiles.Unreadable as exc:
        data, unread = b"", exc
    if unread is not None and unread.reason in ("missing", "folder", "not regular"):
        raise ValueError(f"no file {logo} under {folder.name}/; put the logo there and give its path relative to it")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"'{logo}' is not a PNG, JPEG or SVG file; give a .png, .jpg or .svg logo")
    if unread is not None and unread.reason == "too large":
        raise ValueError(f"'{logo}' is {unread.size / 1e6:.1f} MB, more than the {MAX_BYTES // 1024} KB a logo may be; "
                         "export it smaller")
    if unread is not None:
        raise ValueError(f"'{logo}' cannot be read ({unread.strerror}); check its permissions")
    if kind != "SVG":
        _fits(*_bitmap_size(data, kind, f"'{logo}'"), f"'{logo}'", 1)
        return data
    drawing = svg.read(data, logo)
    _fits(drawing.width, drawing.height, f"'{logo}'", SVG_SCALE)
    pixels = 0
    for image_kind, image in drawing.images:
        width, height = _bitmap_size(image, image_kind, f"an image embedded in '{logo}'")
        pixels += width * height
        _fits(width, height, f"an image embedded in '{logo}'", 1)
    if pixels > MAX_PIXELS:
        raise ValueError(f"the images embedded in '{logo}' have {pixels} pixels in all, more than {MAX_SIDE}×{MAX_SIDE}; "
                         "embed them smaller")
    return data


def _fits(width: float, height: float, what: str, scale: int) -> None:
    """Refuse a size that, drawn at `scale`, is more than MAX_SIDE a side or MAX_PIXELS in all, or
    less than a pixel (the renderer refuses an empty canvas)."""
    drawn = f" once the deck draws it {scale} times larger" if scale != 1 else ""
    if max(width, height) * scale > MAX_SIDE or width * height * scale * scale > MAX_PIXELS:
        raise ValueError(f"{what} is {width:.0f}×{height:.0f} pixels: more than {MAX_SIDE}×{MAX_SIDE}{drawn}; "
                         f"export it smaller (at most {MAX_SIDE // scale} pixels a side)")
    if min(width, height) * scale < 1:
        raise ValueError(f"{what} is {width:g}×{height:g} pixels: less than a pixel{drawn}; give it a size")


def _bitmap_size(data: bytes, kind: str, what: str) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only: a pixel bomb is never decoded
            if image.format != kind:
                raise ValueError(f"{what} holds a {image.format} image, not the {kind} its name says; "
                                 "rename or re-export it")
            return image.size
    except Image.DecompressionBombError:
        raise ValueError(f"{what} has more pixels than {MAX_SIDE}×{MAX_SIDE}; export it smaller") from None
    except (OSError, SyntaxError):
        raise ValueError(f"{what} is not a readable {kind} image; re-export it") from None
