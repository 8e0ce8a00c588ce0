"""What a CLI command gets: the paths, the settings, and the Runtime on demand."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import Any

from app.core.paths import AppPaths
from app.core.settings import Settings
from app.runtime import Runtime


@dataclass
class CliContext:
    args: argparse.Namespace
    paths: AppPaths
    settings: Settings
    _runtime: Runtime | None = field(default=None, repr=False)

    async def runtime(self) -> Runtime:
        """Open the Runtime (database, clients) the first time a command asks for it."""
        if self._runtime is None:
            self._runtime = await Runtime.open(self.paths, self.settings, database_url=self.args.db)
        return self._runtime

    async def close(self) -> None:
        if self._runtime is not None:
            await self._runtime.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def print_table(rows: list[list[Any]], headers: list[str]) -> None:
    """A plain aligned table for people; scripts should use --json."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for index, row in enumerate(cells):
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))
