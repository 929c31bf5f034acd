"""The one look of every deliverable: the only module that names a colour, a font or a size.

Charts (Altair), the PDF's CSS and the deck's native charts all take their colours from here, so
that the same figure looks the same on paper and on a slide. The subscriber's brand (two colours,
a font, a logo) arrives as a `Brand`; everything else is the house's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from templates import FOLDER as TEMPLATES

FONTS_FOLDER = TEMPLATES / "fonts"

# The house's neutrals: ink for text, muted for secondary text, lines and fills from dark to light.
INK = "#1F2933"
MUTED = "#616E7C"
FAINT = "#7B8794"
LINE = "#CBD2D9"
GRID = "#E4E7EB"
PAPER = "#F5F7FA"
WHITE = "#FFFFFF"

# A deck takes no SVG: an SVG logo is drawn to PNG this many times its size (reports/rendering/deck.py),
# which is the size logos are checked at before a run (reports/delivery/logos.py).
LOGO_SCALE = 4

# Series after the brand's own two colours: distinct in hue, not only in shade.
SERIES = ("#B8860B", "#2F7D6D", "#8E5572", "#5B7DB1", "#C05621", "#6B8E23", "#7B61C9", "#3E4C59", "#D14D72",
          "#1B998B")

# The brand fonts a subscriber may choose (files under templates/fonts, with their licences), by
# style; and the fallback for glyphs a brand font lacks.
FONTS: dict[str, dict[str, str]] = {
    "Inter": {"regular": "inter/Inter-Regular.otf", "italic": "inter/Inter-Italic.otf",
              "semibold": "inter/Inter-SemiBold.otf", "bold": "inter/Inter-Bold.otf"},
    "Lato": {"regular": "lato/Lato-Regular.ttf", "italic": "lato/Lato-Italic.ttf",
             "semibold": "lato/Lato-Semibold.ttf", "bold": "lato/Lato-Bold.ttf"},
    "Roboto": {"regular": "roboto/Roboto-Regular.ttf", "italic": "roboto/Roboto-Italic.ttf",
               "semibold": "roboto/Roboto-Medium.ttf", "bold": "roboto/Roboto-Bold.ttf"},
}
DEFAULT_FONT = "Inter"
FALLBACK_FONT = "DejaVu Sans"

# Sizes. Charts in pixels (vl-convert draws at 1 px = 1/96 in, scaled to the page's width);
# text in points.
CHART_WIDTH, CHART_HEIGHT = 600, 330
CHART_TEXT = {"label": 11, "title": 12, "heading": 14, "subtitle": 11, "annotation": 10}
DECK_TEXT = {"cover_title": 40, "cover_subtitle": 20, "cover_body": 14, "title": 26, "title_smallest": 18, "body": 16,
             "axis": 10, "axis_title": 11, "legend": 10, "table": 10, "note": 9, "point_label": 9}

# Cost to run is split by token type; each type keeps its colour on every chart and slide.
TOKEN_PARTS = (("input_usd", "Input"), ("cached_input_usd", "Cached input"),
               ("cache_write_usd", "Cache write"), ("reasoning_usd", "Reasoning"),
               ("answer_usd", "Answer"))


@dataclass(frozen=True)
class Brand:
    """A subscriber's look: primary and accent colours (#RRGGBB), a font of FONTS, a logo file."""

    primary: str
    accent: str
    font: str = DEFAULT_FONT
    logo: Path | None = None

    @property
    def accent_soft(self) -> str:
        """The accent mixed with white: a background that highlights a row without shouting."""
        return tint(self.accent, 0.16)

    def palette(self, n: int) -> list[str]:
        """n series colours: the brand's two, then those of the house's series colours that differ
        clearly from every colour already chosen (not only in shade), so that no two lines of a
        chart can be taken for each other."""
        chosen = [self.primary, self.accent]
        for colour in SERIES:
            if all(distance(colour, other) > DISTINCT for other in chosen):
                chosen.append(colour)
        return [chosen[i % len(chosen)] for i in range(n)]

    def token_colours(self) -> dict[str, str]:
        """Label of each token type -> its colour: reasoning in the brand colour (the part that
        grows with effort), answers in the accent, the input side in greys."""
        greys = {"Input": FAINT, "Cached input": LINE, "Cache write": MUTED}
        return {label: greys.get(label) or (self.primary if label == "Reasoning" else self.accent)
                for _, label in TOKEN_PARTS}

    def heat(self, levels: int = 4) -> list[str]:
        """Cell colours of a heatmap's levels, lowest first; the top level in the brand colour."""
        return [PAPER, LINE, FAINT, self.primary][-levels:]

    def others(self) -> str:
        """Points that are neither focus nor frontier."""
        return LINE


