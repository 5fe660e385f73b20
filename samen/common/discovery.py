"""Modules each app may have under one name (`privacy.py`, `participation.py`), found the way `rules.py` is: a hub
in `common` asks them all without importing any app."""

from functools import cache
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.utils.module_loading import module_has_submodule


@cache
def app_submodules(name: str) -> tuple[ModuleType, ...]:
    """Every installed app's `name` module, in the order of INSTALLED_APPS; `common`'s own hub is not one."""
    return tuple(
        import_module(f"{config.name}.{name}")
        for config in apps.get_app_configs()
        if config.name != "samen.common" and module_has_submodule(config.module, name)
    )
