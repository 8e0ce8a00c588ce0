"""A throwaway PostgreSQL server, started from the machine's own binaries.

Roles: ``postgres`` (superuser, test set-up only), ``jobagent_owner`` (owns
the database and runs migrations) and ``jobagent_app`` (what the app
connects as: rows only, after ``jobagent db grant``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPER_PASSWORD = "super-secret-pw"
OWNER_PASSWORD = "owner-pw-123"
APP_PASSWORD = "app-pw-456"


def find_bindir() -> Path | None:
    explicit = os.environ.get("PG_BINDIR")
    if explicit:
        return Path(explicit)
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
    )
    if candidates:
        return Path(candidates[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    bindir: Path
    root: Path
    port: int

    def url(
        self, user: str = "postgres", password: str = SUPER_PASSWORD, database: str = "postgres"
    ) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    @property
    def owner_url(self) -> str:
        return self.url("jobagent_owner", OWNER_PASSWORD, "jobagent")

    @property
    def app_url(self) -> str:
        return self.url("jobagent_app", APP_PASSWORD, "jobagent")

    def _run(self, *command: str) -> None:
        argv = [str(self.bindir / command[0]), *command[1:]]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            argv = ["runuser", "-u", "postgres", "--", *argv]
        subprocess.run(argv, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data, pwfile = self.root / "data", self.root / "pw"
        pwfile.write_text(SUPER_PASSWORD)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(pwfile, "postgres", "postgres")
        self._run(
            "initdb",
            "-D",
            str(data),
            "-U",
            "postgres",
            "--pwfile",
            str(pwfile),
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} "
            f"-c unix_socket_directories={self.root} -c fsync=off"
        )
        self._run(
            "pg_ctl", "-D", str(data), "-l", str(self.root / "log"), "-w", "-o", options, "start"
        )

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def create_roles_and_database(self) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE ROLE jobagent_owner LOGIN PASSWORD '{OWNER_PASSWORD}'")
            conn.execute(f"CREATE ROLE jobagent_app LOGIN PASSWORD '{APP_PASSWORD}'")
            conn.execute("CREATE DATABASE jobagent OWNER jobagent_owner")

    def reset_database(self) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS jobagent WITH (FORCE)")
            conn.execute("CREATE DATABASE jobagent OWNER jobagent_owner")


def start_server() -> PostgresServer | str:
    """A running server, or the reason there cannot be one here."""
    bindir = find_bindir()
    if bindir is None or not (bindir / "initdb").exists():
        return "PostgreSQL binaries not found (install Debian's postgresql, or set PG_BINDIR)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser"
    root = Path(tempfile.mkdtemp(prefix="jobagent-pg-"))
    os.chmod(root, 0o700)
    server = PostgresServer(bindir, root, _free_port())
    try:
        server.start()
        server.create_roles_and_database()
    except (subprocess.CalledProcessError, OSError) as exc:
        log = root / "log"
        detail = log.read_text()[-2000:] if log.exists() else getattr(exc, "stderr", b"")
        shutil.rmtree(root, ignore_errors=True)
        return f"PostgreSQL did not start: {exc}\n{detail}"
    return server
