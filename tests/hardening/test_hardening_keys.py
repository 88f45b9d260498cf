"""Key files under attack (issue 15, items 3, 5, 9 and 11).

* a key file of another project is refused where a config (or ``--project``) names the project,
  and two projects' tokens are unrelated even under the same master secret;
* key-file KDF parameters are checked before anything is derived from them, and an edited
  header is called altered, not a wrong passphrase;
* key files that are links out of their directory, and key directories writable by group or
  others, are refused.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from safelink.errors import (
    KeyFilePermissions,
    KeyFileTampered,
    KeyringError,
    WrongPassphrase,
    WrongProject,
)
from safelink.keys import (
    MAX_SCRYPT_N,
    Keyring,
    SigningKey,
    _keyfile,
    key_id_for,
    list_key_files,
    read_versions,
    require_project,
)
from tests.conftest import TEST_PASSPHRASE

ENV = {"SAFELINK_PASSPHRASE": TEST_PASSPHRASE}
CONFIG = (
    "project: {project}\nkey_file: keys/p.key\nsources:\n  s:\n    columns:\n"
    "      nhs: {{role: identifier, kind: nhs_number}}\n      v: {{role: content}}\n"
)


def _edit_header(path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    """Change the public header of a key file in place, as someone with write access could."""
    document = json.loads(path.read_text())
    header = json.loads(document["header"])
    edit(header)
    document["header"] = json.dumps(header, sort_keys=True, separators=(",", ":"))
    path.write_text(json.dumps(document))


def _private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True)
    return path


class _NoDerivation:
    """Stands in for scrypt: any derivation is a test failure."""

    def __init__(self, **kwargs: object) -> None:
        raise AssertionError("scrypt was run on parameters that should have been refused")


# -- item 3: a key file of another project --------------------------------------------------


def test_require_project_other_project_raises_wrong_project_naming_both(keyring: Keyring):
    require_project(keyring, "test")  # its own project passes
    with pytest.raises(WrongProject) as info:
        require_project(keyring, "renal-audit")
    message = str(info.value)
    assert "'test'" in message and "'renal-audit'" in message
    assert isinstance(info.value, KeyringError)


def test_require_project_signing_and_provider_keys_checked_too(keyring: Keyring, tmp_path: Path):
    signing = SigningKey.create(
        keyring.path.parent / "test.signing.key",
        project="test",
        passphrase=TEST_PASSPHRASE,
        scrypt_n=2**14,
    )
    export = keyring.export_namespace(
        keyring.path.parent / "council.key", provider="council", passphrase=TEST_PASSPHRASE
    )
    for key in (signing, export):
        require_project(key, "test")
        with pytest.raises(WrongProject, match="'other'"):
            require_project(key, "other")


def test_cli_pseudonymise_key_of_other_project_refused_exit_2(run_cli, tmp_path: Path):
    keys = _private_dir(tmp_path / "keys")
    Keyring.create(keys / "p.key", project="other", passphrase=TEST_PASSPHRASE, scrypt_n=2**14)
    config = tmp_path / "job.yaml"
    config.write_text(CONFIG.format(project="p"))
    extract = tmp_path / "s.csv"
    extract.write_text("nhs,v\n9990000018,a\n")
    out = tmp_path / "out"
    result = run_cli("pseudonymise", str(extract), "--config", str(config), "-o", str(out), env=ENV)
    assert result.code == 2, result.stderr
    assert "'other'" in result.stderr and "'p'" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_cli_keys_rotate_file_of_other_project_refused(run_cli, tmp_path: Path):
    keys = _private_dir(tmp_path / "keys")
    ring = Keyring.create(
        keys / "p.key", project="other", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
    )
    result = run_cli("keys", "rotate", "--project", "p", "--keys-dir", str(keys), env=ENV)
    assert result.code == 2 and "'other'" in result.stderr and "'p'" in result.stderr
    assert len(read_versions(ring.path)) == 1


_PROJECT_NAMES = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=24)


def _ring_with_master(master: bytes, project: str) -> Keyring:
    """A keyring over a chosen master (never written): isolates the project's part in HKDF."""
    version = {"version": 1, "key_id": key_id_for(master), "created": "", "status": "active"}
    return Keyring(Path("unused.key"), {"project": project, "versions": [version]}, {1: master})


