"""Synthetic but valid KIN data at N times the real size, for the build benchmark.

The real records are kept as they are (so 1x is the real data), and N-1 copies
of every person, meeting, course and statement are added. Each copy gets new
ids, and every reference inside it (speakers, contacts, meetings ...) points at
the same copy, found through the schema's Ref markers. Organisations, the relay,
resources and the network file stay as they are.

    python scripts/generate_data.py 10 /tmp/kin-10x
"""

from __future__ import annotations

import argparse
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kin import load_dataset, shapes  # noqa: E402
from kin.collections import BY_NAME  # noqa: E402

DATA = ROOT / "data"


def _person_id(pid: str, k: int) -> str:
    return f"{pid}-k{k}"


def _moved(day: date, k: int) -> date:
    return day + timedelta(weeks=52 * k)  # keeps the weekday


def _meeting_id(mid: str, k: int) -> str:
    return _moved(date.fromisoformat(mid), k).isoformat()  # meeting ids are dates


MAPPERS = {"people": _person_id, "meetings": _meeting_id}


def remap(model: BaseModel, k: int) -> BaseModel:
    """Copy ``model`` with every person and meeting reference moved to copy ``k``."""
    updates: dict[str, object] = {}
    for name, shape in shapes.fields(type(model)).items():
        value = getattr(model, name)
        ref, many = shape.ref, shape.many
        if ref is not None and value is not None and ref.collection in MAPPERS:
            move = MAPPERS[ref.collection]
            updates[name] = [move(v, k) for v in value] if many else move(value, k)
        elif isinstance(value, BaseModel):
            updates[name] = remap(value, k)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            updates[name] = [remap(item, k) for item in value]
    return model.model_copy(update=updates)


def _dump(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def _plain(model: BaseModel) -> dict:
    return model.model_dump(mode="json", exclude_defaults=True)


def generate(scale: int, out: Path, source: Path = DATA) -> Path:
    """Write data at ``scale`` times the size of ``source`` into ``out``; return ``out``."""
    data = load_dataset(source)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)

    def write(collection: str, record: BaseModel) -> None:
        c = BY_NAME[collection]
        _dump(out / c.path_of(getattr(record, c.id_field)), _plain(record))

    for k in range(1, scale):
        for p in data.people:
            write("people", remap(p, k).model_copy(update={"id": _person_id(p.id, k), "name": f"{p.name} {k}"}))
        for m in data.meetings:
            mid = _meeting_id(m.id, k)
            write(
                "meetings",
                remap(m, k).model_copy(update={"id": mid, "date": _moved(m.date, k), "theme": f"{m.theme} ({k})"}),
            )
        for c in data.courses:
            update = {"id": f"{c.id}-k{k}", "title": f"{c.title} {k}", "code": f"{c.code}-{k}" if c.code else None}
            write("courses", remap(c, k).model_copy(update=update))
        for st in data.statements:
            write("statements", remap(st, k).model_copy(update={"id": f"{st.id}-k{k}", "title": f"{st.title} ({k})"}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", type=int, help="1 = the real data")
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    data = load_dataset(generate(args.scale, args.out))
    print(f"{args.out}: {len(data.people)} people, {len(data.meetings)} meetings, "
          f"{len(data.courses)} courses, {len(data.statements)} statements")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
