"""Unit tests: synthetic generator, Bloom encodings, clustering, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pytest
import typer
from typer.testing import CliRunner

from safelink.cli.link import register
from safelink.config import JobConfig, load_config
from safelink.engines.backend import DuckDBBackend
from safelink.errors import ConfigError, InputError
from safelink.keys import Keyring
from safelink.link import link
from safelink.link.cluster import per_record
from safelink.link.inputs import content_files
from safelink.link.quality import bias_table
from safelink.pseudonymise import pseudonymise
from safelink.pseudonymise.bloom import bloom_encode, dice, dice_sql, with_bloom_words
from safelink.synthetic.extracts import generate, valid_test_nhs_numbers
from safelink.synthetic.testing import is_synthetic_nhs_number


def test_generate_same_seed_gives_identical_extracts():
    a, b = generate(500, seed=3), generate(500, seed=3)
    assert a.hospital.equals(b.hospital) and a.social_care.equals(b.social_care)
    assert a.truth.equals(b.truth)
    assert not generate(500, seed=4).hospital.equals(a.hospital)


def test_generate_rates_match_documented_levels():
    data = generate(20_000, seed=1)
    missing = data.social_care["nhs_no"].null_count() / data.social_care.height
    assert 0.30 < missing < 0.36
    assert 0.35 < data.social_care.height / 20_000 < 0.45
    assert data.truth.height == data.hospital.height + data.social_care.height


def test_generate_nhs_numbers_are_synthetic_test_range():
    numbers = generate(2_000, seed=2).hospital["nhs_number"].drop_nulls().str.replace_all(" ", "")
    valid = sum(is_synthetic_nhs_number(n) for n in numbers.to_list())
    assert valid / numbers.len() > 0.99  # the rest are deliberately wrong numbers
    assert all(n.startswith("999") for n in numbers.to_list())


def test_valid_test_nhs_numbers_all_pass_check_digit():
    sample = valid_test_nhs_numbers()[::9973].astype(str)
    assert all(is_synthetic_nhs_number(n) for n in sample)


def test_generate_bad_size_raises_input_error():
    with pytest.raises(InputError):
        generate(0)


def test_bloom_similar_names_score_higher_than_different(keyring):
    subkey = keyring.subkey("link:bloom_surname")
    names = pl.Series("s", ["THOMPSON", "THOMSON", "OKAFOR", None])
    encoded = bloom_encode(names, subkey).to_list()
    assert encoded[3] is None
    assert dice(encoded[0], encoded[1]) > 0.7 > dice(encoded[0], encoded[2])


def test_bloom_encoding_depends_on_key(keyring):
    names = pl.Series("s", ["THOMPSON"])
    a = bloom_encode(names, keyring.subkey("link:bloom_surname"))[0]
    b = bloom_encode(names, keyring.subkey("link:bloom_forename"))[0]
    assert a != b


def test_bloom_dice_sql_matches_python(keyring):
    encoded = bloom_encode(
        pl.Series("s", ["SMITH", "SMYTH"]), keyring.subkey("link:bloom_x"), hardening="balance"
    )
    con = duckdb.connect()
    con.execute("create table t as select ? as c_l, ? as c_r", [encoded[0], encoded[1]])
    value = con.sql(f"select {dice_sql('c')} from t").fetchall()[0][0]
    assert value == pytest.approx(dice(encoded[0], encoded[1]))


@pytest.mark.parametrize(("hardening", "bits"), [("xor", 1024), ("balance", 64), ("none", 48)])
def test_bloom_dice_on_integer_words_equals_dice_on_hex(keyring, hardening, bits):
    names = ["SMITH", "SMYTH", "JONES", None, "SMITHSON", "O NEILL"]
    encoded = bloom_encode(
        pl.Series("c", names), keyring.subkey("link:bloom_x"), bits=bits, hardening=hardening
    )
    words = with_bloom_words(pl.DataFrame({"c": encoded}), ["c"])
    added = set(words.columns) - {"c"}
    assert "c_ones" in added and words["c_ones"].null_count() == 1
    assert words["c_ones"].drop_nulls().min() > 0  # type: ignore[operator]
    pairs = words.rename({c: f"{c}_l" for c in words.columns}).join(
        words.rename({c: f"{c}_r" for c in words.columns}), how="cross"
    )
    con = duckdb.connect()
    con.register("t", pairs.to_arrow())
    fast, slow = dice_sql("c", words.columns), dice_sql("c")
    assert fast != slow
    got = con.sql(f"select {fast} as fast, {slow} as slow, c_l, c_r from t").fetchall()
    assert len(got) == len(names) ** 2
    for fast_value, slow_value, left, right in got:
        assert fast_value == slow_value  # the same value, so the same levels and links
        if left is not None and right is not None:
            assert fast_value == pytest.approx(dice(left, right))
        else:
            assert fast_value is None


def test_bloom_words_reject_text_that_is_not_hex():
    with pytest.raises(ConfigError, match="not a hex Bloom encoding"):
        with_bloom_words(pl.DataFrame({"c": ["zz"]}), ["c"])


def person_ids(nodes: pl.DataFrame, links: pl.DataFrame) -> pl.Series:
    """Person ids of ``nodes`` (in their order) given links between their positions."""
    records = nodes.with_row_index("node").with_columns(pl.col("node").cast(pl.Int64))
    steps = links.with_columns(
        pl.lit("key").alias("step"),
        pl.lit(None, dtype=pl.Float64).alias("match_weight"),
        pl.lit(1.0).alias("match_probability"),
    )
    backend = DuckDBBackend()
    labels = backend.components(backend.table(steps))
    return per_record(backend, records, steps, labels, ["key"])["person_id"]


def _linked_by_reference(
    frames: dict[str, pl.DataFrame], config: JobConfig, keys: Keyring, seed: int
) -> pl.DataFrame:
    """Pseudonymise rows shuffled by ``seed`` (fresh record ids), link, and key the links by
    the providers' own references, which do not change between runs."""
    tokens, refs = [], []
    for source, ref in (("hospital", "hospital_ref"), ("social_care", "case_id")):
        shuffled = frames[source].sample(fraction=1.0, shuffle=True, seed=seed)
        result = pseudonymise(shuffled, config, keys, source=source)
        tokens.append(result)
        refs.append(result.content.select("record_id", pl.col(ref).alias("ref")))
    links = link(tokens, config).links
    return (
        links.join(pl.concat(refs), on="record_id")
        .drop("record_id")
        .sort("source", "ref")
        .select("source", "ref", "person_id", "step", "match_weight", "match_probability")
    )