@settings(max_examples=50, deadline=None)
@given(
    master=st.binary(min_size=32, max_size=32),
    project_a=_PROJECT_NAMES,
    project_b=_PROJECT_NAMES,
    value=st.text(min_size=1, max_size=30),
)
def test_tokens_same_master_other_project_never_equal_property(
    master: bytes, project_a: str, project_b: str, value: str
):
    assume(project_a != project_b)
    a, b = _ring_with_master(master, project_a), _ring_with_master(master, project_b)
    for namespace in ("link", "release", "surrogate", "audit"):
        assert a.namespace_key(namespace).key_id != b.namespace_key(namespace).key_id
    values = pa.array([value])
    token_a = a.subkey("link:nhs_number").tokens(values).to_pylist()
    token_b = b.subkey("link:nhs_number").tokens(values).to_pylist()
    assert token_a != token_b


def test_tokens_two_created_projects_differ(tmp_path: Path):
    keys = _private_dir(tmp_path / "keys")
    rings = [
        Keyring.create(keys / f"{p}.key", project=p, passphrase=TEST_PASSPHRASE, scrypt_n=2**14)
        for p in ("alpha", "beta")
    ]
    values = pa.array(["9434765919", "SMITH"])
    tokens = [r.subkey("link:nhs_number").tokens(values).to_pylist() for r in rings]
    assert not set(tokens[0]) & set(tokens[1])


# -- item 5: KDF parameters are checked before they are used --------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("n", 2**24),
        ("n", 2**30),
        ("n", -1),
        ("n", 0),
        ("n", 3 * 2**14),
        ("n", 2**13),
        ("n", True),
        ("n", "16384"),
        ("n", 16384.0),
        ("r", 1),
        ("r", 2**20),
        ("p", 16),
        ("name", "pbkdf2"),
        ("salt", "AAAA"),
    ],
)
def test_keyring_open_kdf_field_not_written_by_safelink_refused_before_deriving(
    keyring: Keyring, monkeypatch: pytest.MonkeyPatch, field: str, value: object
):
    _edit_header(keyring.path, lambda header: header["kdf"].__setitem__(field, value))
    monkeypatch.setattr(_keyfile, "Scrypt", _NoDerivation)
    with pytest.raises(KeyFileTampered) as info:
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)
    assert "altered" in str(info.value) and "wrong passphrase" not in str(info.value)


@pytest.mark.parametrize("n", ["1073741824", "-1", "16777216"])
def test_cli_kdf_cost_edited_out_of_range_exit_2_altered_not_internal_error(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: str
):
    keys = _private_dir(tmp_path / "keys")
    Keyring.create(keys / "p.key", project="p", passphrase=TEST_PASSPHRASE, scrypt_n=2**14)
    _edit_header(keys / "p.key", lambda header: header["kdf"].__setitem__("n", int(n)))
    monkeypatch.setattr(_keyfile, "Scrypt", _NoDerivation)
    result = run_cli("keys", "rotate", "--project", "p", "--keys-dir", str(keys), env=ENV)
    assert result.code == 2, result.stderr
    assert "altered" in result.stderr and "internal error" not in result.stderr


def test_keyring_open_cost_edited_within_range_message_names_alteration(keyring: Keyring):
    _edit_header(keyring.path, lambda header: header["kdf"].__setitem__("n", 2**15))
    with pytest.raises(WrongPassphrase) as info:
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)
    assert "wrong passphrase" in str(info.value) and "altered" in str(info.value)


