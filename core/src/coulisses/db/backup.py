"""Backups of the whole database with pg_dump's custom format, and their restore.

``coulisses backup`` writes ``<COULISSES_DATA_DIR>/backups/coulisses-<UTC time>.dump``
(or ``--output``); ``coulisses restore FILE`` loads one into the configured database,
in one transaction, and refuses a database that already holds tables unless told
``--force`` (then what the dump holds replaces them). Everything is in the dump: the
core's and plugins' tables, the migration history, the job queue's tables, the instance
id (Redis keys stay valid). Owners and grants are left out: the dump restores into a
database of another user.

The tools are PostgreSQL's own: ``pg_dump`` and ``pg_restore`` of the embedded server
(pgserver ships them, version 16, which read servers 9.2 to 16), else the ones on the
PATH (a newer major than the server's is needed to dump it). The password never
appears on a command line: it goes to the tools through ``PGPASSWORD``.

Point-in-time recovery (WAL archiving) is the job of the PostgreSQL deployment, not of
this command: see docs/runbooks/ when present.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit


class BackupError(Exception):
    """A backup or restore that did not happen; the message says why (no secret)."""


def pg_tool(name: str) -> str:
    """The path of ``pg_dump`` / ``pg_restore``: the embedded server's, else the PATH's."""
    try:
        import pgserver

        bundled = Path(pgserver.__file__).parent / "pginstall" / "bin" / name
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} not found: install PostgreSQL's client tools")
    return found


def connection(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URL without its password, and the environment that carries it."""
    parts = urlsplit(url.replace("postgresql+asyncpg://", "postgresql://", 1))
    env = dict(os.environ)
    netloc = parts.netloc
    if parts.password is not None:
        env["PGPASSWORD"] = unquote(parts.password)
        user = parts.username or ""
        host = netloc.rsplit("@", 1)[1]
        netloc = f"{user}@{host}" if user else host
    return urlunsplit(parts._replace(netloc=netloc)), env


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tool = Path(args[0]).name
        # The tools' own messages name tables and files, never the password (not on the
        # command line); keep the last lines.
        detail = " ".join(done.stderr.strip().splitlines()[-3:])
        raise BackupError(f"{tool} failed (exit {done.returncode}): {_scrub(detail)}")


def _scrub(text: str) -> str:
    """No password even if a tool echoed a URL."""
    return re.sub(r"(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)


def default_path(data_dir: Path) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return data_dir / "backups" / f"coulisses-{stamp}.dump"


def backup(url: str, output: Path) -> Path:
    """Dump the database of ``url`` to ``output`` (custom format); the path written."""
    output.parent.mkdir(parents=True, exist_ok=True)
    dsn, env = connection(url)
    partial = output.with_name(output.name + ".part")
    try:
        _run(
            [
                pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={partial}",
                f"--dbname={dsn}",
            ],
            env,
        )
        partial.replace(output)  # a dump that stopped halfway never looks like a backup
    finally:
        partial.unlink(missing_ok=True)
    return output


def restore(url: str, dump: Path, *, force: bool, has_tables: bool) -> None:
    """Load ``dump`` into the database of ``url``, all or nothing. ``has_tables``: the
    target already holds tables (refused unless ``force``, which replaces them)."""
    if not dump.is_file():
        raise BackupError(f"no such file: {dump}")
    if has_tables and not force:
        raise BackupError(
            "the target database already holds tables: restore into an empty database,"
            " or pass --force to replace what it holds"
        )
    dsn, env = connection(url)
    args = [
        pg_tool("pg_restore"),
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        f"--dbname={dsn}",
    ]
    if has_tables:
        args += ["--clean", "--if-exists"]
    _run([*args, str(dump)], env)
