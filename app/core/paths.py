"""Where the app keeps its files.

Everything lives in the platform's user folders, or under ``JOBAGENT_HOME``
when it is set (tests and portable installs always set it).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from app import APP_ID, ORG_NAME

HOME_ENV = "JOBAGENT_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The app's folders; ``ensure()`` creates them."""

    data: Path
    config: Path
    logs: Path
    cache: Path

    @property
    def documents(self) -> Path:
        """Copies of imported CVs, so a profile survives the original moving."""
        return self.data / "documents"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def sqlite_file(self) -> Path:
        return self.data / "jobagent.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.logs / "jobagent.log"

    def ensure(self) -> AppPaths:
        for folder in (self.data, self.config, self.logs, self.cache, self.documents):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """Resolve the folders: explicit ``home``, then ``JOBAGENT_HOME``, then platformdirs."""
    home = home or os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser().resolve()
        return AppPaths(root / "data", root / "config", root / "logs", root / "cache")
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_ID, ORG_NAME)
    return AppPaths(
        Path(dirs.user_data_dir),
        Path(dirs.user_config_dir),
        Path(dirs.user_log_dir),
        Path(dirs.user_cache_dir),
    )


def bundle_root() -> Path:
    """The folder holding ``migrations/`` and ``resources/``: the repo, or the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return bundle_root() / "migrations"
