"""record.py: kpss's record classes compare, show, hash and pickle the way their users expect."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pickle
import pkgutil

import pytest

import kpss_cli
from kpss_cli.core.config import Config, GroupConfig
from kpss_cli.core.errors import Problem
from kpss_cli.core.model import Record, StatusChange, Task, Value


def _record_classes() -> list[type[Record]]:
    for module in pkgutil.walk_packages(kpss_cli.__path__, "kpss_cli."):
        if not module.name.endswith("__main__"):  # that one runs kpss
            importlib.import_module(module.name)
    found: list[type[Record]] = []
    pending: list[type[Record]] = [Record]
    while pending:
        for cls in pending.pop().__subclasses__():
            found.append(cls)
            pending.append(cls)
    return [cls for cls in found if cls is not Value]


def task(**changes: object) -> Task:
    fields: dict[str, object] = {
        "id": "g/2024-01-10#1", "text": "Zajistit sál", "owner": "Novák", "due": "01/24",
        "deadline": dt.date(2024, 1, 31), "deadline_kind": "period", "status": "open",
        "initial_status": "open", "line": 12, "source": "body",
    }  # fmt: skip
    return Task(**{**fields, **changes})  # type: ignore[arg-type]


def test_the_record_classes_are_found() -> None:
    names = {cls.__name__ for cls in _record_classes()}
    assert {"Task", "Minutes", "Person", "Config", "GroupConfig", "Archive", "Problem"} <= names


@pytest.mark.parametrize("cls", _record_classes(), ids=lambda cls: cls.__name__)
def test_init_takes_the_fields_in_slot_order(cls: type[Record]) -> None:
    """packing.py builds records positionally, and equality and repr read `__slots__`: the
    fields `__init__` takes must be the first slots, in the same order."""
    parameters = list(inspect.signature(cls.__init__).parameters)[1:]
    assert parameters == list(cls.__slots__[: len(parameters)])
    instance = object.__new__(cls)
    with pytest.raises(AttributeError):
        instance.not_a_field = 1  # type: ignore[attr-defined]


def test_equality_compares_every_field_and_the_class() -> None:
    assert task() == task()
    assert task() != task(status="done")
    assert task(history=[StatusChange("m", dt.date(2024, 1, 10), "open", None, "g.md", 3)]) != task()
    assert Problem("a.md", 1, "error", "x", "m") != ("a.md", 1, "error", "x", "m")


def test_defaults_are_fresh_for_each_record() -> None:
    first, second = task(), task()
    first.history.append(StatusChange("m", dt.date(2024, 1, 10), "open", None, "g.md", 3))
    assert second.history == []
    assert Config().groups is not Config().groups


def test_repr_names_the_fields_but_not_the_caches() -> None:
    config = Config(organisation="Město Kolín")
    config.find_group("nic")  # fills the _by_text cache
    shown = repr(config)
    assert shown.startswith("Config(organisation='Město Kolín', language='cs', groups=[]")
    assert "_by_text" not in shown
    assert repr(Problem("a.md", 3, "warning", "c", "m")) == (
        "Problem(path='a.md', line=3, severity='warning', code='c', message='m')"
    )


def test_values_hash_and_mutable_records_do_not() -> None:
    assert len({Problem("a.md", 1, "error", "x", "m"), Problem("a.md", 1, "error", "x", "m")}) == 1
    with pytest.raises(TypeError):
        hash(task())


def test_records_survive_pickling() -> None:
    """The index's snapshot pickles the configuration."""
    config = Config(organisation="Kolín", groups=[GroupConfig("ridici", "Řídicí skupina", "ridici")])
    config.people_cache["Jan Novák"] = ("Jan Novák", None, None, "Jan Novák", "jan novak")
    back = pickle.loads(pickle.dumps(config, pickle.HIGHEST_PROTOCOL))
    assert back == config and back.groups[0].name == "Řídicí skupina"
    assert back.find_group("ridici") is back.groups[0]
