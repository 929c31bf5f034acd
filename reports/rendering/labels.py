"""Placing point labels so that none covers another label or any point.

Every label is tried at positions around its point, nearest first (right, left, above, below, the
diagonals), then further out with a leader line back to the point. A position is taken when its box
overlaps no label placed before it, no point (each point is a circle with a margin) and no other
obstacle, and lies inside the plot. Labels are placed by priority (focus models first), so that
what a subscriber cares about gets the best spot; a label with no free spot is left out and
reported, never drawn over something. Text is measured with the font that draws it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from PIL import ImageFont

from reports.rendering import theme

GAP = 6  # px between a point's edge and its label
RINGS = (0, 14, 28, 44, 62, 84)  # extra distance of each ring of candidates; beyond the first, a leader line


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom

    def hits_circle(self, cx: float, cy: float, r: float) -> bool:
        nearest_x = min(max(cx, self.left), self.right)
        nearest_y = min(max(cy, self.top), self.bottom)
        return (nearest_x - cx) ** 2 + (nearest_y - cy) ** 2 < r * r

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


@dataclass(frozen=True)
class Placed:
    index: int  # the label's position in the input
    box: Box
    leader: bool  # drawn away from its point, with a line back to it


@cache
def _font(family: str, size: float, weight: str = "regular") -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(theme.FONTS_FOLDER / theme.FONTS[family][weight]), size=size)


def text_width(text: str, family: str, size: float, weight: str = "regular") -> float:
    """Width in px of `text` set in the brand font (of `weight`, as theme.FONTS names them) at `size` px."""
    return _font(family, size, weight).getlength(text)


def place(labels: list[tuple[float, float, str]], points: list[tuple[float, float]], width: float,
          height: float, family: str, size: float, point_radius: float,
          obstacles: list[Box] = (), priority: list[int] | None = None) -> tuple[list[Placed], list[int]]:
    """Place each label (point x, point y, text), in screen px, in a plot of width × height.
    Returns the placed labels and the indices of those left out."""
    box_height = size * 1.25
    margin = point_radius + 1.5
    taken: list[Box] = list(obstacles)
    placed, left_out = [], []
    for index in sorted(range(len(labels)), key=lambda i: (priority or [0] * len(labels))[i]):
        px, py, text = labels[index]
        width_ = text_width(text, family, size) + 2
        spot = _first_free(px, py, width_, box_height, point_radius, taken, points, margin, width, height)
        if spot is None:
            left_out.append(index)
            continue
        box, leader = spot
        taken.append(box)
        placed.append(Placed(index, box, leader))
    return sorted(placed, key=lambda p: p.index), left_out


def _first_free(px, py, w, h, r, taken, points, margin, width, height):
    for ring in RINGS:
        d = r + GAP + ring
        diagonal = d / math.sqrt(2)
        candidates = [
            Box(px + d, py - h / 2, px + d + w, py + h / 2),                    # right
            Box(px - d - w, py - h / 2, px - d, py + h / 2),                    # left
            Box(px - w / 2, py - d - h, px + w / 2, py - d),                    # above
            Box(px - w / 2, py + d, px + w / 2, py + d + h),                    # below
            Box(px + diagonal, py - diagonal - h, px + diagonal + w, py - diagonal),      # above right
            Box(px + diagonal, py + diagonal, px + diagonal + w, py + diagonal + h),      # below right
            Box(px - diagonal - w, py - diagonal - h, px - diagonal, py - diagonal),      # above left
            Box(px - diagonal - w, py + diagonal, px - diagonal, py + diagonal + h),      # below left
        ]
        for box in candidates:
            if not box.inside(width, height) or any(box.overlaps(t) for t in taken):
                continue
            if any(box.hits_circle(qx, qy, margin) for qx, qy in points):
                continue
            return box, ring > 0
    return None
