"""On the embedded corpus every table carries its document's place, and associations join agencies by key."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.run import RunSummary


def _table(corpus_run: tuple[Path, RunSummary], name: str) -> pd.DataFrame:
    return pd.read_parquet(corpus_run[0] / f"{name}.parquet")


def test_every_supervised_association_joins_one_agency(corpus_run: tuple[Path, RunSummary]) -> None:
    associations, agencies = _table(corpus_run, "associations"), _table(corpus_run, "agencies")
    supervised = associations[associations.registration == "supervised"]
    assert supervised.agency_key.notna().all()
    assert associations[associations.registration != "supervised"].agency_key.isna().all()
    assert set(supervised.agency_key) == set(agencies.agency_key)
    joined = supervised.merge(agencies, on="agency_key", suffixes=("", "_agency"))
    assert len(joined) == len(supervised)
    assert (joined.supervisor == joined.name_agency).all()


def test_agencies_carry_level_and_label(corpus_run: tuple[Path, RunSummary]) -> None:
    agencies = _table(corpus_run, "agencies")
    assert set(agencies.admin_level.dropna()) <= {"central", "province", "city", "county"}
    central = agencies[agencies.admin_level == "central"]
    assert (central.locality == "中央").all() and central.adcode.isna().all()
    assert agencies[agencies.admin_level == "city"].adcode.str.fullmatch(r"\d{4}00").all()


@pytest.mark.parametrize("name", ["associations", "milestones", "citations"])
def test_rows_carry_their_documents_place(corpus_run: tuple[Path, RunSummary], name: str) -> None:
    documents = _table(corpus_run, "documents")[["doc_id", "adcode", "locality"]]
    rows = _table(corpus_run, name).merge(documents, on="doc_id", suffixes=("", "_document"))
    assert len(rows)
    assert rows.adcode.equals(rows.adcode_document) and rows.locality.equals(rows.locality_document)


def test_kaifeng_has_a_readable_label(corpus_run: tuple[Path, RunSummary]) -> None:
    associations = _table(corpus_run, "associations")
    assert (associations.locality == "河南省开封市").sum() >= 150
