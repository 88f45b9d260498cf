from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import polars as pl
import pytest

from safelink.errors import ConfigError, GovernanceError, LinkageError, SafelinkError
from safelink.infra.audit import read_audit_entries
from safelink.owners import ReturnRequest, return_file
from safelink.owners.agreement import GovernedReturn
from safelink.pseudonymise import RECORD_ID
from safelink.pseudonymise.tokens_format import read_tokens
from tests.owners.conftest import Linked

SOCIAL_CARE_VALUES = ("case_id", "nhs_no", "first_name", "last_name", "dob", "postcode")


def _hospital_return(linked: Linked, out: Path, flags: list[str], **kw: object):
    arguments: dict[str, object] = {
        "links": linked.links,
        "content": [linked.root / "pseudonymised"],
        "record_key": "hospital_ref",
        "flags": flags,
        "audit_log": linked.audit_log,
    }
    return return_file(linked.config, "hospital", out, **{**arguments, **kw})  # type: ignore[arg-type]


def _partners(linked: Linked, where: pl.Expr | None = None) -> set[str]:
    """Hospital refs whose person has a (matching) social-care record, by plain set logic."""
    links = linked.links_frame()
    care = linked.content_frame("social_care").join(links, on=RECORD_ID)
    if where is not None:
        care = care.filter(where)
    persons = set(care["person_id"].to_list())
    hospital = linked.content_frame("hospital").join(links, on=RECORD_ID)
    return {
        ref
        for ref, person in zip(hospital["hospital_ref"], hospital["person_id"], strict=True)
        if person in persons
    }


def test_return_holds_only_owners_records_and_agreed_columns(linked: Linked, tmp_path: Path):
    out = tmp_path / "hospital.return.csv"
    result = _hospital_return(
        linked,
        out,
        ["known=linked(social_care)"],
        columns=["admission_date"],
    )
    returned = pl.read_csv(out, infer_schema=False)
    assert returned.columns == ["hospital_ref", "admission_date", "known"]
    assert result.columns == ("hospital_ref", "admission_date", "known")
    hospital = linked.extracts["hospital"]
    assert returned.height == hospital.height
    assert set(returned["hospital_ref"]) == set(hospital["hospital_ref"])
    known = set(returned.filter(pl.col("known") == "true")["hospital_ref"])
    assert known == _partners(linked)
    assert 0 < len(known) < returned.height


def test_return_flag_over_partner_content_and_own_columns(linked: Linked, tmp_path: Path):
    out = tmp_path / "r.parquet"
    _hospital_return(
        linked,
        out,
        [
            "home_care=linked(social_care where care_package == 'Home care')",
            "older_home_care=age_on_admission >= 65 and linked(social_care where "
            "care_package == 'Home care')",
        ],
    )
    returned = pl.read_parquet(out)
    home = _partners(linked, pl.col("care_package") == "Home care")
    assert set(returned.filter("home_care")["hospital_ref"]) == home
    hospital = linked.extracts["hospital"]
    older = set(hospital.filter(pl.col("age_on_admission") >= 65)["hospital_ref"])
    assert set(returned.filter("older_home_care")["hospital_ref"]) == home & older
    assert home - older  # the own-column condition changed something


def test_return_linked_to_own_source_excludes_the_record_itself(linked: Linked, tmp_path: Path):
    out = tmp_path / "dup.parquet"
    return_file(
        linked.config, "social_care", out, links=linked.links,
        content=linked.content, record_key="case_id", flags=["duplicate=linked(social_care)"],
        audit_log=linked.audit_log,
    )  # fmt: skip
    returned = pl.read_parquet(out)
    links = linked.links_frame().filter(pl.col("source") == "social_care")
    shared = links.group_by("person_id").len().filter(pl.col("len") > 1)
    expected = links.filter(pl.col("person_id").is_in(shared["person_id"].implode())).height
    assert int(returned["duplicate"].sum()) == expected


