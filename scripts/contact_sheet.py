"""A contact sheet of a rendered PDF or deck: every page as a thumbnail in a grid, for docs/images.

    python scripts/contact_sheet.py OUT.png PAGE.png [PAGE.png ...] [--columns 6] [--width 240]

Pages come from `pdftoppm -png -r 60` (a deck first through `soffice --headless --convert-to pdf`),
in the order given; each is scaled to the thumbnail width and numbered, so a reader can name a page.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw

from reports.rendering.theme import LINE as BACKGROUND, MUTED as NUMBER

GAP = 12  # px between thumbnails and around the sheet


def sheet(pages: list[Path], columns: int, width: int) -> Image.Image:
    thumbs = []
    for page in pages:
        image = Image.open(page).convert("RGB")
        thumbs.append(image.resize((width, round(image.height * width / image.width)), Image.LANCZOS))
    height = max(t.height for t in thumbs)
    rows = -(-len(thumbs) // columns)
    label = 16
    out = Image.new("RGB", (GAP + columns * (width + GAP), GAP + rows * (height + label + GAP)), BACKGROUND)
    draw = ImageDraw.Draw(out)
    for i, thumb in enumerate(thumbs):
        x = GAP + (i % columns) * (width + GAP)
        y = GAP + (i // columns) * (height + label + GAP)
        out.paste(thumb, (x, y))
        draw.text((x, y + thumb.height + 2), str(i + 1), fill=NUMBER)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", type=Path, nargs="+")
    parser.add_argument("--columns", type=int, default=6)
    parser.add_argument("--width", type=int, default=240)
    args = parser.parse_args()
    image = sheet(sorted(args.pages), args.columns, args.width)
    image.convert("P", palette=Image.ADAPTIVE, colors=128).save(args.out, optimize=True)  # a third of the bytes


if __name__ == "__main__":
    main()
