"""Infrastructure every stage uses: reading and writing, atomic outputs, the audit log, progress.

- :mod:`~safelink.infra.io`: CSV/Parquet reading and writing.
- :mod:`~safelink.infra.atomic`: atomic writes and group commits (owner-only files).
- :mod:`~safelink.infra.audit`: the hash-chained audit log.
- :mod:`~safelink.infra.progress`: progress bars on a terminal, plain lines when piped.
- :mod:`~safelink.infra.paths`: the project-root path rule for config paths.
- :mod:`~safelink.infra.text_encoding`: CSV text encodings.
- :mod:`~safelink.infra.blank`: what counts as a blank value, once.
"""
