"""Record and Value: the bases of kpss's record classes (model.py, config.py, errors.py, …).

Each record class lists its fields in `__slots__` and sets them in a plain `__init__`; Record
gives it equality and a repr read from those slots, the way a dataclass would. The records
were dataclasses until importing `dataclasses` (it imports `inspect`) and building the classes
took a sixth of a warm `kpss tasks` over 10,000 minutes: every run pays for its imports, and the
quick path (quick.py) imports these modules and little else.
"""

from __future__ import annotations


class Record:
    """Equality (same class, equal fields) and a repr, from the class's `__slots__`. Fields
    whose names start with `_` (caches) are left out of the repr."""

    __slots__ = ()  # (and no __hash__: defining __eq__ makes records unhashable, as they are mutable)

    def _fields(self) -> tuple[str, ...]:
        return type(self).__slots__

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._fields())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._fields() if not name.startswith("_")
        )
        return f"{type(self).__name__}({shown})"


class Value(Record):
    """A record that is never changed once made, so it can be hashed (a set member, a key)."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._values())
