"""Salvage: the valid parts of a record that failed validation.

The loader reports every error of a record, then runs the reference and
semantic checks on what ``salvage`` keeps of it, so one run lists every error.
"""

from __future__ import annotations

import contextlib
import functools
import typing
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from kin import shapes


def salvage(model: type[BaseModel], raw: Any, exc: ValidationError | None = None) -> BaseModel | None:
    """Build ``model`` from the fields of ``raw`` that are valid, recursing into
    sub-records, so the loader's checks can run on everything that is not wrong.
    The result is never published: any error stops the build."""
    if exc is None:
        try:
            return model.model_validate(raw)
        except ValidationError as caught:
            exc = caught
    if not isinstance(raw, dict):
        return None
    bad = {err["loc"][0] for err in exc.errors() if err["loc"]}
    values: dict[str, Any] = {}
    for name in model.model_fields:
        if name not in raw:
            continue
        if name not in bad:
            with contextlib.suppress(ValidationError):
                values[name] = _adapter(model, name).validate_python(raw[name])
            continue
        shape = shapes.of(model.model_fields[name])
        sub, many = (shape.model, shape.many) if not shape.inputs else (None, False)  # text-or-record: not by item
        if sub is not None and many and isinstance(raw[name], list):
            values[name] = [salvage(sub, item) for item in raw[name]]
        elif sub is not None and not many:
            values[name] = salvage(sub, raw[name])
    return model.model_construct(**values)


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter:
    info = model.model_fields[name]
    return TypeAdapter(typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)
