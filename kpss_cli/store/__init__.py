"""The archive on disk: finding it and its kpss.yaml, walking and loading its minutes, the
index in `.kpss/`, and writing files safely."""
