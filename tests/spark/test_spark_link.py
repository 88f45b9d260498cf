"""Linkage on Spark, end to end, gives the local engine's links, persons and report."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import polars as pl
import pytest
import yaml

from safelink.config import JobConfig, load_config
from safelink.engines.spark_pseudonymise import pseudonymise_parquet_spark
from safelink.errors import EngineError, LinkageError
from safelink.infra.io import sha256_tree
from safelink.keys import Keyring
from safelink.link import LinkageResult, link, link_config, link_files
from safelink.pseudonymise import Pseudonymised, pseudonymise
from safelink.synthetic.corruption import PROFILES
from safelink.synthetic.extracts import SyntheticExtracts, generate

from .conftest import CONFIG_PATH

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]
PER_RECORD = ["source", "record_id", "person_id", "step"]
REFS = {"hospital": "hospital_ref", "social_care": "case_id"}


@pytest.fixture(scope="module")
def tokens(
    demo_config: JobConfig, session_keyring: Keyring, extracts: SyntheticExtracts
) -> list[Pseudonymised]:
    """The 3,000-person extracts pseudonymised by the local engine, once for the module."""
    return [
        pseudonymise(frame, demo_config, session_keyring, source=name)
        for name, frame in extracts.frames().items()
    ]


@pytest.fixture(scope="module")
def truth(tokens: list[Pseudonymised], extracts: SyntheticExtracts) -> pl.DataFrame:
    """Ground truth by record id (the extracts' truth is by the providers' own keys)."""
    frames = []
    for result in tokens:
        source = result.summary.source
        ids = result.content.select(
            pl.col("record_id"), pl.col(REFS[source]).cast(pl.String).alias("ref")
        )
        known = extracts.truth.filter(pl.col("source") == source).select(
            pl.col("ref").cast(pl.String), pl.col("person_id").cast(pl.String)
        )
        frames.append(
            ids.join(known, on="ref").select(
                pl.lit(source).alias("source"), "record_id", "person_id"
            )
        )
    return pl.concat(frames)


@pytest.fixture(scope="module")
def both(
    spark: Any, demo_config: JobConfig, tokens: list[Pseudonymised], truth: pl.DataFrame
) -> tuple[LinkageResult, LinkageResult]:
    """The local and the Spark engine's results on the same tokens (the Spark run is slow)."""
    content = {result.summary.source: result.content for result in tokens}
    local = link(tokens, demo_config, truth=truth, content=content)
    remote = link(tokens, demo_config, engine="spark", spark=spark, truth=truth, content=content)
    return local, remote


