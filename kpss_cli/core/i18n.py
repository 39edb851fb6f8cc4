"""The interface's language: every message, help text and table header goes through `_`.

core/ reads no file, so the catalogue is installed from above (the command line loads it);
until then `_` returns the English message unchanged.
"""

from __future__ import annotations

from collections.abc import Callable


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


_gettext: Callable[[str], str] = str
_ngettext: Callable[[str, str, int], str] = _english_plural
_language = "en"


def _(message: str) -> str:
    """The message in the interface's language (format its fields after translating)."""
    return _gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is declared; `_` translates it where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message for `n`, in the interface's language (Czech has three forms)."""
    return _ngettext(singular, plural, n)


def language() -> str:
    """The code of the interface's language (`en` until a catalogue is installed). Messages kept
    in the index are in it, so the index is rebuilt when it changes (store/index.py)."""
    return _language


def install(
    gettext: Callable[[str], str], ngettext: Callable[[str, str, int], str], language: str = "en"
) -> None:
    """Makes `_` and `ngettext` answer from a catalogue (a `gettext.GNUTranslations`'s methods)
    in `language`."""
    global _gettext, _ngettext, _language
    _gettext, _ngettext, _language = gettext, ngettext, language