def _demo_keys(tmp_path: Path) -> Keyring:
    (tmp_path / "k").mkdir(mode=0o700)
    return Keyring.create(
        tmp_path / "k" / "demo.key", project="demo", passphrase="x" * 12, scrypt_n=2**14
    )


def test_links_do_not_depend_on_row_order_or_record_ids(
    demo_config: JobConfig, tmp_path: Path
) -> None:
    frames = generate(1_500, seed=5).frames()
    keys = _demo_keys(tmp_path)
    first = _linked_by_reference(frames, demo_config, keys, seed=1)
    second = _linked_by_reference(frames, demo_config, keys, seed=2)
    assert first["step"].drop_nulls().len() > 900  # a real linkage, not an empty one
    assert first.equals(second)


def test_cli_link_writes_outputs_and_json(linked_inputs, tmp_path):
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps typer in multi-command mode
        pass

    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "link",
            str(linked_inputs["hospital"]),
            str(linked_inputs["social_care"]),
            "--config",
            str(Path(__file__).resolve().parents[2] / "configs" / "demo.yaml"),
            "-o",
            str(out),
            "--truth",
            str(linked_inputs["truth"]),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert '"f1"' in result.output
    assert (out / "links.parquet").exists()


def _link_app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command("noop")
    def _noop() -> None:  # a second command keeps typer in multi-command mode
        pass

    return app


def test_cli_link_content_folder_gives_bias_table_for_every_source(linked_inputs, tmp_path):
    tokens = [str(linked_inputs[s]) for s in ("hospital", "social_care")]
    config = str(Path(__file__).resolve().parents[2] / "configs" / "demo.yaml")
    folder = str(linked_inputs["hospital_content"].parent)
    result = CliRunner().invoke(
        _link_app(),
        ["link", *tokens, "--config", config, "-o", str(tmp_path / "o"), "--content", folder],
    )
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "o" / "linkage_report.json").read_text())
    assert {row["source"] for row in report["bias"]} == {"hospital", "social_care"}


