"""The fidelity score itself (`kpss_cli/importing/fidelity.py`): recall counts the values the
text gives, precision the values the import gave; an extra person or a wrong value costs precision."""

from __future__ import annotations

import datetime as dt
import importlib.util

from kpss_cli.importing import recognise
from kpss_cli.importing.fidelity import score_document

from .conftest import REPO, SHARED, needs_shared

TEXT = """Zápis z jednání pracovní skupiny Senioři
Dne: 3. 5. 2022 od 14:00
Přítomni: Mgr. Jana Nová, Petr Malý, Eva Veselá
Úkol: poslat pozvánky Zajistí: Jana Nová Termín: 15. 5. 2022
"""


def test_right_values_count_for_recall_and_precision() -> None:
    imported = recognise(TEXT)
    expected = {
        "group": "Senioři",
        "date": dt.date(2022, 5, 3),
        "time": "14:00",
        "present": ["Jana Nová", "Petr Malý"],  # Eva Veselá is extra
        "guests": ["Karel Hora"],  # missed
        "tasks": [{"owner": "paní Nová", "due": dt.date(2022, 5, 15)}],
    }
    score = score_document(imported, expected, "t")
    for name in ("group", "date", "time", "task_count", "task_deadlines", "task_owners"):
        assert score.recall(name) == 1.0 and score.precision(name) == 1.0, name
    assert score.recall("present") == 1.0
    assert score.precision("present") == 2 / 3
    assert score.recall("guests") == 0.0 and score.precision("guests") is None
    assert score.precision("place") is None  # neither side gives a place: no value, no cost


def test_a_value_the_text_does_not_give_costs_precision() -> None:
    imported = recognise(TEXT)
    score = score_document(imported, {"date": "2022-05-03"}, "t")
    assert score.precision("time") == 0.0
    assert score.recall("time") is None


def test_refusing_a_document_that_is_not_minutes_is_right() -> None:
    assert score_document(None, {"kind": "not-minutes"}, "t").recall("refused") == 1.0
    assert score_document(recognise(TEXT), {"kind": "not-minutes"}, "t").recall("refused") == 0.0


@needs_shared
def test_the_benchmark_runs_and_keeps_precision_on_the_real_corpus() -> None:
    """A guard, not a target: the importer is judged on other minutes than these."""
    spec = importlib.util.spec_from_file_location(
        "import_fidelity", REPO / "benchmarks" / "import_fidelity.py"
    )
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    total, per_file = benchmark.score_corpus(SHARED / "corpus")
    assert len(per_file) >= 13
    assert (total.precision() or 0) >= 0.97, total.report()


def test_the_held_out_set_keeps_recall_and_precision() -> None:
    """A guard on real minutes of other bodies and towns (tests/data/import_heldout): the
    issue's bar of nine fields in ten right with 97 % precision."""
    spec = importlib.util.spec_from_file_location(
        "import_fidelity", REPO / "benchmarks" / "import_fidelity.py"
    )
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    total, per_file = benchmark.score_corpus(benchmark.HELDOUT)
    assert len(per_file) >= 24
    assert (total.recall() or 0) >= 0.90, total.report()
    assert (total.precision() or 0) >= 0.97, total.report()


def test_courtesy_words_and_glued_titles_do_not_make_another_person() -> None:
    from kpss_cli.importing.fidelity import people_key

    assert people_key("P. Pavel Kuneš") == people_key("Pavel Kuneš")  # `P.` = Pater, a courtesy
    assert people_key("pí. Vítková") == people_key("Vítková")
    assert people_key("sl. Čivrná") == people_key("slečna Čivrná") == people_key("Čivrná")  # slečna
    assert people_key("Ing.Mgr. Richard Mašek") == people_key("Ing. Mgr. Richard Mašek") == "richard masek"
    assert people_key("Mgr.Jan Martínek") == people_key("Jan Martínek")
    assert people_key("Jan Novák") != people_key("Jana Nováková")


def test_an_hour_with_or_without_its_leading_zero_is_one_time() -> None:
    imported = recognise(TEXT)
    for written in ("14:00", "14:00 "):
        assert score_document(imported, {"date": "2022-05-03", "time": written}, "t").recall("time") == 1.0
    early = recognise(TEXT.replace("od 14:00", "od 9:00"))
    assert score_document(early, {"date": "2022-05-03", "time": "9:00"}, "t").recall("time") == 1.0
    assert score_document(early, {"date": "2022-05-03", "time": "19:00"}, "t").recall("time") == 0.0
