from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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
    allowed = "allowed: audit_log, disclosure, governance, key_file"
    assert f"surprise: unknown setting; {allowed}" in joined
    assert "project: must be a non-empty string" in joined
    assert "tokens.length: must be an integer from 16 to 32" in joined
    assert "sources.a.columns.x.role: must be one of ['identifier', 'content', 'drop']" in joined
    assert "sources.a.columns.y.kind: must be one of ['nhs_number'," in joined
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


# --- the typed model: paths, sections, frozen models, unknown keys ---------------------------

LINKED = {
    **GOOD,
    "link": {
        "deduplicated": False,
        "cascade": {"match_keys": [{"name": "swapped", "columns": ["surname", {"a": "b"}]}]},
        "probabilistic": {"threshold": 0.9, "comparisons": "surname", "blocking": [["surname"]]},
        "bias": {"sex": {"hospital": "sex"}},
    },
}


def test_parse_config_problems_in_several_sections_listed_with_yaml_paths():
    bad = {
        **GOOD,
        "tokens": {"bloom": "yes"},
        "link": {
            "cascade": {"match_keys": [{"name": "k", "columns": ["x", ["y"]]}]},
            "probabilistic": {"threshold": 2, "max_blocked_pairs": 0},
            "bias": {"sex": "sex"},
        },
    }
    bad["sources"] = {
        "hospital": {**GOOD["sources"]["hospital"], "delimiter": ";;"},
        "gp": {"columns": {"nhs": {"role": "identifier", "kind": "nhs"}}},
    }
    with pytest.raises(ConfigError) as info:
        parse_config(bad)
    assert info.value.problems == [
        "sources.hospital.delimiter: must be a single character, such as ',' or '|'",
        "sources.gp.columns.nhs.kind: must be one of " + str([k.value for k in Identifier]),
        "tokens.bloom: must be true or false",
        "link.cascade.match_keys[0].columns[1]: must be a token column name or one {a: b} pair",
        "link.probabilistic.threshold: must be a number between 0 and 1",
        "link.probabilistic.max_blocked_pairs: must be an integer of at least 1",
        "link.bias.sex: must be a mapping",
    ]


def test_parse_config_link_section_typed():
    config = parse_config(LINKED)
    link = config.link
    assert link.one_record_per_person is False  # written under its old name, deduplicated
    assert link.match_keys[0].on == (("surname", "surname"), ("a", "b"))
    assert link.match_keys[0].columns == ("a", "b", "surname")
    assert link.nhs_number_partner == ("date_of_birth",) and link.cascade_enabled
    assert link.probabilistic.comparisons == ("surname",)
    assert link.probabilistic.blocking == (("surname",),)
    assert link.bias == {"sex": {"hospital": "sex"}}


def test_parse_config_one_record_per_person_per_source_and_old_name():
    per_source = {"hospital": True, "social_care": False}
    link = parse_config({**GOOD, "link": {"one_record_per_person": per_source}}).link
    assert link.one_per_person("hospital") and not link.one_per_person("social_care")
    assert link.unnamed_sources(["hospital", "gp"]) == ["gp"]
    assert link.keep_apart_different_nhs_numbers is True
    with pytest.raises(ConfigError) as both:
        parse_config({**GOOD, "link": {"deduplicated": True, "one_record_per_person": per_source}})
    assert both.value.problems == [
        "link.deduplicated: give one_record_per_person only (deduplicated is its old name)"
    ]
    with pytest.raises(ConfigError) as wrong:
        parse_config({**GOOD, "link": {"one_record_per_person": {"hospital": "yes"}}})
    assert wrong.value.problems == [
        "link.one_record_per_person: must be true or false, or {source: true|false} naming "
        "every source"
    ]


def test_parse_config_sections_kept_as_written_in_order():
    document = {
        **GOOD,
        "scan": {"sample": 10},
        "release": None,
        "disclosure": {"anything": [1, 2]},
        "link": {"probabilistic": {"comparisons": "surname"}},
    }
    sections = parse_config(document).sections
    assert list(sections) == ["link", "disclosure", "release", "scan"]
    assert sections["link"] == {"probabilistic": {"comparisons": "surname"}}
    assert sections["disclosure"] == {"anything": [1, 2]} and sections["release"] is None
    assert parse_config(GOOD).sections == {}


def test_parse_config_section_written_empty_gives_defaults():
    config = parse_config({**GOOD, "tokens": None, "link": {"cascade": None, "bias": None}})
    assert config.tokens.length == 16
    assert config.link.match_keys and config.link.bias == {}


@pytest.mark.parametrize(
    ("where", "document", "line"),
    [
        ("top", {**GOOD, "colour": 1}, "colour: unknown setting; allowed: audit_log,"),
        ("origin", {**GOOD, "origin": "x"}, "origin: unknown setting"),
        ("sections", {**GOOD, "sections": {}}, "sections: unknown setting"),
        ("tokens", {**GOOD, "tokens": {"size": 1}}, "tokens.size: unknown setting"),
        ("link", {**GOOD, "link": {"steps": 1}}, "link.steps: unknown setting"),
        (
            "cascade",
            {**GOOD, "link": {"cascade": {"on": True}}},
            "link.cascade.on: unknown setting; allowed: enabled, match_keys, nhs_number_partner",
        ),
        (
            "match key",
            {
                **GOOD,
                "link": {"cascade": {"match_keys": [{"name": "a", "columns": ["x"], "k": 1}]}},
            },
            "link.cascade.match_keys[0].k: unknown setting; allowed: columns, name",
        ),
        (
            "probabilistic",
            {**GOOD, "link": {"probabilistic": {"treshold": 0.9}}},
            "link.probabilistic.treshold: unknown setting; allowed: blocking, bloom,",
        ),
    ],
)
def test_parse_config_unknown_key_refused_at_every_level(where, document, line):
    with pytest.raises(ConfigError) as info:
        parse_config(document)
    assert any(p.startswith(line) for p in info.value.problems), (where, info.value.problems)


