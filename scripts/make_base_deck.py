"""Write templates/base_deck.pptx: python-pptx's default template made 16:9, its layouts' placeholders
widened to the new slide width. Run once when the base deck changes; the result is committed.

    .venv/bin/python scripts/make_base_deck.py
"""

from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

OUT = Path(__file__).resolve().parents[1] / "templates" / "base_deck.pptx"


def main() -> None:
    deck = Presentation()
    old_width = deck.slide_width
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    scale_x = deck.slide_width / old_width
    for shapes in [deck.slide_master.placeholders] + [layout.placeholders for layout in deck.slide_layouts]:
        for shape in shapes:
            shape.left, shape.width = int(shape.left * scale_x), int(shape.width * scale_x)
    deck.save(OUT)
    print(f"wrote {OUT}: {len(deck.slide_layouts)} layouts: {', '.join(l.name for l in deck.slide_layouts)}")


if __name__ == "__main__":
    main()
