"""The size an SVG logo is drawn at, in pixels at scale 1, as the deck's renderer (resvg, through
vl_convert) sizes it: width and height in any CSS unit, a percentage of the viewBox, or missing
(100% of the viewBox, or of 100 pixels without one). A length that is not plainly one is refused
rather than guessed: the renderer would fall back to 100%, whatever the viewBox says."""

from __future__ import annotations

import math
import re

from lxml import etree

NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
LENGTH = re.compile(rf"({NUMBER})(px|in|cm|mm|pt|pc|Q|em|ex|%)?")
PIXELS = {"px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "pt": 96 / 72, "pc": 16.0, "Q": 96 / 101.6}
DEFAULT_FONT_SIZE = 16.0  # CSS's; resvg's is 12: the larger is the safe one to count with
FONT_SIZE = re.compile(r"(?<![\w-])font-size\s*:\s*([^;}!]*)", re.IGNORECASE)
VIEWBOX = re.compile(rf"\s*({NUMBER})(?:\s*,\s*|\s+)({NUMBER})(?:\s*,\s*|\s+)({NUMBER})(?:\s*,\s*|\s+)({NUMBER})\s*")


def of(root: etree._Element, sheets: list[str], logo: str) -> tuple[float, float]:
    """The root <svg>'s width and height in pixels; ValueError for a size that is not a length, not
    finite, not more than 0, or a viewBox that is not four numbers with a width and height over 0."""
    box = _viewbox(root.get("viewBox"), logo)
    width = _side(root, "width", box[0] if box else 100.0, sheets, logo)
    height = _side(root, "height", box[1] if box else 100.0, sheets, logo)
    return width, height


def _viewbox(value: str | None, logo: str) -> tuple[float, float] | None:
    if value is None:
        return None
    match = VIEWBOX.fullmatch(value)
    numbers = [float(n) for n in match.groups()] if match else []
    if not numbers or not all(math.isfinite(n) for n in numbers) or numbers[2] <= 0 or numbers[3] <= 0:
        raise ValueError(f"'{logo}' has viewBox=\"{value}\": not four numbers (x y width height, the width and "
                         "height more than 0); fix it, e.g. viewBox=\"0 0 360 96\"")
    return numbers[2], numbers[3]


def _side(root: etree._Element, key: str, base: float, sheets: list[str], logo: str) -> float:
    value = root.get(key)
    if value is None:
        return base
    match = LENGTH.fullmatch(value)
    number = float(match.group(1)) if match else math.nan
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"'{logo}' has {key}=\"{value}\": not a length of more than 0 (a number, then px, in, cm, "
                         f"mm, pt, pc, Q, em, ex, % or nothing for pixels); write e.g. {key}=\"360\" or {key}=\"2in\"")
    unit = match.group(2) or "px"
    if unit == "%":
        return number / 100 * base
    if unit == "Q":  # resvg knows no Q and draws 100% instead: count the larger
        return max(number * PIXELS["Q"], base)
    if unit in ("em", "ex"):
        return number * _font_size(root, sheets, logo) / (2 if unit == "ex" else 1)
    return number * PIXELS[unit]


def _font_size(root: etree._Element, sheets: list[str], logo: str) -> float:
    """The largest font size the root <svg> may get (its attribute, its style, any style sheet): an em."""
    given = [root.get("font-size")] if root.get("font-size") is not None else []
    for css in [root.get("style") or "", *sheets]:
        given += [m.group(1).strip() for m in FONT_SIZE.finditer(css)]
    sizes = [DEFAULT_FONT_SIZE]
    for value in given:
        match = LENGTH.fullmatch(value)
        if not match or (match.group(2) or "px") not in PIXELS or not math.isfinite(float(match.group(1))):
            raise ValueError(f"'{logo}' gives its size in em or ex and a font-size of '{value}', which is not a "
                             "length in px, in, cm, mm, pt or pc; give the width and height in pixels")
        sizes.append(float(match.group(1)) * PIXELS[match.group(2) or "px"])
    return max(sizes)
