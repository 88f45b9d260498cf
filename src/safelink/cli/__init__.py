"""The ``safelink`` command line: thin commands over the Python API."""
