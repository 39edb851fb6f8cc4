"""Publishing the archive: the static website (`kpss site`)."""
