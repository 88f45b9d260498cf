"""Governance that runs beside the pipeline: opt-outs, erasures, retention and the paperwork.

- :mod:`~safelink.governance.optout`: the national data opt-out list, keyed like the data and
  applied at pseudonymisation.
- :mod:`~safelink.governance.erasures`: the erasure register (subject requests), read by link and
  release.
- :mod:`~safelink.governance.retention`: expiry dates and ``safelink purge``.
- :mod:`~safelink.governance.paperwork`: the data-flow annex and the public-register entry.

The job's ``governance:`` section (agreement, purpose, lawful basis, owners) is typed in
:mod:`safelink.config`; the release gate that enforces it is :mod:`safelink.release.governance`.
"""
