"""Error types shared by the loader and the validator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, at a line and column (1-based)."""

    file: str
    line: int
    column: int
    path: tuple[str | int, ...]
    message: str

    @property
    def field(self) -> str:
        """Dotted path to the field, e.g. ``agenda[2].speakers[0]``."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out or "(fil)"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.field}: {self.message}"


class DataValidationError(Exception):
    """Raised once with every error found in the data."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(set(errors))
        count = len(self.errors)
        lines = "\n".join(str(e) for e in self.errors)
        super().__init__(f"{count} feil i dataene:\n{lines}")
