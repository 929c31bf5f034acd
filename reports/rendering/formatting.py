"""How numbers read in reports: one set of formats, shared by the PDF templates and the decks."""

from __future__ import annotations

from datetime import date


def money(usd: float | None) -> str:
    if usd is None:
        return "n/a"
    if abs(usd) >= 100:
        return f"${usd:,.0f}"
    if abs(usd) >= 1:
        return f"${usd:,.2f}"
    return f"${usd:.3f}" if abs(usd) >= 0.01 else f"${usd:.4f}"


def number(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def tokens(value: float | None) -> str:
    if value is None:
        return "n/a"
    for size, unit in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.1f}{unit}"
    return f"{value:.0f}"


def factor(value: float | None) -> str:
    return "n/a" if value is None else (f"{value:,.0f}×" if value >= 10 else f"{value:.1f}×")


def rank(value: int | None, tied: bool | None = False) -> str:
    """A rank as reports print it: '=3' when other variants share it (their intervals overlap)."""
    return "" if value is None else f"={value}" if tied else str(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 model', '3 models'."""
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def day(value: date | None) -> str:
    return "n/a" if value is None else f"{value:%d %b %Y}"


FILTERS = {"money": money, "number": number, "tokens": tokens, "factor": factor, "day": day, "plural": plural, "rank": rank}