def test_return_contains_no_value_of_another_source(linked: Linked, tmp_path: Path):
    # Planted-value search: every identifying value of the social-care extract, every
    # NHS number of both extracts, every record and person id and every token.
    out = tmp_path / "hospital.return.csv"
    result = _hospital_return(
        linked,
        out,
        ["known=linked(social_care where care_package == 'Home care')"],
        columns=["diagnosis"],
    )
    data = out.read_bytes().decode("utf-8") + json.dumps(result.summary)
    care = linked.extracts["social_care"]
    planted: set[str] = set()
    for column in SOCIAL_CARE_VALUES:
        planted |= {str(v) for v in care[column].drop_nulls() if len(str(v)) >= 6}
    planted |= {str(v) for v in linked.extracts["hospital"]["nhs_number"].drop_nulls()}
    links = linked.links_frame()
    planted |= set(links[RECORD_ID]) | set(links["person_id"])
    tokens = read_tokens(linked.tokens["social_care"])
    planted |= {v for c in ("nhs_number", "date_of_birth") for v in tokens[c].drop_nulls()}
    assert len(planted) > 1_000
    assert [v for v in planted if v in data] == []


def test_return_summary_suppresses_small_counts(linked: Linked, tmp_path: Path):
    first = linked.extracts["hospital"]["hospital_ref"][0]
    result = _hospital_return(
        linked, tmp_path / "r.csv", [f"one=hospital_ref == '{first}'"], threshold=10
    )
    assert result.summary["flags"]["one"] == {"yes": "<10", "no": "suppressed"}
    assert result.summary["records"] == linked.extracts["hospital"].height
    tiny = _hospital_return(
        linked, tmp_path / "s.csv", ["none=hospital_ref is missing"], threshold=10_000
    )
    assert tiny.summary["records"] == "<10000"


def test_return_is_audited_with_flags_and_output_hash(linked: Linked, tmp_path: Path):
    out = tmp_path / "audited.csv"
    result = _hospital_return(linked, out, ["known=linked(social_care)"])
    entry = read_audit_entries(linked.audit_log)[-1]
    assert entry is not None and entry["command"] == "return" and entry["outcome"] == "ok"
    assert entry["arguments"]["flags"] == {
        "known": {
            "shape": "linked(social_care)",
            "sha256": hashlib.sha256(b"linked(social_care)").hexdigest(),
        }
    }
    assert entry["arguments"]["source"] == "hospital"
    assert entry["outputs"] == {"audited.csv": result.sha256}
    assert {"links.parquet", "hospital.content.parquet", "social_care.content.parquet"} <= set(
        entry["inputs"]
    )


class _Refusing:
    name = "DSA-2026-001"

    def __init__(self) -> None:
        self.seen: list[ReturnRequest] = []

    def check(self, request: ReturnRequest) -> None:
        self.seen.append(request)
        raise ConfigError(["the agreement does not cover flag 'known'"], self.name)


def test_return_agreement_refusal_writes_nothing_and_is_audited(linked: Linked, tmp_path: Path):
    agreement = _Refusing()
    out = tmp_path / "refused.csv"
    with pytest.raises(ConfigError, match="does not cover"):
        _hospital_return(linked, out, ["known=linked(social_care)"], agreement=agreement)
    assert not out.exists()
    (request,) = agreement.seen
    assert request.source == "hospital" and request.columns == ("hospital_ref",)
    assert dict(request.flags) == {"known": "linked(social_care)"}
    entry = read_audit_entries(linked.audit_log)[-1]
    assert entry is not None and entry["outcome"] == "failed: ConfigError"
    assert entry["arguments"]["agreement"] == "DSA-2026-001"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"record_key": "nhs_number"}, "not content column(s) of source 'hospital'"),
        ({"flags": ["x=linked(benefits)"]}, "no content file for source(s) ['benefits']"),
        ({"flags": ["x=linked(social_care where diagnosis == 'x')"]}, "not a content column"),
        ({"threshold": 0}, "threshold must be a whole number of 1 or more"),
        ({"out": "r.txt"}, "must be a file ending .csv or .parquet"),
        ({"source": "gp"}, "unknown source 'gp'"),
    ],
)
def test_return_bad_request_refused_before_any_output(
    linked: Linked, tmp_path: Path, changes: dict[str, object], message: str
):
    arguments: dict[str, object] = {
        "source": "hospital", "out": tmp_path / "r.csv", "links": linked.links,
        "content": [linked.root / "pseudonymised"], "record_key": "hospital_ref",
        "flags": ["known=linked(social_care)"], "audit_log": linked.audit_log,
    }  # fmt: skip
    arguments.update(changes)
    if isinstance(arguments["out"], str):
        arguments["out"] = tmp_path / str(arguments["out"])
    with pytest.raises(ConfigError, match=re.escape(message)):
        return_file(linked.config, **arguments)  # type: ignore[arg-type]
    assert not (tmp_path / "r.csv").exists()


