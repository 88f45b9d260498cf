"""The typed disclosure, release and surrogate configs: every problem at once, by YAML path."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from safelink.config import config_schema, parse_config
from safelink.disclosure import builtin_profile, parse_disclosure_config
from safelink.errors import ConfigError
from safelink.release.settings import release_settings
from safelink.surrogate import parse_surrogate_config

#: A value planted in bad settings: it must never appear in a message.
PLANTED = "Quillfeatherby-4857773456"

DISCLOSURE: dict[str, Any] = {
    "profile": {"name": "tre", "k": 5, "small_numbers": {"low": 1}},
    "quasi_identifiers": ["age", "sex"],
    "sensitive": ["diagnosis"],
    "person": "person_id",
    "transformations": [{"generalise": "age", "to": "age_band", "width": 10}],
    "population": {"path": "population.csv", "count": "count"},
    "search": {"metric": "entropy"},
    "ordered": {"diagnosis": ["a", "b"]},
}
JOB: dict[str, Any] = {
    "project": "demo",
    "sources": {
        "hospital": {
            "columns": {
                "nhs": {"role": "identifier", "kind": "nhs_number"},
                "sex": "content",
                "diagnosis": "content",
            }
        }
    },
}
SURROGATE: dict[str, Any] = {
    "key_file": "keys/demo.key",
    "surrogate": {
        "columns": {"surname": {"kind": "surname"}},
        "dates": {"person": "person_id", "columns": ["admitted"]},
    },
}


def _problems(parse: Any, document: Any) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse(document)
    assert not any(PLANTED in problem for problem in info.value.problems)
    return info.value.problems


def _release(section: Any) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_config({**JOB, "release": section})
    assert not any(PLANTED in problem for problem in info.value.problems)
    return info.value


def _with(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A deep copy of ``document`` with ``value`` set at ``path``."""
    copy = _copy(document)
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def test_parse_disclosure_config_valid_document_gives_typed_models() -> None:
    config = parse_disclosure_config(DISCLOSURE)
    assert config.profile.k == 5 and config.profile.max_suppression == 0.05
    assert config.profile.small_numbers.low == 1
    assert config.transformations[0].width == 10  # type: ignore[union-attr]
    assert config.population is not None and config.population.count == "count"
    assert config.search is not None and config.search.metric == "entropy"
    assert config.ordered == {"diagnosis": ("a", "b")}


def test_parse_disclosure_config_problems_across_sections_all_listed_by_path() -> None:
    bad = _copy(DISCLOSURE)
    bad["profile"] = {"name": "tre", "k": PLANTED, "l_kind": PLANTED}
    bad["missing"] = PLANTED
    bad["reference_date"] = PLANTED
    bad["transformations"].append({"coarsen": "admitted", "to": PLANTED})
    bad["population"] = {"count": "count"}
    bad["table"] = {"rows": [], "column": "sex"}
    bad["search"] = {"metric": PLANTED, "max_suppression": 2}
    bad["ordered"] = {"diagnosis": [True]}
    problems = _problems(parse_disclosure_config, bad)
    named = [p.split(": ")[0] for p in problems]
    assert named == [
        "profile.k",
        "profile.l_kind",
        "missing",
        "reference_date",
        "transformations[1] (coarsen).to",
        "population.path",
        "table.rows",
        "ordered.diagnosis[0]",
        "search.max_suppression",
        "search.metric",
    ]
    assert "profile.k: must be an integer of at least 2" in problems


@pytest.mark.parametrize(
    "path",
    [
        (),
        ("profile",),
        ("profile", "small_numbers"),
        ("transformations", 0),
        ("population",),
        ("search",),
    ],
    ids=lambda p: ".".join(map(str, p)) or "top",
)
def test_parse_disclosure_config_unknown_key_at_any_level_refused(
    path: tuple[str | int, ...],
) -> None:
    problems = _problems(parse_disclosure_config, _with(DISCLOSURE, (*path, "colour"), PLANTED))
    assert len(problems) == 1
    assert "colour: unknown setting; allowed: " in problems[0]


def test_parse_disclosure_config_unknown_key_in_table_refused() -> None:
    document = {**DISCLOSURE, "profile": "publication", "table": {"rows": ["age"], "column": "sex"}}
    problems = _problems(parse_disclosure_config, _with(document, ("table", "colour"), 1))
    assert problems == ["table.colour: unknown setting; allowed: cells, column, rows"]


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ({"generalise": "age", "to": "age_band", "width": 0}, "[1] (generalise).width"),
        ({"top_code": "age", "threshold": PLANTED}, "[1] (top_code).threshold"),
        ({"suppress": 1}, "[1] (suppress).suppress"),
        ({"surrogate": "diagnosis", "kind": PLANTED}, "[1] (surrogate).kind"),
        ({"shift_dates": [], "person": "person_id"}, "[1] (shift_dates).shift_dates"),
        ({"coarsen": "admitted"}, "[1] (coarsen).to: required"),
        ({"generalise": "age", "coarsen": "age"}, "[1]: each step needs exactly one of"),
        ({"to": "year"}, "[1]: each step needs exactly one of"),
        (PLANTED, "[1]: each step needs exactly one of"),
    ],
)
def test_parse_disclosure_config_bad_step_named_by_index_and_kind(step: Any, expected: str) -> None:
    document = _with(DISCLOSURE, ("transformations",), [DISCLOSURE["transformations"][0], step])
    problems = _problems(parse_disclosure_config, document)
    assert len(problems) == 1 and problems[0].startswith(f"transformations{expected}")


