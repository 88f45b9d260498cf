from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import polars as pl
import pytest

from safelink.errors import InputError
from safelink.governance.erasures import read_erasures
from safelink.link import link_files, read_index
from safelink.owners import erase_subject, release_id, subject_lookup
from safelink.pseudonymise.tokens_format import read_tokens
from safelink.release import recipient_key, verify
from safelink.release.pseudonyms import pseudonymise_persons
from safelink.synthetic.extracts import valid_test_nhs_numbers
from tests.owners.conftest import Linked


def _both_sources_nhs(linked: Linked) -> list[str]:
    """NHS numbers written the same in both extracts (persons linked across the sources)."""
    hospital = set(linked.extracts["hospital"]["nhs_number"].drop_nulls().str.replace_all(" ", ""))
    care = set(linked.extracts["social_care"]["nhs_no"].drop_nulls())
    return sorted(hospital & care)


def _released(bundle: Path, person_ids: list[str], recipient: str, linked: Linked) -> bool:
    pseudonyms = pseudonymise_persons(pl.Series(person_ids), recipient_key(linked.keys, recipient))
    data = pl.read_parquet(bundle / "data.parquet")["person"]
    return bool(pseudonyms.is_in(data.implode()).any())


@pytest.fixture(scope="module")
def copy(linked: Linked, tmp_path_factory: pytest.TempPathFactory) -> Linked:
    """A copy of the linked files (erasure rewrites the index), with one release made."""
    root = tmp_path_factory.mktemp("subjects") / "p"
    shutil.copytree(linked.root, root)
    moved = {
        "root": root,
        "tokens": {s: root / p.relative_to(linked.root) for s, p in linked.tokens.items()},
        "content": {s: root / p.relative_to(linked.root) for s, p in linked.content.items()},
        "links": root / linked.links.relative_to(linked.root),
        "index": root / linked.index.relative_to(linked.root),
    }
    copied = dataclasses.replace(linked, **moved)  # type: ignore[arg-type]
    copied.release(root / "releases" / "first", "demo_research")
    return copied


def _lookup(linked: Linked, nhs: str, releases: list[Path], links: Path | None = None):
    return subject_lookup(
        linked.config, nhs, keys=linked.keys, tokens=list(linked.tokens.values()),
        links=links or linked.links, index=linked.index, releases=releases,
        audit_log=linked.audit_log,
    )  # fmt: skip


def test_subject_lookup_finds_person_across_sources_and_releases(copy: Linked):
    first = copy.root / "releases" / "first"
    links = copy.links_frame()
    for nhs in _both_sources_nhs(copy):
        report = _lookup(copy, nhs, [first])
        (person,) = report.persons
        if _released(first, [person.person_id], "demo_research", copy):
            break
    else:
        pytest.fail("no person of both sources was released")
    assert dict(person.sources) == {"hospital": 1, "social_care": 1}
    assert dict(person.index_records) == {"hospital": 1, "social_care": 1}
    assert person.person_id in set(links["person_id"])
    assert [r["release_id"] for r in person.releases] == [release_id(first)]
    assert person.releases[0]["recipient"] == "demo_research"
    assert report.releases_checked == (release_id(first),)
    text = json.dumps(report.to_dict())
    assert nhs not in text and "record_id" not in text


def test_subject_lookup_unknown_and_invalid_numbers(copy: Linked):
    used = set(_both_sources_nhs(copy)) | set(copy.extracts["social_care"]["nhs_no"].drop_nulls())
    used |= set(copy.extracts["hospital"]["nhs_number"].drop_nulls().str.replace_all(" ", ""))
    unused = next(str(n) for n in valid_test_nhs_numbers() if str(n) not in used)
    report = _lookup(copy, unused, [])
    assert report.persons == () and report.to_dict()["found"] is False
    with pytest.raises(InputError, match="not valid") as caught:
        _lookup(copy, "9434765918", [])
    assert "9434765918" not in str(caught.value)