def test_return_without_audit_log_refused(linked: Linked, tmp_path: Path):
    with pytest.raises(ConfigError, match="every return to a data owner is audited"):
        return_file(
            dataclasses.replace(linked.config, audit_log=None),
            "hospital", tmp_path / "r.csv", links=linked.links, content=linked.content,
            record_key="hospital_ref",
        )  # fmt: skip


def test_return_content_of_another_run_refused(linked: Linked, tmp_path: Path):
    other = tmp_path / "hospital.content.parquet"
    linked.content_frame("hospital").with_columns(pl.lit("0" * 32).alias(RECORD_ID)).write_parquet(
        other
    )
    with pytest.raises(LinkageError, match="different runs"):
        _hospital_return(linked, tmp_path / "r.csv", [], content={"hospital": other})


def test_return_errors_are_safelink_errors(linked: Linked, tmp_path: Path):
    with pytest.raises(SafelinkError):
        _hospital_return(linked, tmp_path / "r.csv", ["bad=age >"])


def test_return_audit_keeps_no_literal_of_a_flag(linked: Linked, tmp_path: Path):
    first = linked.extracts["hospital"]["hospital_ref"][0]
    _hospital_return(
        linked, tmp_path / "r.csv",
        [f"one=hospital_ref == '{first}' or linked(social_care where age in (70, 71))"],
    )  # fmt: skip
    entry = read_audit_entries(linked.audit_log)[-1]
    assert entry is not None
    assert entry["arguments"]["flags"]["one"]["shape"] == (
        "hospital_ref == ? or linked(social_care where age in (?, ?))"
    )
    assert first not in linked.audit_log.read_text(encoding="utf-8")


def test_return_runs_under_the_jobs_agreement_and_not_after_it_ends(linked: Linked, tmp_path: Path):
    # The demo job's governance covers returns by default: its agreement is recorded ...
    assert linked.config.governance is not None
    _hospital_return(linked, tmp_path / "covered.csv", ["known=linked(social_care)"])
    entry = read_audit_entries(linked.audit_log)[-1]
    assert entry is not None and entry["arguments"]["agreement"] == "DSA-DEMO-0001"
    # ... and once it has ended, nothing leaves.
    agreement = dataclasses.replace(linked.config.governance.agreement, ends=dt.date(2020, 1, 1))
    ended = dataclasses.replace(
        linked.config,
        governance=dataclasses.replace(linked.config.governance, agreement=agreement),
    )
    out = tmp_path / "ended.csv"
    with pytest.raises(GovernanceError, match="return refused: data sharing agreement"):
        return_file(ended, "hospital", out, links=linked.links,
                    content=[linked.root / "pseudonymised"], record_key="hospital_ref",
                    audit_log=linked.audit_log)  # fmt: skip
    assert not out.exists()
    # A source the agreement does not name is refused too (the job's own config cannot say
    # so: every job source needs governance; an agreement object made elsewhere can).
    sources = {"social_care": linked.config.governance.sources["social_care"]}
    narrow = GovernedReturn(
        dataclasses.replace(linked.config.governance, sources=sources), "job.yaml"
    )
    with pytest.raises(GovernanceError, match="does not cover source 'hospital'"):
        _hospital_return(linked, out, ["known=linked(social_care)"], agreement=narrow)
    assert not out.exists()
