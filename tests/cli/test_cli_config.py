"""``safelink config schema`` and a job config checked as a whole before any step runs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from safelink.config import config_schema, load_yaml

ROOT = Path(__file__).resolve().parents[2]
TOP_LEVEL = [
    "audit_log", "disclosure", "governance", "key_file", "link", "project", "release", "scan",
    "sources", "tokens",
]  # fmt: skip
_TYPES: dict[str, Any] = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
    "integer": int, "number": (int, float),
}  # fmt: skip


def schema_errors(
    value: Any, node: dict[str, Any], root: dict[str, Any], at: str = ""
) -> list[str]:
    """Where ``value`` breaks ``node``: the part of JSON Schema the job schema uses, no more."""
    if "$ref" in node:
        node = {**root["$defs"][node["$ref"].rsplit("/", 1)[-1]], **node}
        del node["$ref"]
    branches = node.get("anyOf", [])
    if branches and all(schema_errors(value, branch, root, at) for branch in branches):
        return [f"{at}: matches no alternative"]
    kinds = node.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        boolean = isinstance(value, bool)
        if not any(isinstance(value, _TYPES[k]) and (k == "boolean" or not boolean) for k in kinds):
            return [f"{at}: not {kinds}"]
    errors: list[str] = []
    if "enum" in node and value not in node["enum"]:
        errors.append(f"{at}: not in enum")
    if isinstance(value, dict):
        properties = node.get("properties", {})
        errors += [f"{at}.{k}: required" for k in node.get("required", []) if k not in value]
        extra = node.get("additionalProperties", True)
        for key, item in value.items():
            if key in properties:
                errors += schema_errors(item, properties[key], root, f"{at}.{key}")
            elif extra is False:
                errors.append(f"{at}.{key}: not allowed")
            elif isinstance(extra, dict):
                errors += schema_errors(item, extra, root, f"{at}.{key}")
        if not node.get("minProperties", 0) <= len(value) <= node.get("maxProperties", 1e9):
            errors.append(f"{at}: wrong number of entries")
    if isinstance(value, list):
        prefix = node.get("prefixItems", [])
        for index, item in enumerate(value):
            item_node = prefix[index] if index < len(prefix) else node.get("items", {})
            errors += schema_errors(item, item_node, root, f"{at}[{index}]")
        if not node.get("minItems", 0) <= len(value) <= node.get("maxItems", 1e9):
            errors.append(f"{at}: wrong number of items")
    if isinstance(value, str):
        if len(value) < node.get("minLength", 0):
            errors.append(f"{at}: too short")
        if "pattern" in node and not re.search(node["pattern"], value):
            errors.append(f"{at}: does not match the pattern")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value < node.get("minimum", value) or value > node.get("maximum", value):
            errors.append(f"{at}: out of range")
        if value <= node.get("exclusiveMinimum", value - 1) or value >= node.get(
            "exclusiveMaximum", value + 1
        ):
            errors.append(f"{at}: out of range")
    return errors


@pytest.fixture
def schema(run_cli) -> dict[str, Any]:
    result = run_cli("config", "schema")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_cli_config_schema_prints_json_schema_naming_top_level_keys(schema):
    assert schema["$schema"].endswith("2020-12/schema")
    assert sorted(schema["properties"]) == TOP_LEVEL
    assert schema["required"] == ["project", "sources"]
    assert schema["additionalProperties"] is False
    assert schema == config_schema()


@pytest.mark.parametrize("name", ["demo.yaml", "hospital.yaml"])
def test_cli_config_schema_shipped_config_validates(schema, name: str):
    assert schema_errors(load_yaml(ROOT / "configs" / name), schema, schema) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(colour="blue"), ".colour"),
        (lambda d: d["tokens"].update(length=8), ".tokens.length"),
        (lambda d: d["sources"]["hospital"]["columns"]["sex"].update(kind="gender"), ".sex"),
        (lambda d: d["sources"]["hospital"]["columns"].update(notes="keep"), ".notes"),
        (lambda d: d["link"]["probabilistic"].update(threshold=1), ".threshold"),
        (lambda d: d["link"]["cascade"]["match_keys"][0].update(on=["x"]), "match_keys[0].on"),
        (lambda d: d["link"]["cascade"]["match_keys"][0]["columns"].append({}), "columns[4]"),
    ],
)
def test_cli_config_schema_refuses_what_the_model_refuses(schema, change, where: str):
    document = load_yaml(ROOT / "configs" / "demo.yaml")
    change(document)
    errors = schema_errors(document, schema, schema)
    assert errors and all(where in e for e in errors), errors


def test_cli_config_schema_output_written_to_file(run_cli, schema, tmp_path: Path):
    out = tmp_path / "safelink-config.schema.json"
    result = run_cli("config", "schema", "--output", str(out))
    assert result.code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == schema
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def _job(tmp_path: Path, **changes: Any) -> Path:
    document = load_yaml(ROOT / "configs" / "demo.yaml")
    for source in document["sources"].values():  # absolute: this copy lives outside configs/
        source["path"] = str(ROOT / "configs" / source["path"])
    document.update(key_file=str(tmp_path / "keys" / "demo.key"), **changes)
    for key, value in {"links": "links.parquet", "content": "pseudonymised"}.items():
        document["release"][key] = str(tmp_path / value)
    document["release"]["signing_key"] = str(tmp_path / "keys" / "s.key")
    document["release"]["audit_log"] = str(tmp_path / "audit.jsonl")
    path = tmp_path / "job.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def test_cli_run_bad_link_section_exit_2_before_any_step(run_cli, tmp_path: Path):
    link = load_yaml(ROOT / "configs" / "demo.yaml")["link"]
    link["probabilistic"]["blocking"].append(["forename_nysiis", "surname_nysiis"])
    link["cascade"]["enabled"] = "yes"
    config = _job(tmp_path, link=link)
    work = tmp_path / "work"
    result = run_cli("run", str(config), "-o", str(work), env={"SAFELINK_PASSPHRASE": "x" * 20})
    assert result.code == 2
    assert "link.cascade.enabled: must be true or false" in result.stderr
    assert not work.exists() and not (tmp_path / "audit.jsonl").exists()


def test_cli_run_bad_release_disclosure_exit_2_before_any_step(run_cli, tmp_path: Path):
    release = load_yaml(ROOT / "configs" / "demo.yaml")["release"]
    release["disclosure"]["transformations"] = "suppress"
    config = _job(tmp_path, release=release)
    work = tmp_path / "work"
    result = run_cli("run", str(config), "-o", str(work), env={"SAFELINK_PASSPHRASE": "x" * 20})
    assert result.code == 2 and "transformations" in result.stderr
    assert not work.exists()


def test_cli_pseudonymise_bad_link_section_exit_2_writes_nothing(run_cli, tmp_path: Path):
    link = {"probabilistic": {"max_training_records": 10}}
    config = _job(tmp_path, link=link)
    extract = tmp_path / "hospital.csv"
    extract.write_text("nhs_number,surname\n9434765919,Okafor\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(
        "pseudonymise", str(extract), "--config",
        str(config), "--source", "hospital", "-o", str(out),
        env={"SAFELINK_PASSPHRASE": "x" * 20},
    )  # fmt: skip
    assert result.code == 2
    assert "link.probabilistic.max_training_records: must be an integer of at least 1000" in (
        result.stderr
    )
    assert not out.exists()
