"""Which exceptions mean "a backing service is unavailable" (503) rather than a bug (500)."""

from __future__ import annotations

import asyncpg.exceptions as pg
import pytest
import redis.exceptions as rd

from coulisses.errors import internal_error_handler, unavailable_cause


@pytest.mark.parametrize(
    "exc",
    [
        ConnectionRefusedError(111, "Connect call failed"),
        ConnectionResetError(104, "Connection reset by peer"),
        TimeoutError(),
        OSError("Multiple exceptions: [Errno 111] Connect call failed ('::1', 5432)"),
        pg.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
        pg.CannotConnectNowError("the database system is starting up"),
        pg.AdminShutdownError("terminating connection due to administrator command"),
        pg.QueryCanceledError("canceling statement due to statement timeout"),
        pg.TooManyConnectionsError("sorry, too many clients already"),
        pg.InterfaceError("connection is closed"),
        pg.InterfaceError("pool is closing"),
        rd.ConnectionError("Error 111 connecting to 127.0.0.1:6379"),
        rd.TimeoutError("Timeout reading from socket"),
    ],
)
def test_outage_errors_are_unavailable(exc):
    assert unavailable_cause(exc) is exc
    response = internal_error_handler(None, exc)  # type: ignore[arg-type]
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"


def test_an_outage_behind_another_exception_is_unavailable():
    outer = RuntimeError("could not load the planning")
    outer.__cause__ = ConnectionRefusedError(111, "Connect call failed")
    assert unavailable_cause(outer) is outer.__cause__


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("bug"),
        KeyError("x"),
        FileNotFoundError(2, "No such file or directory"),
        pg.InterfaceError("cannot perform operation: another operation is in progress"),
        pg.UndefinedColumnError('column "nope" does not exist'),
        rd.ResponseError("WRONGTYPE Operation against a key holding the wrong kind of value"),
    ],
)
def test_bugs_stay_internal_errors(exc):
    assert unavailable_cause(exc) is None
    assert internal_error_handler(None, exc).status_code == 500  # type: ignore[arg-type]