def test_subject_erasure_removes_from_index_and_next_releases(copy: Linked, tmp_path: Path):
    first = copy.root / "releases" / "first"
    for nhs in reversed(_both_sources_nhs(copy)):
        (person,) = _lookup(copy, nhs, [first]).persons
        if _released(first, [person.person_id], "demo_research", copy):
            break
    register = copy.root / "audit" / "erasures.json"
    before = read_index(copy.index)
    erased = erase_subject(
        copy.config, nhs, keys=copy.keys, tokens=list(copy.tokens.values()), links=copy.links,
        index=copy.index, erasures=register, audit_log=copy.audit_log,
    )  # fmt: skip
    assert erased.erased and [p.person_id for p in erased.persons] == [person.person_id]
    after = read_index(copy.index)
    assert person.person_id not in set(after.records["person_id"])
    assert after.records.height == before.records.height - 2
    entry = read_erasures(register).entries[0]
    assert person.person_id in entry.person_ids
    # The next release of the same links leaves the person out.
    second = copy.release(  # the register named in the config's release section
        copy.root / "releases" / "second", "demo_research",
        section={"erasures": str(register.relative_to(copy.root))},
    )  # fmt: skip
    assert not _released(second.out_dir, [person.person_id], "demo_research", copy)
    assert second.manifest["inputs"]["erasures"]["file"] == "erasures.json"
    public = (copy.root / "keys" / "test.signing.pub").read_bytes()
    assert verify(second.out_dir, public, audit_log=copy.audit_log).ok
    # The lookup lists the release before the erasure, not the one after it.
    (listed,) = _lookup(copy, nhs, [first, second.out_dir]).persons
    assert [r["release_id"] for r in listed.releases] == [release_id(first)]
    assert dict(listed.index_records) == {}
    # A later delivery linked against the index gives them a new person id: the register's
    # NHS-number token still leaves them out.
    relinked = copy.root / "relinked"
    link_files(
        list(copy.tokens.values()), copy.config, relinked, index=copy.index, erasures=register
    )
    (again,) = _lookup(copy, nhs, [], links=relinked / "links.parquet").persons
    assert again.person_id not in entry.person_ids
    # ... and is not added back to the index, which holds everyone else.
    assert dict(again.index_records) == {}
    assert read_index(copy.index).records.height == after.records.height
    third = copy.release(
        copy.root / "releases" / "third", "demo_research", erasures=register,
        links=relinked / "links.parquet",
    )  # fmt: skip
    assert not _released(third.out_dir, [again.person_id], "demo_research", copy)
    without = copy.release(
        copy.root / "releases" / "control", "demo_research", links=relinked / "links.parquet"
    )
    assert _released(without.out_dir, [again.person_id], "demo_research", copy)


def test_subject_audit_holds_no_number_token_or_person_id(copy: Linked):
    numbers = _both_sources_nhs(copy)
    nhs = numbers[len(numbers) // 2]
    report = _lookup(copy, nhs, [])
    text = copy.audit_log.read_text(encoding="utf-8")
    entry = json.loads(text.splitlines()[-1])
    assert entry["command"] == "subject"
    assert entry["arguments"] == {"erase": False, "persons_found": len(report.persons)}
    tokens = read_tokens(copy.tokens["hospital"])["nhs_number"].drop_nulls()
    assert nhs not in text
    assert report.persons[0].person_id not in text
    assert not any(t in text for t in tokens)


def test_subject_lookup_finds_per_release_pseudonyms(copy: Linked):
    bundle = copy.release(
        copy.root / "releases" / "per_release", "demo_research", scheme="per_release"
    )
    assert bundle.manifest["person_pseudonyms"]["scheme"] == "per_release"
    data = set(pl.read_parquet(bundle.out_dir / "data.parquet")["person"])
    listed = 0
    for nhs in _both_sources_nhs(copy)[:40]:
        (person,) = _lookup(copy, nhs, [bundle.out_dir]).persons
        stable = pseudonymise_persons(
            pl.Series([person.person_id]), recipient_key(copy.keys, "demo_research")
        )[0]
        assert stable not in data  # the per-release key differs from the recipient's own
        listed += bool(person.releases)
        assert all(r["release_id"] == release_id(bundle.out_dir) for r in person.releases)
    assert listed > 30  # most persons are released (disclosure control suppresses a few)
