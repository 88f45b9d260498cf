"""Generated paperwork from a job: a data-flow annex and a public-register entry.

* :func:`data_flow_annex`: for the DPIA and the data sharing agreement: who sends which
  columns, who sees tokens, who sees content, which keys (by id), the lawful basis and legal
  gateway of each source, opt-outs and retention (Markdown).
* :func:`register_entry`: a plain-language entry for a public register of data uses (Markdown).

Both are made from the job config alone (names, roles, dates and key ids; never a data value
or a secret), so they always describe what the job actually does.
"""

from __future__ import annotations

from pathlib import Path

from safelink.config import ColumnRole, JobConfig
from safelink.config._governance import Governance
from safelink.errors import GovernanceError, KeyringError, SafelinkError
from safelink.infra import io
from safelink.keys import public_key_id, public_key_path, read_versions

ANNEX_FILE = "data-flow-annex.md"
REGISTER_FILE = "public-register-entry.md"

_BASES = {
    "consent": "the consent of the people concerned",
    "contract": "a contract",
    "legal_obligation": "a legal obligation",
    "vital_interests": "protecting someone's life",
    "public_task": "a task carried out in the public interest",
    "legitimate_interests": "legitimate interests",
}


def _governance(job: JobConfig) -> Governance:
    if job.governance is None:
        raise GovernanceError(
            f"{job.origin}: the paperwork is made from the job's 'governance:' section; add it."
        )
    return job.governance


def _key_ids(job: JobConfig) -> list[tuple[str, str]]:
    """(role, key id) for the keys a job names, read from public headers and public keys."""
    out: list[tuple[str, str]] = []
    if job.key_file is not None:
        try:
            active = [v.key_id for v in read_versions(job.key_file) if v.status == "active"]
            out.append(("project key (tokens, per-recipient pseudonyms)", active[0]))
        except (SafelinkError, OSError, IndexError):
            out.append(("project key (tokens, per-recipient pseudonyms)", "not created yet"))
    signing = (job.sections.get("release") or {}).get("signing_key")
    if signing:
        path = Path(signing)
        if not path.is_absolute():
            path = Path(job.origin).parent / path
        try:
            out.append(
                ("TTP release-signing key", public_key_id(public_key_path(path).read_bytes()))
            )
        except (OSError, KeyringError):
            out.append(("TTP release-signing key", "not created yet"))
    governance = job.governance
    if governance is not None:
        for owner in governance.owners.values():
            out.append((f"approval key of {owner.name}", owner.approval_key or "not recorded"))
    return out


