"""Importing this module registers every source adapter: each module of this package but base
and all registers its own with @source."""

import importlib
import pkgutil

import warehouse.sources as package

for _module in pkgutil.iter_modules(package.__path__):
    if _module.name not in ("base", "all"):
        importlib.import_module(f"{package.__name__}.{_module.name}")
