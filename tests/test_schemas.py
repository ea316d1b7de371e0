"""The committed JSON Schemas are generated from the models and agree with them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from leerdoelen.load.schemas import MODELS, render, stale_schemas
from leerdoelen.load.shape import validate_shape
from leerdoelen.load.yamlfile import parse_yaml

ROOT = Path(__file__).parents[1]
GOLDEN = Path(__file__).parent / "golden"


def test_committed_schemas_match_the_models() -> None:
    stale = stale_schemas(ROOT / "schemas")
    assert not stale, f"run 'leerdoelen schemas': {[p.name for p in stale]} drifted"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_schema_is_valid_draft_2020_12_with_id(name: str) -> None:
    schema = json.loads(render(name))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{name}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)


def _examples() -> list[Path]:
    """The example files that are YAML the loader accepts (valid or not in shape)."""
    return sorted(
        path
        for path in GOLDEN.glob("*/goals/*/*.yaml")
        if parse_yaml(path.read_bytes(), path.name).ok
    )


@pytest.mark.parametrize("path", _examples(), ids=lambda p: f"{p.parts[-4]}/{p.name}")
def test_schema_and_model_agree_on_every_example(path: Path) -> None:
    """A file passes the JSON Schema exactly when it passes the model."""
    loaded = parse_yaml(path.read_bytes(), path.name)
    name = "kader" if path.name == "kader.yaml" else "leerdoel"
    validator = jsonschema.Draft202012Validator(json.loads(render(name)))
    by_schema = validator.is_valid(loaded.data)
    by_model = validate_shape(loaded, MODELS[name]) is not None
    # uniqueItems is in the schema; the model leaves it to the LD206 rule.
    data = loaded.data if isinstance(loaded.data, dict) else {}
    has_duplicates = any(
        isinstance(v, list) and len(v) != len({json.dumps(i, default=str) for i in v})
        for v in data.values()
    )
    assert by_schema == (by_model and not has_duplicates)