def data_flow_annex(job: JobConfig) -> str:
    """The data-flow annex of a job (Markdown), for the DPIA and the agreement.

    Raises:
        GovernanceError: the job has no governance section.
    """
    governance = _governance(job)
    lines = [
        f"# Data-flow annex: {job.project}",
        "",
        f"Agreement **{governance.agreement.id}**, in force until "
        f"**{governance.agreement.ends.isoformat()}** (every output expires then).",
        "",
        f"Purpose: {governance.purpose}",
        "",
        "## Sources, owners and lawful basis",
        "",
        "| source | data owner (controller) | lawful basis (UK GDPR Art. 6) | legal gateway |",
        "| --- | --- | --- | --- |",
    ]
    for name, basis in governance.sources.items():
        owner = governance.owners[basis.owner].name
        lines.append(f"| {name} | {owner} | {basis.lawful_basis} | {basis.legal_gateway} |")
    lines += [
        "",
        "## Who sends which columns",
        "",
        "| source | column | role | becomes | seen by |",
        "| --- | --- | --- | --- | --- |",
    ]
    for source in job.sources.values():
        for column in source.columns:
            if column.role is ColumnRole.IDENTIFIER:
                becomes, seen = f"keyed token(s) `{column.token_column}`", "linkage unit (TTP)"
                if column.also_content:
                    becomes += "; value kept as content"
                    seen += "; content as released"
            elif column.role is ColumnRole.CONTENT:
                becomes, seen = "content (joined only by a random record id)", "TTP release step"
            else:
                becomes, seen = "dropped before anything is written", "nobody"
            lines.append(f"| {source.name} | {column.name} | {column.role} | {becomes} | {seen} |")
    permitted = ", ".join(governance.permitted_columns)
    lines += [
        "",
        "## Who sees what",
        "",
        "- **Linkage unit (TTP)**: keyed tokens and random record ids only; never content, "
        "never an identifier in clear (providers pseudonymising at source send tokens only).",
        f"- **Recipient `{governance.recipient}`**: content columns the agreement permits "
        f"({permitted}), with a per-recipient person pseudonym; never identifiers, tokens or "
        "linkage ids. Releases pass a disclosure-control profile and an identifier scan.",
        "- **Data owners**: approve each release with their own signing key before it is final.",
        "- **IG lead**: the signed manifest, the audit log and this annex; no identifiers.",
        "",
        "## Keys (by id; a key id reveals nothing of the key)",
        "",
        "| role | key id |",
        "| --- | --- |",
        *(f"| {role} | {key_id} |" for role, key_id in _key_ids(job)),
        "",
        "## Opt-outs and retention",
        "",
        (
            "- An opt-out list of NHS numbers is applied before linkage: those people's records "
            "are dropped and only counted."
            if governance.opt_outs is not None
            else "- No opt-out list is configured: **add the national data opt-out list "
            "(governance.opt_outs) where it applies.**"
        ),
        f"- Outputs expire on {governance.agreement.ends.isoformat()}; `safelink purge` deletes "
        "them and can destroy the key version that made the tokens.",
        "",
    ]
    return "\n".join(lines)


def register_entry(job: JobConfig) -> str:
    """A plain-language entry for a public register of data uses (Markdown).

    Raises:
        GovernanceError: the job has no governance section.
    """
    governance = _governance(job)
    owners = sorted({governance.owners[s.owner].name for s in governance.sources.values()})
    bases = sorted({_BASES[s.lawful_basis] for s in governance.sources.values()})
    gateways = sorted({s.legal_gateway for s in governance.sources.values()})
    optout = (
        "People who have opted out are removed before any linking."
        if governance.opt_outs is not None
        else "No opt-out list is applied to this use."
    )
    return "\n".join(
        [
            f"# {job.project}: how information about you is used",
            "",
            f"**Why**: {governance.purpose}",
            "",
            f"**Whose information**: records held by {', '.join(owners)}.",
            "",
            f"**On what basis**: {'; '.join(bases)}, under {'; '.join(gateways)}. "
            f"Agreement {governance.agreement.id}.",
            "",
            f"**Who receives it**: {governance.recipient}, only the items listed in the "
            f"agreement ({', '.join(governance.permitted_columns)}), never names, addresses, "
            "NHS numbers or dates of birth. Each person is shown by a code that cannot be "
            "traced back, and the tables are checked so that no one can be picked out.",
            "",
            "**How it is protected**: an independent linkage service replaces identifying "
            "details with keyed codes before linking; the service never sees the health or care "
            "details, and those who see the details never see who they belong to. Each data "
            "owner approves every release.",
            "",
            f"**How long**: until {governance.agreement.ends.isoformat()}, then it is deleted. "
            "No permanent database is built.",
            "",
            f"**Your choices**: {optout}",
            "",
        ]
    )


def write_paperwork(job: JobConfig, out_dir: Path | str) -> dict[str, Path]:
    """Write the annex and the register entry into ``out_dir`` (atomically, created if needed).

    Returns:
        Document name -> path.

    Raises:
        GovernanceError: the job has no governance section.
        OutputError: a file cannot be written.
    """
    documents = {ANNEX_FILE: data_flow_annex(job), REGISTER_FILE: register_entry(job)}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, text in documents.items():
        with io.atomic_path(out / name, mode=0o644) as temporary:
            temporary.write_text(text, encoding="utf-8")
        written[name] = out / name
    return written
