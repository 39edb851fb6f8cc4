"""`kpss site OUT`: the built site's pages, links, privacy, and how it writes into OUT."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kpss_cli.commands.cli import app

from .conftest import DATA
from .publicarchive import PRIVATE_STEMS, public_archive

AS_OF = "2026-12-04"
LINK = re.compile(r"""(?:href|src)="([^"]*)\"""")


def build(archive: Path, out: Path, *more: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["site", str(out), "-a", str(archive), "--as-of", AS_OF, *more])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """One build of the public archive, shared by the module's tests."""
    base = tmp_path_factory.mktemp("site")
    archive = public_archive(base / "archive")
    out = base / "web"
    code, _, stderr = build(archive, out)
    assert code == 0, stderr
    return archive, out, stderr


def test_site_pages(site: tuple[Path, Path, str]) -> None:
    _, out, stderr = site
    assert re.fullmatch(r"kpss: site in .*: \d+ written, 0 unchanged, 0 removed\n", stderr)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cs" data-root="">' in index
    assert '<a href="seniori/index.html">Pracovní skupina Senioři</a>' in index
    assert "příští jednání 9. prosince 2026, 14:00" in index  # the steering group's schedule
    group = (out / "seniori" / "index.html").read_text(encoding="utf-8")
    dates = re.findall(r'<li><a href="(\d{4}-\d\d-\d\d)\.html">', group)
    assert dates == sorted(dates, reverse=True) and dates[0] == "2026-12-03"  # newest first
    assert "Otevřené úkoly" in group and 'class="badge overdue">po termínu:' in group
    meeting = (out / "seniori" / "2026-12-03.html").read_text(encoding="utf-8")
    assert "<h1>Zápis z jednání – Pracovní skupina Senioři</h1>" in meeting
    assert '<link rel="stylesheet" href="../assets/site.css">' in meeting
    calendar = (out / "kalendar.ics").read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR") and calendar.count("BEGIN:VEVENT") > 20
    search = (out / "search-index.js").read_text(encoding="utf-8")
    entries = json.loads(search.removeprefix("window.KPSS_SEARCH = ").rstrip(";\n"))
    assert {"u": "seniori/2026-11-12.html"}.items() <= next(
        e for e in entries if "2026-11-12" in e["u"]
    ).items()
    assert any("senior taxi" in e["x"] for e in entries)


def test_every_local_link_and_asset_resolves_and_is_relative(site: tuple[Path, Path, str]) -> None:
    _, out, _ = site
    pages = list(out.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            assert not link.startswith(("/", "http:", "https:", "file:")), (page, link)
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_file() and target.is_relative_to(out.resolve()), (page, link)


def test_no_private_name_anywhere_in_the_site(site: tuple[Path, Path, str]) -> None:
    _, out, _ = site
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes().decode("utf-8")
            for stem in PRIVATE_STEMS:
                assert stem not in data, (path, stem)
    meeting = (out / "seniori" / "2026-12-03.html").read_text(encoding="utf-8")
    assert "J. N., zástupkyně veřejnosti, Ing. Pavel Stejskal" in meeting


def small_archive(target: Path) -> Path:
    shutil.copytree(DATA / "archive", target)
    return target


def test_rebuild_writes_only_what_changed_and_removes_what_went(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "archive")
    out = tmp_path / "web"
    assert build(archive, out)[0] == 0
    code, _, stderr = build(archive, out)
    assert (code, re.sub(r"in .*?:", "in OUT:", stderr)) == (
        0,
        f"kpss: site in OUT: 0 written, {len(list(out.rglob('*.*'))) - 1} unchanged, 0 removed\n",
    )
    pages = sorted(out.glob("*/*-*.html"))
    kept, gone = pages[0], pages[-1]
    before = kept.stat().st_mtime_ns
    next(archive.rglob(gone.name.replace(".html", ".md"))).unlink()
    code, _, stderr = build(archive, out)
    assert code == 0 and " 1 removed" in stderr
    assert not gone.exists()
    assert kept.stat().st_mtime_ns == before  # untouched


def test_never_writes_outside_out_through_a_link(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "archive")
    out, outside = tmp_path / "web", tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", encoding="utf-8")
    out.mkdir()
    group = (
        next(p.name for p in (tmp_path / "probe").glob("*") if p.is_dir() and p.name != "assets")
        if build(archive, tmp_path / "probe")[0] == 0
        else ""
    )
    (out / group).symlink_to(outside, target_is_directory=True)
    code, _, stderr = build(archive, out)
    assert code == 2 and "refusing to write the site through" in stderr and group in stderr
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert not (out / "index.html").exists()  # nothing written before the link was found
    # A file in OUT that is a link is replaced by the page, never written through.
    (out / group).unlink()
    (out / "index.html").symlink_to(outside / "keep.txt")
    assert build(archive, out)[0] == 0
    assert not (out / "index.html").is_symlink()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_refuses_to_build_into_the_archive(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "archive")
    code, _, stderr = build(archive, archive)
    assert code == 2 and "refusing to build the site into the archive itself" in stderr


def test_english_site(tmp_path: Path) -> None:
    archive = small_archive(tmp_path / "archive")
    assert build(archive, tmp_path / "web", "--lang", "en")[0] == 0
    index = (tmp_path / "web" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in index and "Working groups" in index
