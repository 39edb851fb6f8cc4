from kpss_cli.cli import run

run()
