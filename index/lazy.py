"""A read-only mapping whose values are made when first looked up (a notice's text is
read from the store only when a question needs it). Left out: eviction (values are kept
for the life of the mapping)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Callable, Iterator, Sequence


class LazyMap(Mapping):
    """A read-only mapping over known keys whose values are made by `load(key)` when first
    looked up, then kept. Iterating over the values loads them all (the UI's lists do)."""

    def __init__(self, keys: Sequence[str], load: Callable, cache: dict | None = None):
        self._keys = list(dict.fromkeys(keys))
        self._known = set(self._keys)
        self._load = load
        self._cache = {k: v for k, v in (cache or {}).items() if k in self._known}

    def __getitem__(self, key):
        if key not in self._known:
            raise KeyError(key)
        if key not in self._cache:
            value = self._load(key)
            if value is None:
                raise KeyError(key)
            self._cache[key] = value
        return self._cache[key]

    def __contains__(self, key) -> bool:
        return key in self._known

    def __iter__(self) -> Iterator:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def renewed(self, keys: Sequence[str]) -> LazyMap:
        """The same mapping over `keys`: values already loaded for keys kept are kept."""
        return LazyMap(keys, self._load, self._cache)
