"""The model deployment report's findings, in sentences: every number comes from the tailored rows
(reports/model_deployment/report.py), and which sentences appear depends on what the data holds for the
subscriber's models."""

from __future__ import annotations

from reports.formatting import age, day, money, plural, seconds, speed, workload, workloads_said


def findings(window, models, missing, ttft, history, history_yours, deployments, workload) -> list[str]:
    found = [missing_said(missing, window)] if missing else []
    found += [s for m in models if not m["reference"] for s in _providers(m, window)]  # a reference is on its page
    found += _ages(models, window)
    found += _ttft(ttft)
    found += _history(history, history_yours)
    if workload is None and deployments:
        found.append("Your subscriber file gives no workload: add one (requests a month, input and output tokens per "
                     "request) and this report prices it at each provider and on a dedicated system.")
    for i, d in enumerate(deployments):
        found += _deployment(d, workload, window, first=i == 0)
    closed = [d["name"] for d in deployments if not d["dedicated"] and d["no_dedicated"].startswith("its weights")]
    if closed:
        found.append(f"No dedicated system can serve {_and(closed)}: {'its weights are' if len(closed) == 1 else 'their weights are'} "
                     f"not open, so {'it is' if len(closed) == 1 else 'they are'} sold only as a service.")
    return found


def _and(names: list[str], word: str = "or") -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {word} {names[-1]}"


def _k(count: float) -> str:
    """A prompt length, rounded as people say it: 50k, 900k, 1.2M."""
    return f"{count / 1e6:.1f}M" if count >= 1e6 else f"{count / 1e3:,.0f}k" if count >= 1e3 else f"{count:,.0f}"


def _who(m: dict) -> str:
    return f"Your focus model {m['name']}" if m["focus"] else f"{m['name']} (for reference)" \
        if m["reference"] else m["name"]


def missing_said(missing: list[dict], window) -> str:
    """One sentence for every focus model without a speed measurement (the findings' and the providers' page's)."""
    names = [m["name"] for m in missing]
    one = len(names) == 1
    listed = _and(names, "and")
    return (f"Your focus model{'' if one else 's'} {listed} {'has' if one else 'have'} no speed measurement at any "
            f"provider by {day(window.as_of)}: no provider of {'it' if one else 'them'} can be compared on speed, and "
            f"no other model's speeds stand in for {'its own' if one else 'theirs'}.")


def _providers(m: dict, window) -> list[str]:
    who, priced = _who(m), m["priced"]
    unpriced = len(m["providers"]) - len(priced)
    more = f"; {plural(unpriced, 'more provider')} measured without a price that day" if unpriced else ""
    if not priced:
        return [f"{who}: {plural(len(m['providers']), 'provider')} measured, none with a price on "
                f"{day(window.as_of)}: nothing to compare on price."]
    if len(priced) == 1:
        p = priced[0]
        return [f"{who} is priced and measured at one provider only, {p['provider']}: {speed(p['output_tokens_per_s'])}, "
                f"first token in {seconds(p['ttft_s'])}, {money(p['blended_usd_per_mtok'])} per million tokens "
                f"(blended){more}.{_measured_on([p])}"]
    c, f, q = m["cheapest"], m["fastest"], m["quickest"]
    frontier = ", ".join(p["provider"] for p in m["frontier"])
    if c is f:
        text = (f"{who}: {c['provider']} is both the cheapest ({money(c['blended_usd_per_mtok'])} per million tokens, "
                f"blended) and the fastest ({speed(c['output_tokens_per_s'])}) of its {len(priced)} priced providers: "
                f"no other is worth its price on speed{more}.")
    else:
        text = (f"{who}: the cheapest of {len(priced)} priced providers is {c['provider']} "
                f"({money(c['blended_usd_per_mtok'])} per million tokens, blended; {speed(c['output_tokens_per_s'])}), "
                f"the fastest {f['provider']} ({speed(f['output_tokens_per_s'])} for {money(f['blended_usd_per_mtok'])}); "
                f"on the price-speed frontier: {frontier}{more}.")
    if q and q is not c and q is not f:
        text += f" The first token comes soonest at {q['provider']} ({seconds(q['ttft_s'])})."
    return [text + _measured_on([c, f] + ([q] if q else []))]


def _measured_on(rows: list[dict]) -> str:
    """The sentence saying what workload the speeds just quoted were measured on, each once."""
    said = workloads_said(list({id(r): r for r in rows}.values()))
    return f" Measured by {said}." if said else ""


def _ages(models: list[dict], window) -> list[str]:
    shown = [p for m in models for p in m["providers"]]
    if not shown:
        return []
    newest, oldest = min(shown, key=lambda p: p["age_days"]), max(shown, key=lambda p: p["age_days"])
    stale = [p for p in shown if p["stale"]]
    span = (f"the newest was measured {day(newest['measured_at'])} ({age(newest['age_days'])}), the oldest "
            f"{day(oldest['measured_at'])} ({age(oldest['age_days'])})")
    if len(stale) == len(shown):
        return [f"Every provider speed in this report is more than a year old on {day(window.as_of)}: {span}. "
                "Read the comparisons as history, not as today's service; each is labelled stale."]
    if stale:
        return [f"{len(stale)} of the {len(shown)} provider speeds shown are more than a year old and are labelled "
                f"stale; {span}."]
    return [f"Every provider speed shown was measured within the year; {span}."]


