"""What kpss prints: every output format in one registry (formats.py) and the terminal
(console.py)."""
