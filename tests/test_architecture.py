"""The layout is the design (docs/architecture.md): the import graph of kpss_cli, read from its
source, has no cycle, and each package imports only the packages below it."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kpss_cli"

# Each package may import its own modules and those of lower layers, never a higher one or
# another package of its own layer. The package root (`kpss_cli/__init__.py`, `main.py`,
# `__main__.py`) stands on top.
LAYERS = [
    {"core"},
    {"minutes", "output"},
    {"store"},
    {"meetings", "importing", "plan"},
    {"check", "documents", "export"},
    {"publish", "mail"},  # layer 5 (publishing: site, mail)
    {"commands"},
    {""},
]
RANK = {package: rank for rank, layer in enumerate(LAYERS) for package in layer}
THIRD_PARTY_ABOVE_CORE = {
    "typer",
    "click",
    "rich",
    "jinja2",
    "markupsafe",
    "yaml",
    "docx",
    "pypdf",
    "icalendar",
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> tuple[set[str], set[str]]:
    """(kpss_cli modules, other top-level packages) that module `name` imports, anywhere in it."""
    is_package = path.name == "__init__.py"
    own: set[str] = set()
    other: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("kpss_cli"):
                    own.add(alias.name.removeprefix("kpss_cli").lstrip("."))
                else:
                    other.add(alias.name.partition(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                module = node.module or ""
                if not module.startswith("kpss_cli"):
                    other.add(module.partition(".")[0])
                    continue
                base = module.removeprefix("kpss_cli").lstrip(".").split(".")
            else:
                package = name.split(".") if is_package else name.split(".")[:-1]
                package = [p for p in package if p]
                base = package[: len(package) - node.level + 1] + (node.module or "").split(".")
            target = ".".join(p for p in base if p)
            for alias in node.names:
                candidate = f"{target}.{alias.name}" if target else alias.name
                own.add(candidate if candidate in MODULES else target)
    return {m for m in own if m != name}, other


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _package(module: str) -> str:
    return module.split(".")[0] if "." in module or module in RANK else ""


def test_every_package_has_a_layer() -> None:
    packages = {_package(m) for m in MODULES}
    assert packages <= set(RANK), f"packages without a layer: {packages - set(RANK)}"


def test_no_package_imports_a_higher_or_sideways_one() -> None:
    wrong = []
    for module, (imported, _) in GRAPH.items():
        mine = _package(module)
        for target in imported:
            theirs = _package(target)
            if theirs != mine and RANK[theirs] >= RANK[mine]:
                wrong.append(f"{module} -> {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module][0]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_a_handful_of_top_level_modules() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "main.py"]


def test_the_domain_neither_prints_nor_imports_the_command_line() -> None:
    for module, (_, other) in GRAPH.items():
        if _package(module) != "commands" and _package(module):
            assert not other & {"typer", "click"}, module
    for module, path in MODULES.items():
        if _package(module) == "core":
            assert not GRAPH[module][1] & THIRD_PARTY_ABOVE_CORE, module
            calls = [
                n
                for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("print", "open")
            ]
            assert not calls, f"{module} does input or output"


# Imported inside the function whose branch needs them, wherever they are used: each costs a
# run that does not need it more than the rest of that run (docs/architecture.md, "Start-up").
HEAVY = {
    "yaml",
    "icalendar",
    "markdown_it",
    "docx",
    "pypdf",
    "rich",
    "pyarrow",
    "keyring",
    "openpyxl",
    "weasyprint",
    "kpss_cli.minutes.yamlfallback",
}


def _function_imports(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, imported module) of every import inside a function of `module`."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    found += [(inner.lineno, alias.name) for alias in inner.names]
                elif isinstance(inner, ast.ImportFrom) and inner.level:
                    base = [p for p in package if p][: len(package) - inner.level + 1]
                    found.append(
                        (inner.lineno, ".".join(["kpss_cli", *base, *(inner.module or "").split(".")]))
                    )
                elif isinstance(inner, ast.ImportFrom):
                    found.append((inner.lineno, inner.module or ""))
    return found


def test_imports_follow_the_one_start_up_rule() -> None:
    """Imports go at the top of a module, except in commands/ (the layers below are imported
    when a command runs, so `kpss --help` imports none), in the modules of the warm path
    (quick.WARM_PATH: what only some runs need), and for the heavy libraries above."""
    from kpss_cli.commands.quick import WARM_PATH

    wrong = []
    for module, path in MODULES.items():
        full = f"kpss_cli.{module}".rstrip(".")
        if _package(module) == "commands" or full in WARM_PATH:
            continue
        for line, imported in _function_imports(module, path):
            if not any(imported == h or imported.startswith(h + ".") for h in HEAVY):
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {imported}")
    assert not wrong, "imports inside functions, against the rule:\n" + "\n".join(wrong)


def test_only_the_warm_path_avoids_importing_typing() -> None:
    from kpss_cli.commands.quick import WARM_PATH

    tricks = [
        module
        for module, path in MODULES.items()
        if "TYPE_CHECKING = False" in path.read_text(encoding="utf-8")
        and f"kpss_cli.{module}".rstrip(".") not in WARM_PATH
    ]
    assert not tricks, f"`TYPE_CHECKING = False` off the warm path: {tricks}"