DISTINCT = 100  # the smallest colour distance (redmean RGB) between two series of one chart


def distance(a: str, b: str) -> float:
    """How different two colours look: the 'redmean' weighted RGB distance (0 to about 765)."""
    (r1, g1, b1), (r2, g2, b2) = ([int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)] for c in (a, b))
    mean = (r1 + r2) / 2
    return ((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - mean) / 256) * (b1 - b2) ** 2) ** 0.5


@dataclass(frozen=True)
class TickFormat:
    """How an axis labels its ticks: a d3 format for the PDF's charts, a number format for the
    deck's native charts. Neither ever writes a number in scientific notation."""

    vega: str
    excel: str


def ticks(unit: str, log: bool = False, largest: float | None = None) -> TickFormat:
    """The tick format of an axis of `unit` (usd, tokens, score, relative, count, speed, seconds), on a log axis
    or a linear one whose values reach `largest`. Every axis of every chart, PDF and deck, takes its format from here."""
    if unit == "usd":  # a linear axis reaching $5 or more ticks in whole dollars ($1,500, not $1,500.00)
        linear = '"$"#,##0' if largest is not None and largest >= 5 else '"$"#,##0.00'
        return TickFormat("$,.3~r", '[>=1]"$"#,##0;"$"0.######' if log else linear)
    if unit == "tokens":  # 45M as the PDF's axis writes it, not 45,000,000
        return TickFormat(",.3~s", '[>=1000000]#,##0,,"M";#,##0')
    if unit == "relative":
        return TickFormat(",.3~r", "[>=1]#,##0;0.######" if log else "0.00")
    if unit in ("score", "count"):
        return TickFormat(",d", "#,##0")
    if unit in ("speed", "seconds"):  # tokens a second, seconds: a log axis reaches below 1
        return TickFormat(",.3~r", "[>=1]#,##0;0.######" if log else "#,##0.0")
    raise ValueError(f"no tick format for unit '{unit}'")


def value_labels(unit: str) -> str:
    """The number format of the values a deck writes at the ends of its bars: as the tables write
    them (formatting.money: $1,548, $2.10, $0.938; formatting.tokens: 17.8M, 589.7k), so that a
    slide and a page give a figure the same way."""
    if unit == "usd":
        return '[>=100]"$"#,##0;[>=1]"$"#,##0.00;"$"0.000'
    if unit == "tokens":
        return '[>=1000000]#,##0.0,,"M";[>=1000]#,##0.0,"k";0'
    return ticks(unit).excel


def tint(colour: str, share: float) -> str:
    """`colour` mixed with white, `share` of it."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - share * (255 - c)):02X}" for c in channels)


def ink_on(fill: str) -> str:
    """Text colour readable on a fill: white on dark colours, ink elsewhere."""
    red, green, blue = (int(fill.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return WHITE if 0.299 * red + 0.587 * green + 0.114 * blue < 140 else INK


def font_stack(brand: Brand) -> str:
    return f'"{brand.font}", "{FALLBACK_FONT}", sans-serif'


def css(brand: Brand) -> str:
    """The stylesheet header every PDF gets: the brand fonts' faces, then every colour and the
    font as custom properties, which templates/report.css uses and never names itself."""
    weights = {"regular": "", "italic": " font-style: italic;", "semibold": " font-weight: 600;",
               "bold": " font-weight: bold;"}
    faces = [f'@font-face {{ font-family: "{family}";{weights[style]} src: url(fonts/{path}); }}'
             for family, styles in FONTS.items() for style, path in styles.items()]
    variables = {"primary": brand.primary, "accent": brand.accent, "accent-soft": brand.accent_soft,
                 "ink": INK, "muted": MUTED, "faint": FAINT, "line": LINE, "grid": GRID, "paper": PAPER,
                 "on-primary": WHITE, "plate": WHITE, "font": font_stack(brand)}
    body = "; ".join(f"--{name}: {value}" for name, value in variables.items())
    return "\n".join(faces) + f"\n:root {{ {body}; }}\n"