@pytest.mark.parametrize("level", ["source", "column"])
def test_parse_config_name_inside_settings_refused_as_unknown(level: str):
    document = {"project": "p", "sources": {"s": {"columns": {"n": {"role": "content"}}}}}
    document["sources"]["s"]["columns"]["i"] = {"role": "identifier", "kind": "nhs_number"}
    if level == "source":
        document["sources"]["s"]["name"] = "other"
        line = "sources.s.name: unknown setting; allowed: columns, delimiter, encoding, path"
    else:
        document["sources"]["s"]["columns"]["n"]["name"] = "other"
        line = "sources.s.columns.n.name: unknown setting; allowed: also_content, compare,"
    with pytest.raises(ConfigError) as info:
        parse_config(document)
    assert [p for p in info.value.problems if p.startswith(line)], info.value.problems


def test_config_models_frozen_refuse_mutation():
    import dataclasses

    config = parse_config(LINKED)
    targets = [
        (config, "project"),
        (config.source(), "path"),
        (config.source().columns[0], "role"),
        (config.tokens, "length"),
        (config.link, "one_record_per_person"),
        (config.link.cascade, "enabled"),
        (config.link.match_keys[0], "name"),
        (config.link.probabilistic, "threshold"),
    ]
    for model, field in targets:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(model, field, None)


def test_config_models_replace_builds_a_validated_copy():
    import dataclasses

    from pydantic import ValidationError

    config = parse_config(GOOD, base_dir=Path("/srv/job"))
    copy = dataclasses.replace(config, sections={"release": {"recipient": "r"}})
    assert copy.sources == config.sources and copy.key_file == Path("/srv/job/keys/demo.key")
    assert copy.sections == {"release": {"recipient": "r"}}
    faster = dataclasses.replace(config.link.probabilistic, max_blocked_pairs=10)
    assert faster.max_blocked_pairs == 10 and faster.blocking == config.link.probabilistic.blocking
    with pytest.raises(ValidationError):
        dataclasses.replace(config.tokens, length=4)


def test_parse_config_term_frequency_outside_comparisons_refused_only_when_written():
    link = {"probabilistic": {"comparisons": ["nhs_number", "date_of_birth"]}}
    assert parse_config({**GOOD, "link": link}).link.probabilistic.comparisons
    link["probabilistic"]["term_frequency"] = ["surname"]
    with pytest.raises(ConfigError) as info:
        parse_config({**GOOD, "link": link})
    assert info.value.problems == [
        "link.probabilistic.term_frequency: ['surname'] are not among the comparisons"
    ]


def test_parse_config_messages_hold_no_written_value():
    secret = "9434765919"  # a synthetic NHS number written where it does not belong
    document = {
        "project": 9434765919,
        "key_file": 9434765919,
        "tokens": {"length": secret, "derived": secret},
        "sources": {"s": {"columns": {"c": {"role": secret, "kind": secret}}, "delimiter": secret}},
        "link": {"probabilistic": {"threshold": secret, "comparisons": [secret]}},
    }
    with pytest.raises(ConfigError) as info:
        parse_config(document)
    assert len(info.value.problems) >= 8
    assert secret not in str(info.value)


def _link_section_config(tmp_path: Path) -> Path:
    path = tmp_path / "job.yaml"
    text = yaml.safe_dump({**GOOD, "link": {"probabilistic": {"threshold": 1.5}}})
    path.write_text(text, encoding="utf-8")
    return path


def test_load_config_bad_link_section_fails_at_load(tmp_path: Path):
    with pytest.raises(ConfigError) as info:
        load_config(_link_section_config(tmp_path))
    assert info.value.problems == ["link.probabilistic.threshold: must be a number between 0 and 1"]


def test_load_config_bad_release_disclosure_fails_at_load(tmp_path: Path):
    release = {"disclosure": {"profile": "tre", "quasi_identifiers": ["sex"], "colour": 1}}
    path = tmp_path / "job.yaml"
    path.write_text(yaml.safe_dump({**GOOD, "release": release}), encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        load_config(path)
    table = {"rows": ["sex"], "column": "sex"}
    release["disclosure"] = {"profile": "publication", "quasi_identifiers": ["sex"], "table": table}
    path.write_text(yaml.safe_dump({**GOOD, "release": release}), encoding="utf-8")
    with pytest.raises(ConfigError, match="record-level"):
        load_config(path)
    del release["disclosure"]
    path.write_text(yaml.safe_dump({**GOOD, "release": release}), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"release\.disclosure: required"):
        load_config(path)


def test_kept_column_named_like_a_safelink_column_is_refused_with_its_fix():
    columns = {
        "nhs": {"role": "identifier", "kind": "nhs_number"},
        "record_id": {"role": "content"},
        "person_id": {"role": "drop"},  # dropped: nothing collides
    }
    with pytest.raises(ConfigError) as info:
        parse_config({"project": "demo", "sources": {"gp": {"columns": columns}}})
    assert info.value.problems == [
        "sources.gp.columns.record_id: 'record_id' is a column safelink writes (each record's "
        "id, joining tokens and content); rename the extract's column (e.g. "
        "provider_record_id), or give it role: drop"
    ]
