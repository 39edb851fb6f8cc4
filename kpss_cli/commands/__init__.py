"""The command line: the Typer app (app.py, cli.py), its shared options, one module per area,
the one exit path (boundary.py) and the quick path (quick.py), which answers without Typer.

Nothing here is imported by a lower package, and this file imports nothing, so that the quick
path does not pay for Typer."""
