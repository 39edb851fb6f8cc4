"""Helpers the importer's tests share: what `recognise` read, in the shape the assertions compare."""

from __future__ import annotations


def names(people: list) -> list[str]:
    return [p["name"] for p in people]