@pytest.fixture(scope="module")
def deterministic_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo config with the probabilistic step off (keeps the directory tests quick)."""
    raw = yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))
    raw["key_file"] = str((CONFIG_PATH.parent / raw["key_file"]).resolve())
    raw["link"].setdefault("probabilistic", {})["enabled"] = False
    raw.pop("release", None)  # its relative paths (audit log, keys) would point outside tmp
    for source in raw["sources"].values():
        source.pop("path", None)
    path = tmp_path_factory.mktemp("config") / "deterministic.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark_token_dirs(
    spark: Any,
    demo_config: JobConfig,
    session_keyring: Keyring,
    extracts: SyntheticExtracts,
    tmp_path_factory: pytest.TempPathFactory,
) -> list[Path]:
    """``SOURCE.tokens.parquet/`` directories written by Spark pseudonymise."""
    work = tmp_path_factory.mktemp("spark-tokens")
    out = work / "out"
    dirs = []
    for name, frame in extracts.frames().items():
        extract = work / f"{name}.parquet"
        frame.select(pl.all().cast(pl.String)).write_parquet(extract)
        pseudonymise_parquet_spark(extract, demo_config, session_keyring, out, source=name)
        dirs.append(out / f"{name}.tokens.parquet")
    return dirs


def test_link_engine_spark_synthetic_links_equal_local(
    both: tuple[LinkageResult, LinkageResult],
) -> None:
    local, remote = both
    probabilistic = local.links.filter(pl.col("step") == "probabilistic").height
    assert probabilistic > 0  # the model bites
    assert local.links["person_id"].n_unique() < local.links.height  # persons span records
    assert remote.links.columns == local.links.columns
    assert remote.links.dtypes == local.links.dtypes
    assert remote.links.select(PER_RECORD).equals(local.links.select(PER_RECORD))
    # Weights are sums of the same logs in another order: equal to the last bits.
    for column in ("match_weight", "match_probability"):
        gap = (remote.links[column] - local.links[column]).abs().max()
        assert gap is None or gap < 1e-9, column
        assert remote.links[column].null_count() == local.links[column].null_count()


def test_link_engine_spark_synthetic_report_equals_local(
    both: tuple[LinkageResult, LinkageResult],
) -> None:
    local, remote = both
    assert local.report.truth is not None and local.report.truth["pairs_correct"] > 0
    assert local.report.bias
    for table in ("sources", "steps", "truth", "bias", "key_id", "constraints"):
        assert getattr(remote.report, table) == getattr(local.report, table), table
    # The whole flow's estimates: the same sample, scored by the same trained model.
    assert local.report.estimates["skipped"] is None
    ours, theirs = local.report.estimates, remote.report.estimates
    assert {k: v for k, v in theirs.items() if k != "steps"} == pytest.approx(
        {k: v for k, v in ours.items() if k != "steps"}, abs=1e-4
    )
    for mine, other in zip(ours["steps"], theirs["steps"], strict=True):
        assert other == pytest.approx(mine, abs=1e-4)
    for name, value in local.report.model.items():
        theirs = remote.report.model[name]
        if isinstance(value, float):
            assert abs(theirs - value) < 1e-9, name
        else:
            assert theirs == value, name
    assert set(remote.report.timings) == set(local.report.timings)


def test_link_engine_spark_waterfall_same_pairs_and_weights_as_local(
    both: tuple[LinkageResult, LinkageResult],
) -> None:
    local, remote = both
    ours, theirs = local.report.waterfall, remote.report.waterfall
    assert len(ours["pairs"]) >= 3
    assert {k: v for k, v in theirs.items() if k != "pairs"} == {
        k: v for k, v in ours.items() if k != "pairs"
    }
    assert len(theirs["pairs"]) == len(ours["pairs"])
    for mine, other in zip(ours["pairs"], theirs["pairs"], strict=True):
        assert (other["pair"], other["band"]) == (mine["pair"], mine["band"])
        steps = [(row["comparison"], row["level"]) for row in mine["comparisons"]]
        assert [(row["comparison"], row["level"]) for row in other["comparisons"]] == steps
        for name in ("prior_match_weight", "match_weight", "match_probability"):
            assert abs(other[name] - mine[name]) < 1e-8, name
        for row, theirs_row in zip(mine["comparisons"], other["comparisons"], strict=True):
            assert abs(theirs_row["match_weight"] - row["match_weight"]) < 1e-8, row


def test_link_engine_spark_sampled_training_equals_local(
    spark: Any, demo_config: JobConfig, tokens: list[Pseudonymised], truth: pl.DataFrame
) -> None:
    settings = link_config(demo_config)
    limited = dataclasses.replace(
        settings,
        probabilistic=dataclasses.replace(settings.probabilistic, max_training_records=600),
    )
    local = link(tokens, limited, truth=truth)
    remote = link(tokens, limited, engine="spark", spark=spark, truth=truth)
    model = local.report.model
    assert 600 <= model["training_records"] < model["residual_records"]  # sampled
    assert remote.report.model == model
    assert remote.links.equals(local.links)
    assert remote.report.truth == local.report.truth


def test_link_engine_spark_driver_result_limit_is_one_line_naming_setting(
    tmp_path: Path,
) -> None:
    # spark.driver.maxResultSize is fixed when the Spark context starts: a fresh process.
    script = tmp_path / "limit.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys
            from pathlib import Path
            from safelink.config import load_config
            from safelink.engines.spark import spark_session
            from safelink.errors import LinkageError
            from safelink.keys import Keyring
            from safelink.link import link
            from safelink.pseudonymise import pseudonymise
            from safelink.synthetic.extracts import generate

            config = load_config({str(CONFIG_PATH)!r})
            keys_dir = Path({str(tmp_path)!r}) / "keys"
            keys_dir.mkdir(mode=0o700)
            keys = Keyring.create(
                keys_dir / "t.key", project="demo", passphrase="synthetic pass phrase",
                scrypt_n=2**14,
            )
            tokens = [
                pseudonymise(frame, config, keys, source=name)
                for name, frame in generate(3_000, seed=7).frames().items()
            ]
            spark = spark_session(
                "local[1]",
                config={{"spark.driver.maxResultSize": "1m", "spark.ui.enabled": "false"}},
            )
            spark.sparkContext.setLogLevel("OFF")
            try:
                link(tokens, config, engine="spark", spark=spark)
            except LinkageError as exc:
                print(exc)
                sys.exit(3)
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 3, done.stderr[-2000:]
    message = done.stdout.strip()
    assert message.count("\n") == 0
    assert "spark.driver.maxResultSize" in message
    assert "link.probabilistic.max_training_records" in message


def test_link_files_spark_tokens_directory_spark_and_local_engines_agree(
    spark: Any, spark_token_dirs: list[Path], deterministic_config: Path, tmp_path: Path
) -> None:
    job = load_config(deterministic_config)
    local = link_files(spark_token_dirs, job, tmp_path / "local")
    remote = link_files(spark_token_dirs, job, tmp_path / "spark", engine="spark", spark=spark)
    assert local.links.filter(pl.col("step").is_not_null()).height > 1_000
    assert local.report.key_id is not None
    assert remote.links.equals(local.links)
    assert remote.report.steps == local.report.steps
    assert remote.report.key_id == local.report.key_id
    written = pl.read_parquet(tmp_path / "spark" / "links.parquet")
    assert written.equals(pl.read_parquet(tmp_path / "local" / "links.parquet"))


def test_cli_link_engine_spark_writes_local_links(
    run_cli: Any,
    spark: Any,
    spark_token_dirs: list[Path],
    deterministic_config: Path,
    tmp_path: Path,
) -> None:
    base = ["link", *map(str, spark_token_dirs), "--config", str(deterministic_config), "--json"]
    local = run_cli(*base, "-o", str(tmp_path / "local"))
    assert local.code == 0, local.stderr
    audit = tmp_path / "audit.jsonl"
    audited = yaml.safe_load(deterministic_config.read_text(encoding="utf-8"))
    audited["audit_log"] = str(audit)
    audited_config = tmp_path / "audited.yaml"
    audited_config.write_text(yaml.safe_dump(audited), encoding="utf-8")
    remote = run_cli(
        "link", *map(str, spark_token_dirs), "--config", str(audited_config), "--json",
        "-o", str(tmp_path / "spark"), "--engine", "spark",
    )  # fmt: skip
    assert remote.code == 0, remote.stderr
    links = pl.read_parquet(tmp_path / "spark" / "links.parquet")
    assert links.height > 0
    assert links.equals(pl.read_parquet(tmp_path / "local" / "links.parquet"))
    # The tokens directories are in the audit entry, hashed over their files.
    inputs = json.loads(audit.read_text(encoding="utf-8").splitlines()[-1])["inputs"]
    assert inputs == {f"{d.name}/": sha256_tree(d) for d in spark_token_dirs}


def test_cli_link_unknown_engine_usage_error_exit_2(
    run_cli: Any, spark_token_dirs: list[Path], deterministic_config: Path, tmp_path: Path
) -> None:
    result = run_cli(
        "link", *map(str, spark_token_dirs), "--config", str(deterministic_config),
        "-o", str(tmp_path / "out"), "--engine", "flink",
    )  # fmt: skip
    assert result.code == 2
    assert "'flink' is not one of 'local', 'spark'" in result.stderr
    assert not (tmp_path / "out" / "links.parquet").exists()


def test_link_unknown_engine_raises_engine_error(tokens: list[Pseudonymised]) -> None:
    with pytest.raises(EngineError, match="unknown engine 'dask'"):
        link(tokens, engine="dask")


def test_link_engine_spark_counts_blocked_pairs_as_local_and_stops_over_the_limit(
    spark: Any,
    demo_config: JobConfig,
    tokens: list[Pseudonymised],
    both: tuple[LinkageResult, LinkageResult],
) -> None:
    local, remote = both
    counted = local.report.model["blocked_pairs"]
    assert counted and all(row["pairs"] > 0 for row in counted)
    assert remote.report.model["blocked_pairs"] == counted
    settings = link_config(demo_config)
    limit = sum(row["pairs"] for row in counted) - 1
    small = dataclasses.replace(
        settings,
        probabilistic=dataclasses.replace(settings.probabilistic, max_blocked_pairs=limit),
    )
    messages = []
    for engine in ("local", "spark"):
        with pytest.raises(LinkageError) as caught:
            link(tokens, small, engine=engine, spark=spark)
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert f"link.probabilistic.max_blocked_pairs ({limit:,})" in messages[0]


def test_training_sample_key_on_spark_equals_python_key(spark: Any) -> None:
    # sqlglot writes DuckDB's xor() as Spark's ^, which binds more loosely than *: the key
    # SQL must keep one operation per stage to mean the same on both engines.
    from safelink.engines.backend import SparkBackend, run_query
    from safelink.link.probabilistic import ProbabilisticSettings
    from safelink.link.sampling import sample_key_sql, sample_order_key, sample_seed_offset

    settings = ProbabilisticSettings(max_training_records=10, seed=42)
    frame = pl.DataFrame({"node": list(range(0, 20_000, 7))})
    backend = SparkBackend(spark)
    keys = backend.collect(run_query(backend, sample_key_sql(settings), t=frame)).sort("node")
    python = [
        sample_order_key(n, sample_seed_offset(settings), lambda key, s: key ^ (key >> s))
        for n in frame["node"]
    ]
    assert keys["k"].to_list() == python


def test_link_engine_spark_constrained_hard_profile_equals_local(
    spark: Any, demo_config: JobConfig, session_keyring: Keyring
) -> None:
    """Twins, siblings and duplicate social-care records: the constraints bite the same way."""
    data = generate(1_000, seed=5, **PROFILES["hard"])  # type: ignore[arg-type]
    done = [
        pseudonymise(frame, demo_config, session_keyring, source=name)
        for name, frame in data.frames().items()
    ]
    settings = dataclasses.replace(
        demo_config.link, one_record_per_person={"hospital": True, "social_care": False}
    )
    job = dataclasses.replace(demo_config, link=settings)
    local = link(done, job)
    remote = link(done, job, engine="spark", spark=spark)
    refused = local.report.constraints["refused_links"]
    assert refused["one_record_per_person"] > 0
    assert remote.report.constraints == local.report.constraints
    assert remote.links.select(PER_RECORD).equals(local.links.select(PER_RECORD))


def _by_reference(result: LinkageResult, done: list[Pseudonymised]) -> pl.DataFrame:
    """Links keyed by the providers' own references (which survive a re-pseudonymisation)."""
    refs = pl.concat(
        [p.content.select("record_id", pl.col(REFS[p.summary.source]).alias("ref")) for p in done]
    )
    return (
        result.links.join(refs, on="record_id")
        .drop("record_id")
        .sort("source", "ref")
        .select("source", "ref", "person_id", "step")
    )


