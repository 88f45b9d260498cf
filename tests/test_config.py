from __future__ import annotations

from pathlib import Path

import pytest

from safelink.config import ColumnRole, load_config, parse_config
from safelink.errors import ConfigError
from safelink.identifiers import Identifier

GOOD = {
    "project": "demo",
    "key_file": "keys/demo.key",
    "sources": {
        "hospital": {
            "path": "hospital.csv",
            "columns": {
                "nhs": {"role": "identifier", "kind": "nhs_number"},
                "sex": {"role": "identifier", "kind": "sex", "also_content": True},
                "diagnosis": "content",
                "notes": {"role": "drop"},
            },
        }
    },
}


def test_parse_config_valid_document_gives_typed_config(tmp_path: Path):
    config = parse_config(GOOD, base_dir=tmp_path)
    source = config.source()
    assert source.columns[0].kind is Identifier.NHS_NUMBER
    assert source.columns[2].role is ColumnRole.CONTENT
    assert source.content == ("sex", "diagnosis")
    assert config.key_file == tmp_path / "keys/demo.key"
    assert source.path == tmp_path / "hospital.csv"


def test_parse_config_reports_every_problem_at_once():
    bad = {
        "project": "",
        "surprise": 1,
        "tokens": {"length": 4},
        "sources": {
            "a": {
                "columns": {"x": {"role": "identify"}, "y": {"role": "identifier", "kind": "shoe"}}
            }
        },
    }
    with pytest.raises(ConfigError) as info:
        parse_config(bad)
    problems = info.value.problems
    joined = " | ".join(problems)
    assert "unknown setting(s) ['surprise']" in joined
    assert "'project'" in joined
    assert "tokens.length" in joined
    assert "columns.x.role" in joined
    assert "columns.y.kind" in joined
    assert len(problems) >= 5


def test_parse_config_clashing_token_columns_refused():
    doc = {
        "project": "p",
        "sources": {
            "a": {
                "columns": {
                    "phone1": {"role": "identifier", "kind": "phone"},
                    "phone2": {"role": "identifier", "kind": "phone"},
                }
            }
        },
    }
    with pytest.raises(ConfigError, match="token_name"):
        parse_config(doc)
    doc["sources"]["a"]["columns"]["phone2"]["token_name"] = "phone_2"
    assert parse_config(doc).source().identifiers[1].token_column == "phone_2"


def test_config_source_choice_required_with_several_sources():
    doc = {
        "project": "p",
        "sources": {"a": GOOD["sources"]["hospital"], "b": GOOD["sources"]["hospital"]},
    }
    config = parse_config(doc)
    with pytest.raises(ConfigError, match="--source"):
        config.source()
    with pytest.raises(ConfigError, match="no source named"):
        config.source("c")
    assert config.source("b").name == "b"


def test_load_config_missing_file_clear_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


def test_load_config_python_tag_refused(tmp_path: Path):
    path = tmp_path / "evil.yaml"
    path.write_text("project: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ConfigError):
        load_config(path)


def test_load_config_alias_bomb_refused(tmp_path: Path):
    path = tmp_path / "bomb.yaml"
    path.write_text('a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n')
    with pytest.raises(ConfigError, match="aliases are not allowed"):
        load_config(path)


@pytest.mark.parametrize("loader", ["disclosure", "hierarchy", "surrogate"])
def test_other_yaml_loaders_alias_bomb_refused(tmp_path: Path, loader: str):
    from safelink.disclosure import load_disclosure_config
    from safelink.disclosure.hierarchies import load_table_hierarchy
    from safelink.surrogate import load_surrogate_config

    load = {
        "disclosure": load_disclosure_config,
        "hierarchy": load_table_hierarchy,
        "surrogate": load_surrogate_config,
    }[loader]
    path = tmp_path / "bomb.yaml"
    path.write_text('a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n')
    with pytest.raises(ConfigError, match="aliases are not allowed"):
        load(path)


def test_load_config_syntax_error_names_line(tmp_path: Path):
    path = tmp_path / "broken.yaml"
    path.write_text("project: p\nsources: [\n")
    with pytest.raises(ConfigError, match="line"):
        load_config(path)


def test_load_config_example_configs_are_valid():
    root = Path(__file__).resolve().parents[1] / "configs"
    checked = 0
    for path in sorted(root.glob("*.yaml")):
        document = __import__("safelink.config", fromlist=["load_yaml"]).load_yaml(path)
        if isinstance(document, dict) and "sources" in document:
            load_config(path)
            checked += 1
    assert checked >= 1