def test_parse_disclosure_config_profile_by_name_with_overrides() -> None:
    config = parse_disclosure_config({**DISCLOSURE, "profile": {"name": "tre", "k": 10}})
    assert config.profile.k == 10
    assert config.profile.max_suppression == builtin_profile("tre").max_suppression
    tables = {"profile": "publication", "quasi_identifiers": ["age"]}
    assert _problems(parse_disclosure_config, tables) == [
        "table: a tables profile needs the rows and a column to tabulate"
    ]


def test_release_section_problems_all_listed_by_path() -> None:
    error = _release(
        {
            "recipient": PLANTED + "!",
            "links": 5,
            "content": {"nowhere": "x.parquet"},
            "columns": {
                "person": {"hospital": "sex"},
                "sex": {"hospital": PLANTED},
                "age": {"hospital": "diagnosis", "normalise": PLANTED},
            },
            "disclosure": {"profile": {"name": "tre", "k": 1}, "quasi_identifiers": ["sex"]},
            "scan_sample": 5,
        }
    )
    named = [p.split(": ")[0] for p in error.problems]
    assert named == [
        "release.recipient",
        "release.links",
        "release.content.nowhere",
        "release.columns.person",
        "release.columns.sex.hospital",
        "release.columns.age.normalise",
        "release.disclosure.profile.k",
        "release.scan_sample",
    ]


@pytest.mark.parametrize(
    "path",
    [("colour",), ("disclosure", "colour"), ("disclosure", "profile", "colour")],
    ids=lambda p: ".".join(p),
)
def test_release_section_unknown_key_at_any_level_refused(path: tuple[str, ...]) -> None:
    section = {"disclosure": {"profile": {"name": "tre"}, "quasi_identifiers": ["sex"]}}
    problems = _release(_with(section, path, PLANTED)).problems
    assert problems[0].startswith(f"release.{'.'.join(path)}: unknown setting")


def test_release_settings_typed_and_frozen() -> None:
    section = {
        "columns": {"sex": {"hospital": "sex", "normalise": "sex"}},
        "disclosure": {"quasi_identifiers": ["sex"]},
    }
    settings = release_settings(parse_config({**JOB, "release": section}))
    column = settings.columns[0]
    assert (column.name, dict(column.sources), column.normalise) == (
        "sex",
        {"hospital": "sex"},
        "sex",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.scan_sample = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        column.normalise = None  # type: ignore[misc]


def test_config_schema_release_section_described() -> None:
    schema = config_schema()
    release = schema["properties"]["release"]["anyOf"][0]
    assert {"recipient", "columns", "disclosure", "scan_sample"} <= set(release["properties"])
    assert "base_dir" not in release["properties"]
    assert release["additionalProperties"] is False
    for name in ("DisclosureConfig", "ReleaseProfile", "GeneraliseStep", "SmallNumberPolicy"):
        assert schema["$defs"][name]["additionalProperties"] is False


@pytest.mark.parametrize(
    "path",
    [
        (),
        ("surrogate",),
        ("surrogate", "columns", "surname"),
        ("surrogate", "dates"),
    ],
    ids=lambda p: ".".join(p) or "top",
)
def test_parse_surrogate_config_unknown_key_at_any_level_refused(path: tuple[str, ...]) -> None:
    problems = _problems(parse_surrogate_config, _with(SURROGATE, (*path, "colour"), PLANTED))
    assert problems == [p for p in problems if "colour: unknown setting; allowed: " in p]
    assert problems[0].startswith(".".join((*path, "colour")))


def test_parse_surrogate_config_section_alone_named_under_surrogate() -> None:
    section = {"columns": {"surname": PLANTED}, "key_file": "k.key"}
    problems = _problems(parse_surrogate_config, section)
    assert problems == [
        "surrogate.columns.surname.kind: must be one of ['address', 'category', 'email', "
        "'forename', 'nhs_number', 'phone', 'postcode', 'surname']"
    ]
    assert _problems(parse_surrogate_config, {"surrogate": None}) == [
        "surrogate: give columns, dates, or both"
    ]


def test_config_models_frozen() -> None:
    disclosure = parse_disclosure_config(DISCLOSURE)
    surrogate = parse_surrogate_config(SURROGATE)
    targets = [
        (disclosure, "person"),
        (disclosure.profile, "k"),
        (disclosure.profile.small_numbers, "low"),
        (disclosure.transformations[0], "to"),
        (disclosure.population, "count"),
        (surrogate, "source"),
        (surrogate.columns["surname"], "kind"),
        (surrogate.dates, "max_days"),
    ]
    for model, field in targets:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(model, field, None)