def _ttft(ttft: dict) -> list[str]:
    series = ttft["series"]
    if not series:
        return ["The house has no measurement of time to first token at more than one prompt length."]
    if ttft["yours"]:
        return [f"{s['name']} at {s['provider']}: the first token takes {seconds(s['shortest']['ttft_s'])} with about "
                f"{_k(s['shortest']['prompt_tokens'])} tokens of prompt and {seconds(s['longest']['ttft_s'])} with "
                f"about {_k(s['longest']['prompt_tokens'])}, {s['longest']['growth']:.1f}× as long "
                f"(measured {age(s['longest']['age_days'])})." for s in series]
    low = min(series, key=lambda s: s["longest"]["ttft_s"])
    high = max(series, key=lambda s: s["longest"]["ttft_s"])
    growth = sorted(s["longest"]["growth"] for s in series)
    dates = sorted(s["longest"]["last_measured"] for s in series)
    return [f"The house has no measurement of how your models' first token slows as prompts grow. On their vendors' "
            f"APIs, measured {day(dates[0])} to {day(dates[-1])}, the first token of the longest prompts took "
            f"{seconds(low['longest']['ttft_s'])} ({low['name']}, about {_k(low['longest']['prompt_tokens'])} tokens) "
            f"to {seconds(high['longest']['ttft_s'])} ({high['name']}, about {_k(high['longest']['prompt_tokens'])}), "
            f"{growth[0]:.0f} to {growth[-1]:.0f} times the wait at the shortest prompts measured."]


def _history(history: list[dict], yours: bool) -> list[str]:
    found = []
    for h in history:
        if not h["moved"]:
            continue
        t = h["moved"][0]
        moved = (f"{t['provider']} went from {speed(t['first_output_tokens_per_s'])} to {speed(t['output_tokens_per_s'])} "
                 f"between {day(t['first_measured_at'])} and {day(t['measured_at'])} ({100 * (t['change'] - 1):+.0f}%), "
                 f"both measured by {t['sources']} ({workload(t)})")
        if yours:
            found.append(f"{h['name']}: the largest move of a provider's speed: {moved}.")
        else:
            found.append(f"No provider of the models shown was measured more than once, so the house cannot say whether "
                         f"their speeds moved. For {h['name']}, measured at {plural(len(h['moved']), 'provider')} on "
                         f"several days between {day(h['first'])} and {day(h['last'])}, the largest move: {moved}.")
    return found


def _deployment(d: dict, workload, window, first: bool) -> list[str]:
    found = []
    if workload is not None:
        w = workload.tokens_per_request
        volume = (f"Your workload ({workload.requests_per_month:,.0f} requests a month, {w.input:,.0f} input and "
                  f"{w.output:,.0f} output tokens each)" if first else "Your workload")
        c, own, fast = d["cheapest"], d["creator"], d["fastest"]
        if c is None:
            found.append(f"{volume}: no provider sells {d['name']}'s input and output tokens on {day(window.as_of)}, so "
                         "it cannot be priced.")
        else:
            text = (f"{volume} on {d['name']} costs {money(c['your_usd_per_month'])} a month at the cheapest of "
                    f"{plural(d['providers'], 'provider')}, {c['provider']} ({_speed(c)})")
            if own and own is not c:
                text += f"; {money(own['your_usd_per_month'])} at its creator's own API, {own['provider']} ({_speed(own)})"
            if fast and fast is not c and fast is not own:
                text += f"; {money(fast['your_usd_per_month'])} at the fastest measured, {fast['provider']} ({_speed(fast)})"
            found.append(text + "." + _measured_on([o for o in (c, own, fast) if o]))
    if not d["dedicated"]:
        if d["no_dedicated"].startswith("the warehouse"):
            found.append(f"No dedicated system for {d['name']}: {d['no_dedicated']}.")
        return found
    s = min(d["dedicated"], key=lambda s: (s["usd_per_mtok_output"], s["system"]))
    basis = "rented" if s["cost_basis"] == "rent" else "owned"
    setup = (f"a dedicated {s['name']} ({basis}, {s['scenario']} scenario, throughput measured {age(s['throughput_age_days'])}"
             f"{', stale' if s['stale'] else ''})")
    if s["cheapest_provider"] is None:
        found.append(f"For {d['name']}, {setup} costs {money(s['usd_per_month'])} a month; no provider sells its output "
                     "tokens to compare with.")
        return found
    against = f"{s['cheapest_provider']}'s {money(s['cheapest_output_usd_per_mtok'])} per million output tokens"
    if s["break_even_utilisation"] > 1:
        pays = (f"it never pays for itself against {against}: even flat out, a million output tokens costs "
                f"{money(s['usd_per_mtok_output'])} on it")
    else:
        pays = (f"it pays for itself against {against} above {s['break_even_mtok_per_month']:,.0f} million output tokens "
                f"a month ({100 * s['break_even_utilisation']:.0f}% of its capacity)")
    if workload is None:
        found.append(f"For {d['name']}, {setup} costs {money(s['usd_per_month'])} a month; {pays}.")
        return found
    share = f"{100 * s['utilisation']:.1f}%" if s["utilisation"] >= 0.001 else "under 0.1%"
    count = f" for {s['systems']} systems" if s["systems"] > 1 else ""
    verdict = ("your volume is above it" if s["times_break_even"] and s["times_break_even"] >= 1 else
               f"your {d['output_mtok_per_month']:,.0f} million a month is below it")
    found.append(f"On {setup}, your workload would cost {money(s['your_usd_per_month'])} a month{count}, using {share} of its "
                 f"capacity; {pays}: {verdict}.")
    return found


def _speed(option: dict) -> str:
    if option["output_tokens_per_s"] is None:
        return "speed not measured"
    stale = ", stale" if option["stale"] else ""
    return f"{speed(option['output_tokens_per_s'])}, measured {age(option['age_days'])}{stale}"
