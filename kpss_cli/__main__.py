from kpss_cli.main import run

run()
