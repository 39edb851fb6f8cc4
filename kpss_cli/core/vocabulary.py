"""The Czech words for months, weekdays and ordinals that kpss reads and writes, declared once
(and the English month names it also reads in deadlines). Readers build their patterns from
these tables; none spells the words out again."""

from __future__ import annotations

# By month number: nominative, genitive, locative (`leden`, `do konce ledna`, `v lednu`).
MONTHS = (
    ("leden", "ledna", "lednu"),
    ("únor", "února", "únoru"),
    ("březen", "března", "březnu"),
    ("duben", "dubna", "dubnu"),
    ("květen", "května", "květnu"),
    ("červen", "června", "červnu"),
    ("červenec", "července", "červenci"),
    ("srpen", "srpna", "srpnu"),
    ("září", "září", "září"),
    ("říjen", "října", "říjnu"),
    ("listopad", "listopadu", "listopadu"),
    ("prosinec", "prosince", "prosinci"),
)
MONTHS_NOMINATIVE = tuple(forms[0] for forms in MONTHS)
MONTHS_GENITIVE = tuple(forms[1] for forms in MONTHS)

# English month names and abbreviations read in deadlines, by month number.
ENGLISH_MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)

# By weekday number (Monday 0): nominative, accusative (`v pondělí`, `na středu`).
WEEKDAYS = (
    ("pondělí", "pondělí"),
    ("úterý", "úterý"),
    ("středa", "středu"),
    ("čtvrtek", "čtvrtek"),
    ("pátek", "pátek"),
    ("sobota", "sobotu"),
    ("neděle", "neděli"),
)
# The stems of each weekday's forms without diacritics (`pátek`, `pátku`: `patek`, `patk`).
WEEKDAY_STEMS = (
    ("pondel",),
    ("uter",),
    ("stred",),
    ("ctvrt",),
    ("patek", "patk"),
    ("sobot",),
    ("nedel",),
)

# English weekday names by weekday number, read in date options (`--date tuesday`).
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Days named relative to today in date options, by their distance in days (`--as-of zítra`).
RELATIVE_DAYS = (
    (-2, ("předevčírem",)),
    (-1, ("včera", "yesterday")),
    (0, ("dnes", "dneska", "today")),
    (1, ("zítra", "tomorrow")),
    (2, ("pozítří",)),
)
# Words before a weekday that move it to next week or to last week (`příští úterý`, `minulý pátek`).
NEXT_WEEK = ("příští", "next")
LAST_WEEK = ("minulý", "minulé", "minulou", "minulá", "last")

# Roman numerals, as agendas number their items and offices their quarters (`III. čtvrtletí`)
# and months (`XI/2026`).
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# Numbers written as words in deadlines (`do dvou týdnů`, `za tři měsíce`): by value, the
# nominative/accusative and genitive forms.
NUMBERS = (
    (1, ("jeden", "jedna", "jedno", "jednoho", "jedné")),
    (2, ("dva", "dvě", "dvou")),
    (3, ("tři", "tří", "třech")),
    (4, ("čtyři", "čtyř", "čtyřech")),
    (5, ("pět", "pěti")),
    (6, ("šest", "šesti")),
    (7, ("sedm", "sedmi")),
    (8, ("osm", "osmi")),
    (9, ("devět", "devíti")),
    (10, ("deset", "deseti")),
    (11, ("jedenáct", "jedenácti")),
    (12, ("dvanáct", "dvanácti")),
    (14, ("čtrnáct", "čtrnácti")),
    (15, ("patnáct", "patnácti")),
    (20, ("dvacet", "dvaceti")),
    (21, ("jednadvacet", "jednadvaceti")),
    (30, ("třicet", "třiceti")),
)


def alternatives(words: tuple[str, ...] | list[str]) -> str:
    """A regular-expression alternation of `words`, longest first (so `července` is tried
    before `červen`), without repeats."""
    return "|".join(sorted(dict.fromkeys(words), key=len, reverse=True))
