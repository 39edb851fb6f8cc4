"""The commands of `kpss`, one module per area; each registers itself on `cli.app`."""
