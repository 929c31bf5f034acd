"""Compute Price Tracker (tugot17/gpu-price-tracker): what one GPU rents for an hour on the
marketplaces Prime Intellect aggregates, every day from 2025-10-19 to 2025-11-16.

PATH holds gpu_prices_daily.csv. Its `all` rows, one per day and GPU type, become `systems` rows
of one accelerator (`1x-h100-sxm-80gb`), rented at the day's median offer (the median over the
day's snapshots of each snapshot's median price); the lowest price and the number of offers go in
the note. Per-provider and per-configuration rows are not read. The tracker names SXM and PCIe
apart for the A100 and the H100 only; its B200 and H200 are taken as the SXM boards, the form
every MLPerf submission of them uses. Spot and on-demand offers are mixed, and no hyperscaler is
covered.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from warehouse.errors import FileFormatError
from warehouse.sources.base import Context, Extract, read_csv, source

SOURCE = "gpu-price-tracker"
VERSION = "tugot17/gpu-price-tracker@718a831c"
# (gpu_type, socket_type) -> the house's accelerator id; an empty socket is the GPU's only form.
ACCELERATORS = {
    ("A100_80GB", "PCIe"): "a100-pcie-80gb", ("A100_80GB", "SXM4"): "a100-sxm-80gb",
    ("H100_80GB", "PCIe"): "h100-pcie-80gb", ("H100_80GB", "SXM5"): "h100-sxm-80gb",
    ("H200_141GB", ""): "h200-sxm-141gb", ("B200_180GB", ""): "b200-sxm-180gb", ("GH200_96GB", ""): "gh200-96gb",
}
RENT = "gpu-price-tracker: daily median of marketplace offers (Prime Intellect)"


@source(SOURCE, description="Compute Price Tracker: daily market rent of one GPU an hour, seven GPU types "
        "(2025-10 to 11)", licence="MIT",
        attribution="Piotr Mazurek, Compute Price Tracker for Tensor Economics (github.com/tugot17/gpu-price-tracker), MIT",
        files=["gpu_prices_daily.csv"])
def daily_rents(path: Path, context: Context) -> Extract:
    file = path / "gpu_prices_daily.csv"
    prices = read_csv(file, ["date", "gpu_type", "socket_type", "scope", "offers_median",
                             "min_usd_per_gpu_hr_daily_low", "median_usd_per_gpu_hr_median"])
    market = prices[prices["scope"] == "all"]
    types = list(zip(market["gpu_type"], market["socket_type"].fillna("")))
    unknown = sorted({t for t in types if t not in ACCELERATORS})
    if unknown:
        raise FileFormatError(f"{file}: GPU type {unknown[0][0]} {unknown[0][1]} has no accelerator id; add it to "
                              "warehouse/sources/gpu_price_tracker.py ACCELERATORS")
    accelerator = pd.Series([ACCELERATORS[t] for t in types], index=market.index, dtype="string")
    systems = pd.DataFrame({
        "system": "1x-" + accelerator,
        "name": "1x " + market["gpu_type"].str.replace("_", " ") + market["socket_type"].fillna("").radd(" ").str.rstrip(),
        "accelerator": accelerator,
        "accelerator_count": 1,
        "cost_basis": "rent",
        "usd_per_hour": market["median_usd_per_gpu_hr_median"],
        "priced_at": market["date"],
        "source": RENT,
        "note": ("median of about " + market["offers_median"].round().astype(int).astype(str) + " offers; lowest "
                 + market["min_usd_per_gpu_hr_daily_low"].map("{:.2f}".format) + " USD"),
        "_ref": market["_ref"],
    })
    return Extract(version=VERSION, parts={"systems": systems}, creates_models=False)