@pytest.mark.parametrize(
    "edit",
    [
        lambda h: h.__setitem__("project", "other"),
        lambda h: h.__setitem__("created", "2001-01-01T00:00:00+00:00"),
        lambda h: h["versions"][0].__setitem__("created", "2001-01-01T00:00:00+00:00"),
        lambda h: h.__setitem__("purpose", "namespace:link"),
    ],
    ids=["project", "created", "version-created", "purpose"],
)
def test_keyring_open_header_field_edited_says_altered_not_wrong_passphrase(
    keyring: Keyring, edit: Callable[[dict[str, Any]], None]
):
    _edit_header(keyring.path, edit)
    with pytest.raises(KeyFileTampered) as info:
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)
    assert "altered" in str(info.value) and "wrong passphrase" not in str(info.value)


@pytest.mark.parametrize(
    "edit",
    [
        lambda h: h["versions"][0].__setitem__("extra", 1),
        lambda h: h["versions"][0].__setitem__("version", "1"),
        lambda h: h["versions"][0].__setitem__("status", "retired"),
        lambda h: h.__setitem__("versions", []),
        lambda h: h.__setitem__("versions", {}),
    ],
    ids=["extra-field", "text-version", "no-active", "empty", "not-a-list"],
)
def test_read_versions_malformed_version_list_raises_tampered(
    keyring: Keyring, edit: Callable[[dict[str, Any]], None]
):
    _edit_header(keyring.path, edit)
    with pytest.raises(KeyFileTampered, match="altered"):
        read_versions(keyring.path)


def test_keyring_create_cost_above_bound_refused_before_deriving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(_keyfile, "Scrypt", _NoDerivation)
    with pytest.raises(KeyringError, match="power of two from"):
        Keyring.create(
            tmp_path / "p.key", project="p", passphrase=TEST_PASSPHRASE, scrypt_n=2 * MAX_SCRYPT_N
        )
    assert not (tmp_path / "p.key").exists()


def test_keyring_open_oversized_file_refused_unread(keyring: Keyring):
    with keyring.path.open("a") as handle:
        handle.write(" " * (_keyfile._MAX_KEY_FILE_BYTES + 1))
    with pytest.raises(KeyFileTampered, match="too large"):
        Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)


# -- item 9: one bad file does not hide the others ------------------------------------------


def test_list_key_files_bad_file_listed_with_problem_beside_good_ones(keyring: Keyring):
    directory = keyring.path.parent
    bad = directory / "a-broken.key"
    bad.write_text("not json at all")
    bad.chmod(0o600)
    open_to_others = directory / "b-open.key"
    open_to_others.write_bytes(keyring.path.read_bytes())
    open_to_others.chmod(0o644)
    entries = {entry.path.name: entry for entry in list_key_files(directory)}
    assert set(entries) == {"a-broken.key", "b-open.key", "test.key"}
    assert entries["test.key"].problem is None and entries["test.key"].project == "test"
    assert entries["test.key"].versions[0].key_id == keyring.key_id
    assert "altered" in (entries["a-broken.key"].problem or "")
    assert "chmod 600" in (entries["b-open.key"].problem or "")
    assert entries["a-broken.key"].to_dict()["versions"] == []


# -- item 11: links out of the key directory, open key directories --------------------------


def test_keyring_open_symlink_out_of_key_directory_refused_without_chmod_hint(tmp_path: Path):
    keys = _private_dir(tmp_path / "keys")
    elsewhere = _private_dir(tmp_path / "elsewhere")
    real = Keyring.create(
        elsewhere / "real.key", project="p", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
    )
    real.path.chmod(0o644)  # the case: the old message told the user to chmod this
    (keys / "p.key").symlink_to(real.path)
    for mode in (0o644, 0o600):
        real.path.chmod(mode)
        with pytest.raises(KeyringError) as info:
            Keyring.open(keys / "p.key", passphrase=TEST_PASSPHRASE)
        message = str(info.value)
        assert not isinstance(info.value, KeyFilePermissions)
        assert "symbolic link" in message and "outside" in message
        assert "chmod" not in message and "elsewhere" not in message