def test_link_engine_spark_shuffled_rows_give_the_same_links(
    spark: Any, demo_config: JobConfig, session_keyring: Keyring
) -> None:
    """Rows in another order, fresh record ids, constraints biting: the same persons on Spark."""
    data = generate(1_000, seed=9, **PROFILES["hard"])  # type: ignore[arg-type]
    settings = dataclasses.replace(
        demo_config.link, one_record_per_person={"hospital": True, "social_care": False}
    )
    job = dataclasses.replace(demo_config, link=settings)
    runs = []
    for seed in (1, 2):
        done = [
            pseudonymise(
                frame.sample(fraction=1.0, shuffle=True, seed=seed), job, session_keyring, source=s
            )
            for s, frame in data.frames().items()
        ]
        runs.append(_by_reference(link(done, job, engine="spark", spark=spark), done))
    assert runs[0]["step"].drop_nulls().len() > 300
    assert runs[0].equals(runs[1])


def test_link_engine_spark_address_comparison_equals_local(
    spark: Any, demo_config: JobConfig, session_keyring: Keyring
) -> None:
    """The hard profile's addresses, tokenised and compared: the same links on Spark."""
    from safelink.config import ColumnRole, ColumnSpec

    data = generate(1_000, seed=5, **PROFILES["hard"])  # type: ignore[arg-type]
    address = ColumnSpec(name="address", role=ColumnRole.IDENTIFIER, kind="address")
    sources = {
        name: dataclasses.replace(source, columns=(*source.columns, address))
        for name, source in demo_config.sources.items()
    }
    probabilistic = dataclasses.replace(
        demo_config.link.probabilistic,
        comparisons=(*demo_config.link.probabilistic.comparisons, "address"),
    )
    settings = dataclasses.replace(
        demo_config.link,
        one_record_per_person={"hospital": True, "social_care": False},
        probabilistic=probabilistic,
    )
    job = dataclasses.replace(demo_config, sources=sources, link=settings)
    done = [
        pseudonymise(frame, job, session_keyring, source=name)
        for name, frame in data.frames().items()
    ]
    local = link(done, job)
    remote = link(done, job, engine="spark", spark=spark)
    labels = {p.get("comparison") for p in local.report.model["parameters"]}
    assert "address" in labels
    assert remote.links.select(PER_RECORD).equals(local.links.select(PER_RECORD))


