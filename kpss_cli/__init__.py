"""kpss: minutes, tasks and attendance of community planning of social services.

For scripts: `from kpss_cli import load_archive`; `load_archive("path").tasks`.
"""

from __future__ import annotations

from .core import __version__

__all__ = ["__version__", "load_archive"]

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from .store.loading import load_archive


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `kpss --version` stays fast.
    if name == "load_archive":
        from .store.loading import load_archive

        return load_archive
    raise AttributeError(name)