def test_keyring_open_symlink_within_key_directory_accepted_and_rotated_in_place(
    keyring: Keyring,
):
    link = keyring.path.parent / "current.key"
    link.symlink_to(keyring.path.name)
    ring = Keyring.open(link, passphrase=TEST_PASSPHRASE)
    assert ring.key_id == keyring.key_id
    ring.rotate(passphrase=TEST_PASSPHRASE)
    assert link.is_symlink()
    assert len(read_versions(keyring.path)) == 2


@pytest.mark.parametrize("mode", [0o770, 0o720, 0o702, 0o1777], ids=oct)
def test_keyring_open_key_directory_writable_by_others_refused(keyring: Keyring, mode: int):
    directory = keyring.path.parent
    directory.chmod(mode)
    try:
        with pytest.raises(KeyFilePermissions) as info:
            Keyring.open(keyring.path, passphrase=TEST_PASSPHRASE)
    finally:
        directory.chmod(0o700)
    assert "key directory" in str(info.value) and "chmod 700" in str(info.value)


def test_keyring_create_in_group_writable_directory_refused(tmp_path: Path):
    keys = tmp_path / "keys"
    keys.mkdir()
    keys.chmod(0o775)
    with pytest.raises(KeyFilePermissions, match="chmod 700"):
        Keyring.create(keys / "p.key", project="p", passphrase=TEST_PASSPHRASE, scrypt_n=2**14)
    assert not os.listdir(keys)


def test_export_namespace_existing_destination_refused_unless_forced(keyring: Keyring):
    destination = keyring.path.parent / "council.key"
    destination.write_text("someone else's file")
    with pytest.raises(KeyringError, match="already exists"):
        keyring.export_namespace(destination, provider="council", passphrase=TEST_PASSPHRASE)
    assert destination.read_text() == "someone else's file"
    exported = keyring.export_namespace(
        destination, provider="council", passphrase=TEST_PASSPHRASE, force=True
    )
    assert exported.namespace_key("link").key_id == keyring.namespace_key("link").key_id


def test_python_api_pseudonymise_key_of_other_project_raises_wrong_project(
    tmp_path: Path, keyring: Keyring
) -> None:
    import polars as pl

    from safelink.config import parse_config
    from safelink.pseudonymise import pseudonymise, pseudonymise_file

    nhs = {"role": "identifier", "kind": "nhs_number"}
    document = {"project": "p", "sources": {"s": {"columns": {"nhs": nhs}}}}
    frame = pl.DataFrame({"nhs": ["9990000018"]})
    with pytest.raises(WrongProject, match=r"'test'.*'p'"):
        pseudonymise(frame, parse_config(document), keyring)
    extract = tmp_path / "e.csv"
    frame.write_csv(extract)
    with pytest.raises(WrongProject):
        pseudonymise_file(extract, parse_config(document), keyring, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    same = parse_config({**document, "project": "test"})
    assert pseudonymise(frame, same, keyring).tokens.height == 1


def test_python_api_release_keys_of_other_project_raise_wrong_project(tmp_path: Path) -> None:
    from safelink.release import release

    keys_dir = _private_dir(tmp_path / "keys")
    ring = Keyring.create(
        keys_dir / "a.key", project="a", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
    )
    signer = SigningKey.create(
        keys_dir / "b.signing.key", project="b", passphrase=TEST_PASSPHRASE, scrypt_n=2**14
    )
    config = tmp_path / "job.yaml"
    config.write_text(CONFIG.format(project="a"))
    with pytest.raises(WrongProject, match=r"'b'.*'a'"):
        release(config, tmp_path / "release", keys=ring, signing_key=signer)
    assert not (tmp_path / "release").exists()