def test_link_engine_spark_generic_identifiers_equal_local(
    spark: Any, session_keyring: Keyring
) -> None:
    from tests.test_generic_identifier import COLUMNS, people

    # Bloom encodings stay on the local engine: the suburb is compared exactly here.
    columns = {**COLUMNS, "suburb": {"role": "identifier", "kind": "other"}}
    source = {"columns": columns}
    from safelink.config import parse_config

    job = parse_config({"project": session_keyring.project, "sources": {"a": source, "b": source}})
    left, right = people(11, 300)
    tokens = [
        pseudonymise(f, job, session_keyring, source=s) for f, s in ((left, "a"), (right, "b"))
    ]
    settings = {
        "cascade": {"match_keys": [{"name": "client", "columns": ["client"]}]},
        "probabilistic": {
            "comparisons": ["suburb", "born", "age", "post_code"],
            "term_frequency": [],
            "blocking": [["born_year", "post_code_prefix"], ["suburb"], ["born_ymd"]],
            "training_blocking": [["born_year"], ["post_code"]],
        },
    }
    local = link(tokens, settings)
    remote = link(tokens, settings, engine="spark", spark=spark)
    assert local.links.filter(pl.col("step") == "probabilistic").height > 0
    assert remote.links.select(PER_RECORD).equals(local.links.select(PER_RECORD))
