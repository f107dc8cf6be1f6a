"""Secret keys: outside dev only random-looking keys; in dev a generated key, never a constant."""

from __future__ import annotations

import secrets
import stat

import pytest

from coulisses.settings import (
    DEV_KEY_FILE,
    InsecureSecretKeyError,
    Settings,
    key_problem,
)

OLD_DEFAULT = "dev-insecure-secret-change-me-in-production-please"


def _settings(**env: object) -> Settings:
    """Settings from these values only (the test run's own key is not inherited)."""
    values: dict[str, object] = {"COULISSES_SECRET_KEY": "", **env}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "key",
    [
        "",
        "short-but-random-Xq3",
        OLD_DEFAULT,
        "change-me-to-a-long-random-secret-of-32-bytes-or-more",
        "a" * 64,
        "abcdefghijklmnopqrstuvwxyz0123456789",
        "passwordpasswordpasswordpassword",
        "0123456789abcdef" * 4,
    ],
    ids=[
        "empty",
        "short",
        "old-default",
        "env-example",
        "one-char",
        "sequence",
        "repeated",
        "hex-run",
    ],
)
def test_a_short_published_or_low_entropy_key_is_refused(key):
    assert key_problem(key) is not None


@pytest.mark.parametrize(
    "make",
    [
        lambda: secrets.token_urlsafe(32),
        lambda: secrets.token_urlsafe(48),
        lambda: secrets.token_hex(32),
    ],
    ids=["urlsafe-32", "urlsafe-48", "hex-32"],
)
def test_generated_random_keys_are_accepted(make):
    for _ in range(200):
        assert key_problem(make()) is None


def test_production_settings_without_a_key_refuse_with_a_clear_message(tmp_path):
    settings = _settings(COULISSES_ENV="prod", COULISSES_DATA_DIR=tmp_path)
    assert settings.secret_key == ""
    with pytest.raises(InsecureSecretKeyError, match=r"COULISSES_SECRET_KEY.*token_urlsafe"):
        settings.check_secret_keys()
    assert not (tmp_path / DEV_KEY_FILE).exists()  # never a fallback outside dev


@pytest.mark.parametrize("key", [OLD_DEFAULT, "tooshort"])
def test_production_settings_with_a_weak_key_refuse(tmp_path, key):
    settings = _settings(COULISSES_ENV="prod", COULISSES_SECRET_KEY=key)
    with pytest.raises(InsecureSecretKeyError):
        settings.check_secret_keys()


def test_production_settings_refuse_a_weak_old_key_too():
    settings = _settings(
        COULISSES_ENV="prod",
        COULISSES_SECRET_KEY=secrets.token_urlsafe(48),
        COULISSES_OLD_SECRET_KEYS=f"{secrets.token_urlsafe(48)},{OLD_DEFAULT}",
    )
    with pytest.raises(InsecureSecretKeyError, match="COULISSES_OLD_SECRET_KEYS"):
        settings.check_secret_keys()


def test_production_settings_with_random_keys_start():
    new, old = secrets.token_urlsafe(48), secrets.token_urlsafe(48)
    settings = _settings(
        COULISSES_ENV="prod", COULISSES_SECRET_KEY=new, COULISSES_OLD_SECRET_KEYS=f" {old} ,"
    )
    settings.check_secret_keys()
    assert settings.verification_keys == [new, old]  # the current key first


def test_dev_without_a_key_generates_one_kept_in_the_data_folder_mode_600(tmp_path):
    first = _settings(COULISSES_ENV="dev", COULISSES_DATA_DIR=tmp_path / "data")
    path = tmp_path / "data" / DEV_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert first.secret_key == path.read_text().strip()
    assert key_problem(first.secret_key) is None
    assert first.secret_key != OLD_DEFAULT
    again = _settings(COULISSES_ENV="dev", COULISSES_DATA_DIR=tmp_path / "data")
    assert again.secret_key == first.secret_key  # sessions survive a restart
    other = _settings(COULISSES_ENV="dev", COULISSES_DATA_DIR=tmp_path / "other")
    assert other.secret_key != first.secret_key
