"""`kpss check`: the findings (rules.py) and what each code means (codes.py)."""
