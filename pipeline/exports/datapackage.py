"""`datapackage.json` beside the Parquet tables: a Frictionless Data Package (v1) describing every table.

Any Frictionless tool (or a person) then knows each column's type, meaning, allowed values, keys and
the run the tables come from without reading our code. Types follow Table Schema: enumerations are
strings with an `enum` constraint, dates are `date` (stored as midnight timestamps), list columns
`array`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa

from pipeline.exports.tables import Provenance, description, read_provenance, table_path
from pipeline.schemas import TABLE_INFO, TABLES, ForeignKey, enum_values
from pipeline.writer import replace_atomically

DATAPACKAGE = "datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def write_datapackage(output_dir: Path) -> Path:
    """Write `OUTPUT/datapackage.json` for the run's Parquet tables in `output_dir`, atomically; return its path."""
    text = json.dumps(descriptor(read_provenance(output_dir)), ensure_ascii=False, indent=2) + "\n"
    path = output_dir / DATAPACKAGE
    replace_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))
    return path


def descriptor(provenance: Provenance) -> dict[str, Any]:
    """The package: one tabular resource per table, paths relative to the folder the package sits in."""
    return {
        "profile": "tabular-data-package",
        "name": "tuogou",
        "title": "tuogou: decoupling industry associations from agencies (脱钩), as tables",
        "description": "Tables extracted by tuogou from Chinese government documents on decoupling industry"
        " associations and chambers of commerce from administrative agencies.",
        "created": provenance.run_time,
        "tuogou": {
            "version": provenance.version,
            "run_id": provenance.run_id,
            "input_fingerprint": provenance.input_fingerprint,
        },
        "resources": [_resource(name) for name in TABLES],
    }


def _resource(name: str) -> dict[str, Any]:
    info = TABLE_INFO[name]
    schema: dict[str, Any] = {"fields": [field_descriptor(f) for f in TABLES[name]]}
    if info.primary_key:
        schema["primaryKey"] = list(info.primary_key)
    if info.foreign_keys:
        schema["foreignKeys"] = [_foreign_key(name, key) for key in info.foreign_keys]
    return {
        "profile": "tabular-data-resource",
        "name": name,
        "path": table_path(Path(), name).as_posix(),
        "format": "parquet",
        "mediatype": PARQUET_MEDIATYPE,
        "description": info.description,
        "schema": schema,
    }


def field_descriptor(field: pa.Field) -> dict[str, Any]:
    """A Table Schema field: name, type, description and constraints (required, enum)."""
    values = enum_values(field)
    result: dict[str, Any] = {"name": field.name, "type": field_type(field.type), "description": description(field)}
    constraints: dict[str, Any] = {}
    if not field.nullable:
        constraints["required"] = True
    if values is not None:
        constraints["enum"] = list(values)
    if constraints:
        result["constraints"] = constraints
    return result


def field_type(type_: pa.DataType) -> str:
    """The Table Schema type of an Arrow column."""
    if pa.types.is_list(type_):
        return "array"
    if pa.types.is_timestamp(type_):
        return "date"
    if pa.types.is_dictionary(type_):
        return "string"
    return {pa.string(): "string", pa.int32(): "integer", pa.bool_(): "boolean"}[type_]


def _foreign_key(name: str, key: ForeignKey) -> dict[str, Any]:
    """A Table Schema foreign key; a key within the same table names resource `""`, as the spec asks."""
    reference = {"resource": "" if key.table == name else key.table, "fields": list(key.references)}
    return {"fields": list(key.columns), "reference": reference}
