"""Global options anywhere on the command line: `kpss tasks --no-cache` means what
`kpss --no-cache tasks` means, and `kpss --archive X list` what `kpss list --archive X` means.

Click reads an option only at the level that declares it. So before Click parses, `arrange`
puts each global option where it is read: the options of kpss itself (options.FRONT:
`--debug`, `--no-cache`) before the command, and the options commands share
(options.ANYWHERE: `--archive`, `--as-of`, `--format`) after the command that declares them,
else before it, where kpss itself reads `--archive` and `--as-of` (a command that does not
declare `--as-of` has no use for today). Nothing after `--` is touched, nor the value of an
option. No Typer here: the rule is the same for every command, and plain data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# A command line's command: how many of the words after the options of kpss name it
# (`plan import` is two), and the options it declares (flag -> whether it takes a value).
Command = tuple[int, Mapping[str, bool]]


def arrange(
    words: list[str],
    front: Mapping[str, bool],
    anywhere: Mapping[str, bool],
    resolve: Callable[[list[str]], Command | None],
) -> list[str]:
    """`words` with the options of `front` before the command and those of `anywhere` after
    it when the command declares them (see `arranged`)."""
    head, path, kept = arranged(words, front, anywhere, resolve)
    return [*head, *path, *kept]


def arranged(
    words: list[str],
    front: Mapping[str, bool],
    anywhere: Mapping[str, bool],
    resolve: Callable[[list[str]], Command | None],
) -> tuple[list[str], list[str], list[str]]:
    """`words` (the command line without the program name) with the options of `front` before
    the command and those of `anywhere` after it when the command declares them (each flag
    mapped to whether it takes a value). `resolve` names the command of the words that follow
    the options of kpss, or gives None when they name none (then nothing moves: Click says so).
    Returns the options of kpss, the words naming the command, and the command's own words."""
    head: list[str] = []
    carried: list[list[str]] = []
    leading = _leading_options(words, front, anywhere)
    for chunk in leading:
        name = chunk[0].partition("=")[0]
        (carried.append(chunk) if name in anywhere and name not in front else head.extend(chunk))
    rest = words[sum(map(len, leading)) :]
    command = resolve(rest) if rest and not rest[0].startswith("-") else None
    if command is None:
        return words, [], []
    length, declared = command
    path, tail = rest[:length], rest[length:]
    kept: list[str] = []
    for chunk in carried:
        (kept.extend(chunk) if chunk[0].partition("=")[0] in declared else head.extend(chunk))
    position = 0
    while position < len(tail):  # the command's own words
        word = tail[position]
        if word == "--":
            kept.extend(tail[position:])
            break
        name, given, _ = word.partition("=")
        own = name in declared
        takes_value = declared[name] if own else front.get(name, anywhere.get(name, False))
        size = 2 if takes_value and not given and word.startswith("-") else 1
        chunk = tail[position : position + size]
        if not own and (name in front or name in anywhere):
            head.extend(chunk)
        else:
            kept.extend(chunk)
        position += size
    return head, path, kept


def command_word(words: list[str], front: Mapping[str, bool], anywhere: Mapping[str, bool]) -> str | None:
    """The word naming the command: the first after the options of kpss (None when none does)."""
    position = sum(map(len, _leading_options(words, front, anywhere)))
    word = words[position] if position < len(words) else "-"
    return None if word.startswith("-") else word


def _leading_options(
    words: list[str], front: Mapping[str, bool], anywhere: Mapping[str, bool]
) -> list[list[str]]:
    """The options before the command, each with its value (one word or two)."""
    chunks: list[list[str]] = []
    position = 0
    while position < len(words):
        word = words[position]
        name, given, _ = word.partition("=")
        if word == "--" or not word.startswith("-") or (name not in front and name not in anywhere):
            break
        takes_value = front.get(name, anywhere.get(name, False))
        size = 2 if takes_value and not given else 1
        chunks.append(words[position : position + size])
        position += size
    return chunks
