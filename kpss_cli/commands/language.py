"""The interface's language, chosen once at start-up and installed into core/i18n.py.

The environment decides as GNU gettext reads it: the locale is the first of LC_ALL,
LC_MESSAGES and LANG that is set; C or POSIX means English; otherwise LANGUAGE (a list such as
`cs:en`) comes first, then the locale's language. Only when none of these is set (Windows, cron)
does `language` in the archive's kpss.yaml decide. docs/config.md, "Language".

Czech is read from kpss_cli/locale/cs/LC_MESSAGES/kpss.mo with the standard library's gettext
(tools/messages.py makes it); English is the messages themselves, so it loads nothing.
"""

from __future__ import annotations

import os

from ..core import i18n
from ..core.config import Config
from ..store.files import read_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

LANGUAGES = ("cs", "en")
ENGLISH = "en"
LOCALE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "locale")


def _language_of(name: str) -> str:
    """`cs` of `cs_CZ.UTF-8@euro`, `en` of `en`."""
    return name.partition(".")[0].partition("@")[0].partition("_")[0].lower()


def from_environment(environ: Mapping[str, str]) -> str | None:
    """The language the environment asks for, or None when it sets no locale at all."""
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), None)
    if locale is not None and (locale in ("C", "POSIX") or locale.startswith("C.")):
        return ENGLISH  # GNU gettext ignores LANGUAGE in the C locale
    wanted = [_language_of(name) for name in environ.get("LANGUAGE", "").split(":") if name]
    if locale is not None:
        wanted.append(_language_of(locale))
    if not wanted:
        return None
    return next((language for language in wanted if language in LANGUAGES), ENGLISH)


def from_archive(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """`language` in the kpss.yaml of the archive the command line names (or the nearest one),
    if it is one kpss speaks; else English."""
    from ..store.config import CONFIG_NAME, MAX_CONFIG, find_root

    folder = environ.get("KPSS_ARCHIVE") or None
    for index, word in enumerate(argv):
        if word in ("--archive", "-a") and index + 1 < len(argv):
            folder = argv[index + 1]
        elif word.startswith("--archive="):
            folder = word.partition("=")[2]
    root = folder or find_root(os.getcwd())  # --archive names the archive; else as git finds it
    if root is None:
        return ENGLISH
    path = os.path.join(root, CONFIG_NAME)
    try:
        text = read_regular(path, MAX_CONFIG).decode("utf-8-sig")
    except (OSError, ValueError):
        return ENGLISH  # no kpss.yaml, or one the command will report
    language = _language_of(language_key(text))
    return language if language in LANGUAGES else ENGLISH


def language_key(text: str) -> str:
    """The top-level `language: VALUE` of kpss.yaml's text, without a YAML parser (loading
    PyYAML and the whole configuration would add some 30 ms to every start without a locale);
    the command reads kpss.yaml whole afterwards, and reports whatever is wrong in it. Without
    the key, the default of core/config.py."""
    for line in text.splitlines():
        if line.startswith("language:"):
            value = line.partition(":")[2].partition(" #")[0].strip().strip("'\"")
            if value:
                return value
    return Config().language


def choose(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The interface's language for this command line and environment: `cs` or `en`."""
    return from_environment(environ) or from_archive(argv, environ)


def install_language(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """Choose the language and make core/i18n.py's `_` speak it; return it."""
    language = choose(argv, environ)
    if language != ENGLISH:
        import gettext  # only for a translation: English loads nothing

        with open(os.path.join(LOCALE, language, "LC_MESSAGES", "kpss.mo"), "rb") as file:
            catalogue = gettext.GNUTranslations(file)
        i18n.install(catalogue.gettext, catalogue.ngettext, language)
    return language