def test_cli_link_content_file_among_tokens_refused_with_fix(linked_inputs, tmp_path):
    config = str(Path(__file__).resolve().parents[2] / "configs" / "demo.yaml")
    args = [
        "link", str(linked_inputs["hospital"]), str(linked_inputs["social_care"]),
        "--config", config, "-o", str(tmp_path / "o"),
        "--content", str(linked_inputs["hospital_content"]),
        str(linked_inputs["social_care_content"]),
    ]  # fmt: skip
    result = CliRunner().invoke(_link_app(), args)
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "repeat --content for each" in str(result.exception)
    assert not (tmp_path / "o").exists()


def test_content_files_files_and_folders_by_source(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    for name in ("hospital", "gp"):
        (folder / f"{name}.content.parquet").write_bytes(b"")
    single = tmp_path / "council.content.parquet"
    single.write_bytes(b"")
    found = content_files([folder, single])
    assert found == {
        "gp": folder / "gp.content.parquet",
        "hospital": folder / "hospital.content.parquet",
        "council": single,
    }
    with pytest.raises(InputError, match="second content file for source 'council'"):
        content_files([single, single])
    with pytest.raises(InputError, match="not a content file"):
        content_files([tmp_path / "council.tokens.parquet"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \*\.content\.parquet file"):
        content_files([tmp_path / "empty"])


def test_bias_table_sex_groups_normalised_across_codings():
    ids = {s: [f"{s}{i}" for i in range(20)] for s in "ab"}
    content = {
        "a": pl.DataFrame({"record_id": ids["a"], "sex": ["F"] * 10 + ["Male"] * 10}),
        "b": pl.DataFrame({"record_id": ids["b"], "gender": ["Female"] * 10 + ["1"] * 10}),
    }
    assigned = pl.DataFrame({"source": ["a"] * 20 + ["b"] * 20, "record_id": ids["a"] + ids["b"]})
    linked = pl.Series([True, False] * 20)
    rows = bias_table({"sex": {"a": "sex", "b": "gender"}}, content, assigned, linked)
    assert {(r["source"], r["value"]) for r in rows} == {
        ("a", "female"), ("a", "male"), ("b", "female"), ("b", "male"),
    }  # fmt: skip
    assert all(r["records"] == 10 and r["match_rate"] == 0.5 for r in rows)


def test_pandas_in_gives_pandas_out_tokens_content_links(
    demo_config: JobConfig, tmp_path: Path
) -> None:
    import pandas as pd

    frames = generate(600, seed=9).frames()
    keys = _demo_keys(tmp_path)
    done = {
        s: pseudonymise(frames[s].to_pandas(), demo_config, keys, source=s)
        for s in ("hospital", "social_care")
    }
    for result in done.values():
        assert isinstance(result.tokens, pd.DataFrame)
        assert isinstance(result.content, pd.DataFrame)
    polars_tokens = pseudonymise(frames["hospital"], demo_config, keys, source="hospital").tokens
    assert isinstance(polars_tokens, pl.DataFrame)
    assert list(done["hospital"].tokens.columns) == polars_tokens.columns
    linked = link(list(done.values()), demo_config)
    assert isinstance(linked.links, pd.DataFrame)
    assert len(linked.links) == sum(len(r.tokens) for r in done.values())
    assert isinstance(link([pl.from_pandas(r.tokens) for r in done.values()], demo_config,
                           sources=list(done)).links, pl.DataFrame)  # fmt: skip
    steps = linked.report.to_frame()
    assert steps.columns == ["step", "links", "records_linked", "precision"]
    assert steps["links"].to_list() == [s["links"] for s in linked.report.steps]
    summary = done["hospital"].summary.to_frame()
    assert summary["column"].to_list() == [c.column for c in done["hospital"].summary.columns]
    counted = summary["accepted"] + summary["missing"] + summary["rejected"]
    assert (counted == summary["rows"]).all()


def test_link_files_progress_names_each_step_off_a_terminal(linked_inputs, tmp_path, capsys):
    import safelink.infra.progress as module
    from safelink.link import link_files

    config = Path(__file__).resolve().parents[2] / "configs" / "demo.yaml"
    tokens = [linked_inputs["hospital"], linked_inputs["social_care"]]
    module.LINE_INTERVAL, saved = 0.0, module.LINE_INTERVAL
    try:
        link_files(tokens, load_config(config), tmp_path / "o", progress=True)
    finally:
        module.LINE_INTERVAL = saved
    err = capsys.readouterr().err
    for label in (
        "link: probabilistic model",
        "link: clusters and constraints",
        "link: whole-flow estimates and report",
        "(hospital with social_care)",
    ):
        assert label in err, label  # fmt: skip
    assert all(line.startswith("safelink: link") for line in err.splitlines())
