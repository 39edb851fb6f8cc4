"""An archive with private people in it: examples/ plus a meeting with private guests, a
member who asked not to be named, and people named only in the text (for tests of public
copies: `render --public`, `kpss site`)."""

from __future__ import annotations

import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Every private person's name, and the stems a grep for them uses (declined forms included).
PRIVATE_STEMS = ("Nováková", "Novákov", "Veselý", "Veselým", "Kopecká", "Kopeck", "Dvořák", "Bláh")

PRIVACY = """
privacy:
  people:
    "Zdeňka Kopecká": private          # a member who asked not to be named
    "Marie Bláhová": zástupkyně veřejnosti
    "Petr Dvořák": private             # named only in the text of the minutes
"""

MEETING = """---
group: Pracovní skupina Senioři
date: 2026-12-03
time: "09:30"
place: Domov pro seniory Slunovrat, Lipová 14
present:
  - Mgr. Ivana Šindelářová (Domov pro seniory Slunovrat, p. o.)
  - Zdeňka Kopecká (Klub seniorů Dolní Rovná, z. s.)
guests:
  - Jana Nováková (klientka pečovatelské služby)
  - Marie Bláhová
  - Ing. Pavel Stejskal (místostarosta města Dolní Rovná)
recorder: Mgr. Ivana Šindelářová
tasks:
  - task: Zjistit, zda paní Nováková dostala odpověď z odboru
    owner: Karel Veselý
    due: 2027-01-31
updates:
  - id: seniori/2026-11-12#2
    status: done
status: approved
approved_by: Mgr. Ivana Šindelářová
approved_on: 2026-12-10
---

# Zápis

<!-- poznámka zapisovatelky: nezveřejňovat -->

Paní Jana Nováková popsala zkušenost s pečovatelskou službou. S paní Novákovou se spojí
Karel Veselý; Zdeňka Kopecká poděkovala. Petr Dvořák se omluvil, s Petrem Dvořákem
skupina počítá příště.

1. 10. 2026 proběhlo Setkání seniorů.

    Odsazený text vložený z Wordu, který by jinak byl blokem kódu a utekl by ze stránky,
    protože je velmi dlouhý a obsahuje mnoho slov v jednom řádku bez jakéhokoli zalomení řádku.

## Úkoly

**Úkol:** Připravit leták pro pečující
**Zajistí:** Mgr. Ivana Šindelářová
**Termín:** 31. 1. 2027

Zapsala: Mgr. Ivana Šindelářová
"""


def public_archive(target: Path) -> Path:
    """A copy of examples/ with the meeting above and kpss.yaml's privacy section."""
    shutil.copytree(EXAMPLES, target)
    config = target / "kpss.yaml"
    config.write_text(config.read_text(encoding="utf-8") + PRIVACY, encoding="utf-8")
    (target / "seniori" / "2026-12-03.md").write_text(MEETING, encoding="utf-8")
    return target
