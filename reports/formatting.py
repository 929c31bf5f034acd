"""How numbers read in reports: one set of formats, shared by the PDF templates and the decks."""

from __future__ import annotations

from datetime import date


def money(usd: float | None) -> str:
    if usd is None:
        return "n/a"
    return f"${usd:,.{_cents(usd)}f}"


def _cents(usd: float) -> int:
    """The decimals money() prints: none from $100, cents from $1, then three, then four."""
    size = abs(usd)
    return 0 if size >= 100 else 2 if size >= 1 else 3 if size >= 0.01 else 4


def money_change(before: float, now: float) -> tuple[str, str]:
    """Two prices of one comparison, each printed as money() does unless that prints them alike when
    they differ: then both with as many more decimals as tell them apart, so that a
    sentence never says "from $0.035 to $0.035, fell 1%"."""
    a, b = money(before), money(now)
    if a != b or before == now:
        return a, b
    decimals = _cents(max(before, now, key=abs))
    while a == b and decimals < 9:
        decimals += 1
        a, b = (f"${v:,.{decimals}f}" for v in (before, now))
    return a, b


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


def speed(value: float | None) -> str:
    """Output tokens a second: '42 tok/s', '0.9 tok/s'."""
    if value is None:
        return "n/a"
    return f"{value:,.0f} tok/s" if value >= 10 else f"{value:.1f} tok/s"


def workload(row: dict) -> str:
    """The workload behind a speed, as speed_as_of gives it: '550-token prompts, 150 output tokens, 5
    requests at a time'; what the source leaves unsaid is said to be so, and a figure that mixes
    sources or workloads says that instead."""
    if (row.get("workloads") or 1) > 1:
        return "mixed workloads"
    prompt, output, concurrency = row.get("prompt_tokens"), row.get("output_tokens"), row.get("concurrency")
    if prompt is None and output is None and concurrency is None:
        return "workload not stated"
    return ", ".join([
        f"{prompt:,.0f}-token prompts" if prompt is not None else "prompt length not stated",
        f"{output:,.0f} output tokens" if output is not None else "output length not stated",
        "requests at a time not stated" if concurrency is None
        else f"{plural(concurrency, 'request')} at a time"])


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.1f} s" if value >= 10 else f"{value:.2f} s"


def age(days: int | None) -> str:
    """How long ago a measurement was made: '10 days ago', '14 months ago', '2.4 years ago'."""
    if days is None:
        return "n/a"
    if days < 1:
        return "today"
    if days < 60:
        return f"{plural(days, 'day')} ago"
    if days < 730:
        return f"{days * 12 // 365} months ago"
    return f"{days / 365.25:.1f} years ago"


def served_notes(variants: list[dict]) -> list[str]:
    """'GPT-5.4 nano is served in Europe by Microsoft Azure': once for each cheaper model beside these variants
    that the subscriber asked to be served somewhere (reports/common/focus.py: where_served)."""
    return list(dict.fromkeys(f"{v['alternative_name']} is served {v['alternative_where']}" for v in variants
                              if v.get("alternative_where")))


def solved_task_basis(entries: list[dict]) -> str | None:
    """What the cost per solved task of the focus models is over (model_standing: the index version's
    agentic evaluations, the same for every variant), in words; None where the version has none."""
    for v in (v for entry in entries for v in entry["variants"]):
        if v["solved_task_evaluations"]:
            if v["agentic_evaluations"] == 1:
                return f"Per solved task: on {v['solved_task_evaluations']}, the index's agentic evaluation."
            return (f"Per solved task: the mean of each one's cost per solved task over the index's "
                    f"{v['agentic_evaluations']} agentic evaluations ({v['solved_task_evaluations']}).")
    return None


def workloads_said(rows: list[dict], name: str = "provider") -> str:
    """The workloads behind a set of speeds, each once, by source: 'thefastest-ai: prompt length not
    stated, 20 output tokens, 1 request at a time; llm-stats-leaderboard: workload not stated'; where
    one source measured the rows on several workloads, each names its rows ('thefastest-ai for groq,
    together: ...')."""
    groups: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        if row.get("output_tokens_per_s") is None and row.get("ttft_s") is None:
            continue
        groups.setdefault((row["sources"], workload(row)), []).append(row[name])
    per_source: dict[str, int] = {}
    for source, _ in groups:
        per_source[source] = per_source.get(source, 0) + 1
    return "; ".join((source if per_source[source] == 1 else f"{source} for {', '.join(dict.fromkeys(names))}")
                     + f": {said}" for (source, said), names in groups.items())


FILTERS = {"money": money, "number": number, "tokens": tokens, "factor": factor, "day": day, "plural": plural, "rank": rank,
           "speed": speed, "workload": workload, "seconds": seconds, "age": age, "solved_task_basis": solved_task_basis,
           "served_notes": served_notes}

