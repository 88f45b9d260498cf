"""The Spark engine's tokens are byte-identical to the local engine's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from safelink.config import JobConfig
from safelink.engines.spark_pseudonymise import pseudonymise_parquet_spark, pseudonymise_spark
from safelink.errors import OutputError
from safelink.keys import Keyring
from safelink.pseudonymise import pseudonymise
from safelink.pseudonymise.tokens_format import as_hex
from safelink.synthetic.extracts import SyntheticExtracts
from tests.spark.conftest import TODAY

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


def _to_spark(spark: Any, frame: pl.DataFrame) -> Any:
    text = frame.select(pl.all().cast(pl.String))
    return spark.createDataFrame(text.to_arrow())


def _by_content_ref(tokens: pl.DataFrame, content: pl.DataFrame, ref: str) -> pl.DataFrame:
    joined = tokens.join(content.select("record_id", ref), on="record_id")
    return joined.drop("record_id").sort(ref)


@pytest.mark.parametrize(
    ("source", "ref"), [("hospital", "hospital_ref"), ("social_care", "case_id")]
)
def test_pseudonymise_spark_synthetic_tokens_byte_identical(
    spark: Any,
    demo_config: JobConfig,
    session_keyring: Keyring,
    extracts: SyntheticExtracts,
    source: str,
    ref: str,
) -> None:
    frame = extracts.frames()[source]
    # Three accepted numbers in ranges worth a warning (never issued, unallocated).
    nhs = next(c.name for c in demo_config.source(source).identifiers if c.kind == "nhs_number")
    odd = pl.Series(["5000000005", "8000000008", "8500000007", *frame[nhs].to_list()[3:]])
    frame = frame.with_columns(odd.alias(nhs))
    # Canonical forenames: accents, several parts, a group's head, a name in no group, a blank.
    forename = next(c.name for c in demo_config.source(source).identifiers if c.kind == "forename")
    planted = ["Siân", "Bob James", "Mohd", "Robert", "Zyxw", None]
    names = pl.Series([*planted, *frame[forename].to_list()[len(planted) :]], dtype=pl.String)
    frame = frame.with_columns(names.alias(forename))
    local = pseudonymise(frame, demo_config, session_keyring, source=source)
    remote = pseudonymise_spark(
        _to_spark(spark, frame), demo_config, session_keyring, source=source, today=TODAY
    )
    tokens = pl.from_arrow(remote.tokens.toArrow())
    content = pl.from_arrow(remote.content.toArrow())
    remote.tokens.unpersist()
    remote.content.unpersist()
    assert isinstance(tokens, pl.DataFrame) and isinstance(content, pl.DataFrame)
    assert tokens.columns == local.tokens.columns
    expected = _by_content_ref(local.tokens, local.content, ref)
    actual = _by_content_ref(tokens, content, ref)
    assert actual.equals(expected)
    assert tokens["record_id"].n_unique() == tokens.height == frame.height
    assert tokens["record_id"].str.contains("^[0-9a-f]{32}$").all()
    local_summary = {
        c.column: (c.missing, dict(c.rejected), dict(c.warnings), c.rejected_shapes)
        for c in local.summary.columns
    }
    remote_summary = {
        c.column: (c.missing, dict(c.rejected), dict(c.warnings), c.rejected_shapes)
        for c in remote.summary.columns
    }
    assert remote_summary == local_summary
    assert local_summary[nhs][2] == {"never_issued_range": 1, "unallocated_range": 2}
    assert remote.summary.key_id == local.summary.key_id


def test_pseudonymise_parquet_spark_files_match_in_memory_tokens(
    spark: Any,
    demo_config: JobConfig,
    session_keyring: Keyring,
    extracts: SyntheticExtracts,
    tmp_path: Path,
) -> None:
    frame = extracts.social_care.head(500).select(pl.all().cast(pl.String))
    source_path = tmp_path / "social_care.parquet"
    frame.write_parquet(source_path)
    out = tmp_path / "out"
    summary = pseudonymise_parquet_spark(
        source_path, demo_config, session_keyring, out, source="social_care", today=TODAY
    )
    stored = pl.read_parquet(out / "social_care.tokens.parquet" / "*.parquet")
    content = pl.read_parquet(out / "social_care.content.parquet" / "*.parquet")
    local = pseudonymise(frame, demo_config, session_keyring, source="social_care")
    expected = _by_content_ref(local.tokens, local.content, "case_id")
    # Tokens format 2, as the local engine's Parquet: raw bytes, whose hex is the token.
    assert stored.schema["nhs_number"] == pl.Binary and stored.schema["record_id"] == pl.String
    assert _by_content_ref(as_hex(stored), content, "case_id").equals(expected)
    written = json.loads((out / "social_care.summary.json").read_text())
    assert written["rows"] == summary.rows == 500
    metadata = json.loads((out / "social_care.tokens.parquet" / "_safelink.json").read_text())
    assert metadata["safelink.key_id"] == local.summary.key_id
    assert metadata["safelink.tokens_format"] == "2"
    assert not list(out.glob("*.tmp-*"))
    with pytest.raises(OutputError, match="already exists"):
        pseudonymise_parquet_spark(
            source_path, demo_config, session_keyring, out, source="social_care", today=TODAY
        )


def test_pseudonymise_spark_address_tokens_byte_identical(
    spark: Any, session_keyring: Keyring
) -> None:
    from tests.test_address import SEVEN_WAYS

    config = _one_source(
        session_keyring,
        addr={"role": "identifier", "kind": "address"},
        postcode={"role": "identifier", "kind": "postcode"},
    )
    written = [*SEVEN_WAYS, "12 Grove Road NW23LN", "!!", None]
    frame = pl.DataFrame(
        {
            "ref": [str(i) for i in range(len(written))],
            "addr": written,
            "postcode": ["NW2 3LN"] * len(written),
        }
    )
    expected, remote = _local_and_spark(spark, frame, config, session_keyring)
    assert "address_number_street" in expected.columns
    assert expected["address_number_street"].null_count() == 3  # the corner, "!!" and None
    # House number and postcode: the postcode column's where the address writes none.
    assert expected["address_number_postcode"].null_count() == 3
    assert {c.column: dict(c.rejected) for c in remote.summary.columns}["addr"] == {
        "empty_after_cleaning": 1
    }


def test_pseudonymise_spark_reads_configured_birth_placeholders(
    spark: Any, session_keyring: Keyring
) -> None:
    from safelink.config import parse_config

    config = parse_config(
        {
            "project": session_keyring.project,
            "tokens": {"unknown_birth_dates": ["1901-01-01"], "year_only_birth_days": ["07-01"]},
            "sources": {
                "s": {
                    "columns": {
                        "ref": "content",
                        "dob": {"role": "identifier", "kind": "date_of_birth"},
                    }
                }
            },
        }
    )
    written = ["1900-01-01", "01/01/1978", "1978-07-01", "1901-01-01", "1978", None]
    frame = pl.DataFrame({"ref": [str(i) for i in range(len(written))], "dob": written})
    expected, remote = _local_and_spark(spark, frame, config, session_keyring)
    # Full dates: 1900-01-01 and 01/01/1978 (neither a placeholder under these settings).
    assert expected["date_of_birth"].null_count() == 4
    assert {c.column: dict(c.rejected) for c in remote.summary.columns}["dob"] == {"placeholder": 1}


def _one_source(keyring: Keyring, **columns: Any) -> Any:
    """A job of one source ``s``: a ``ref`` content column and ``columns``."""
    from safelink.config import parse_config

    document = {"ref": "content", **columns}
    return parse_config({"project": keyring.project, "sources": {"s": {"columns": document}}})


def _local_and_spark(
    spark: Any, frame: pl.DataFrame, config: Any, keyring: Keyring
) -> tuple[pl.DataFrame, Any]:
    """The local tokens by ``ref`` (asserted equal to Spark's), and the Spark result."""
    local = pseudonymise(frame, config, keyring)
    remote = pseudonymise_spark(_to_spark(spark, frame), config, keyring, today=TODAY)
    tokens = pl.from_arrow(remote.tokens.toArrow())
    content = pl.from_arrow(remote.content.toArrow())
    remote.tokens.unpersist()
    remote.content.unpersist()
    assert isinstance(tokens, pl.DataFrame) and isinstance(content, pl.DataFrame)
    assert tokens.columns == local.tokens.columns
    expected = _by_content_ref(local.tokens, local.content, "ref")
    assert _by_content_ref(tokens, content, "ref").equals(expected)
    return expected, remote


def test_pseudonymise_file_spark_progress_names_the_stages(
    spark: Any,
    demo_config: JobConfig,
    session_keyring: Keyring,
    extracts: SyntheticExtracts,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import safelink.infra.progress as module
    from safelink.pseudonymise import pseudonymise_file

    source_path = tmp_path / "social_care.parquet"
    extracts.social_care.head(50).select(pl.all().cast(pl.String)).write_parquet(source_path)
    module.LINE_INTERVAL, saved = 0.0, module.LINE_INTERVAL
    try:
        pseudonymise_file(
            source_path, demo_config, session_keyring, tmp_path / "out", source="social_care",
            engine="spark", progress=True,
        )  # fmt: skip
    finally:
        module.LINE_INTERVAL = saved
    err = capsys.readouterr().err
    assert "pseudonymise (Spark): tokenise and write tokens" in err
    assert "pseudonymise (Spark): write content" in err


def test_pseudonymise_spark_generic_identifier_tokens_byte_identical(
    spark: Any, session_keyring: Keyring
) -> None:
    other = {"role": "identifier", "kind": "other"}
    config = _one_source(
        session_keyring,
        client={
            **other,
            "normalise": {"punctuation": True, "spaces": False, "pattern": "^[A-Z0-9]{6}$"},
        },
        born={**other, "normalise": {"digits_only": True}, "compare": "date"},
        age={**other, "compare": {"method": "numeric", "tolerance": 2.5}},
        zip={
            **other,
            "normalise": {"case": "keep", "trim": False},
            "compare": {"method": "prefix", "length": 2},
        },
    )
    frame = pl.DataFrame(
        {
            "ref": ["0", "1", "2", "3", "4", "5"],
            "client": [" ab-12cd", "AB12CD", "ab 12 c", None, "Zoë-1234", "x!"],
            "born": ["1956-04-09", "19560904", "1980-13-01", "56", None, " 2001/12/31 "],
            "age": ["41", "40.5", "n/a", "-3", "1e2", None],
            "zip": [" 2060", "2026 ", "ab", "", None, "Ä9"],
        }
    )
    expected, remote = _local_and_spark(spark, frame, config, session_keyring)
    assert {"born_swapped", "age_band_next", "zip_prefix"} <= set(expected.columns)
    assert expected["client"].null_count() == 4  # two rejected, one missing, "ZOË1234" too long
    assert {c.column: dict(c.rejected) for c in remote.summary.columns}["client"] == {
        "invalid_format": 3
    }


def test_pseudonymise_spark_bloom_and_phone_tokens_byte_identical(
    spark: Any, session_keyring: Keyring
) -> None:
    from safelink.config import parse_config

    config = parse_config(
        {
            "project": session_keyring.project,
            "tokens": {"bloom": True},
            "sources": {
                "s": {
                    "columns": {
                        "ref": "content",
                        "forename": {"role": "identifier", "kind": "forename"},
                        "surname": {"role": "identifier", "kind": "surname"},
                        "phone": {"role": "identifier", "kind": "phone"},
                        "code": {
                            "role": "identifier",
                            "kind": "other",
                            "compare": "bloom",
                        },
                    }
                }
            },
        }
    )
    frame = pl.DataFrame(
        {
            "ref": [str(i) for i in range(6)],
            "forename": ["Siân", "Bob", None, "Anne-Marie", "zoë", "Robert"],
            "surname": ["Jones", "O'Brien", "Smith", "", "Ng", "Jones"],
            "phone": ["07700 900123", "+44 20 7946 0018", "12", None, "020 7946 0999", "x"],
            "code": ["AB12", "ab12", None, "ZZ99", "Q", "AB13"],
        }
    )
    expected, remote = _local_and_spark(spark, frame, config, session_keyring)
    blooms = {"forename_bloom", "surname_bloom", "code_bloom"}
    assert blooms <= set(expected.columns)
    assert expected["forename_bloom"].null_count() == 1
    assert expected["phone"].null_count() < frame.height  # some numbers made tokens
    assert {c.column: c.accepted for c in remote.summary.columns}["phone"] == (
        frame.height - expected["phone"].null_count()
    )


@pytest.fixture(params=["local", "spark"])
def engine(request: pytest.FixtureRequest) -> str:
    """Each engine in turn (the Spark session started for ``spark`` only)."""
    if request.param == "spark":
        request.getfixturevalue("spark")
    return str(request.param)


def test_pseudonymise_file_csv_tokens_match_in_memory_on_every_engine(
    engine: str,
    demo_config: JobConfig,
    session_keyring: Keyring,
    extracts: SyntheticExtracts,
    tmp_path: Path,
) -> None:
    from safelink.pseudonymise import pseudonymise_file

    frame = extracts.social_care.head(400).select(pl.all().cast(pl.String))
    # A cell that would start a spreadsheet formula is neutralised on both engines.
    frame = frame.with_columns(
        pl.Series("case_id", ["=1+1", *extracts.social_care["case_id"].cast(pl.String)[1:400]])
    )
    source_path = tmp_path / "social_care.parquet"
    frame.write_parquet(source_path)
    out = tmp_path / engine
    summary = pseudonymise_file(
        source_path, demo_config, session_keyring, out, source="social_care",
        output_format="csv", engine=engine,
    )  # fmt: skip
    tokens_path, content_path = out / "social_care.tokens.csv", out / "social_care.content.csv"
    assert tokens_path.is_file() and content_path.is_file()
    assert summary.rows == 400
    assert not list(out.glob("*.tmp-*"))
    tokens = pl.read_csv(tokens_path, infer_schema=False)
    content = pl.read_csv(content_path, infer_schema=False)
    local = pseudonymise(frame, demo_config, session_keyring, source="social_care")
    assert tokens.columns == local.tokens.columns
    assert "'=1+1" in content["case_id"].to_list()
    expected = local.content.with_columns(pl.col("case_id").str.replace(r"^=", "'="))
    actual = _by_content_ref(tokens, content, "case_id")
    assert actual.equals(_by_content_ref(local.tokens, expected, "case_id"))


def test_pseudonymise_file_csv_bytes_identical_local_and_spark(
    spark: Any,
    demo_config: JobConfig,
    session_keyring: Keyring,
    extracts: SyntheticExtracts,
    tmp_path: Path,
) -> None:
    from safelink.pseudonymise import pseudonymise_file

    source_path = tmp_path / "hospital.parquet"
    extracts.hospital.head(300).select(pl.all().cast(pl.String)).write_parquet(source_path)
    lines: dict[str, dict[str, list[str]]] = {}
    for engine in ("local", "spark"):
        pseudonymise_file(
            source_path, demo_config, session_keyring, tmp_path / engine, source="hospital",
            output_format="csv", engine=engine,
        )  # fmt: skip
        lines[engine] = {}
        for part in ("tokens", "content"):
            text = (tmp_path / engine / f"hospital.{part}.csv").read_bytes().decode("utf-8")
            assert text.endswith("\n") and "\r" not in text
            header, *rows = text.splitlines()
            # Record ids differ by design (random locally); every other byte agrees.
            lines[engine][part] = [header, *sorted(row.partition(",")[2] for row in rows)]
    assert lines["spark"] == lines["local"]
    assert len(lines["spark"]["tokens"]) == 301


def test_a_csv_write_never_reruns_the_tokenising_map_after_its_shuffle(
    spark: Any, demo_config: JobConfig, session_keyring: Keyring, extracts: SyntheticExtracts
) -> None:
    """Counted once: the tokens are kept before the single-file shuffle, which reads them.

    A tokenising task before the shuffle would run again on a stage retry and Spark would add
    its counts to the run summary twice; the CSV file's plan holds only the CSV map.
    """
    from safelink.engines.spark_pseudonymise import _plan, _Writer

    frame = _to_spark(spark, extracts.social_care.head(50).select(pl.all().cast(pl.String)))
    run = _plan(frame, demo_config, session_keyring, "social_care", TODAY)
    try:
        chunks = _Writer.csv_chunks(run.tokens)
        plan = chunks._jdf.queryExecution().executedPlan().toString()
        assert plan.count("MapInArrow") == 1  # the CSV chunks; tokenising ran in its own job
        assert run.counts.value.rows == 50  # counted by that job, once
        assert len(chunks.collect()) == 1
        assert run.counts.value.rows == 50
    finally:
        run.shipment.destroy()
