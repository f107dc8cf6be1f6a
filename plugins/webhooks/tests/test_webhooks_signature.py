"""verify_signature: what a receiver accepts and refuses."""

from __future__ import annotations

import pytest

from coulisses_webhooks import SignatureError, sign_payload, signature_header, verify_signature

SECRET = "whsec_test-secret-of-the-receiver"
BODY = b'{"id":"abc","type":"MemberAdded","org_id":1,"data":{}}'


def test_a_fresh_signature_of_the_raw_body_verifies_and_gives_its_timestamp():
    header = signature_header(SECRET, BODY, timestamp=1_800_000_000)

    assert verify_signature(SECRET, header, BODY, now=1_800_000_010) == 1_800_000_000
    assert header == f"t=1800000000,v1={sign_payload(SECRET, 1_800_000_000, BODY)}"


def test_a_tampered_body_fails():
    header = signature_header(SECRET, BODY, timestamp=1_800_000_000)

    with pytest.raises(SignatureError, match="mismatch"):
        verify_signature(SECRET, header, BODY.replace(b"abc", b"abd"), now=1_800_000_000)


def test_another_secret_fails():
    header = signature_header(SECRET, BODY, timestamp=1_800_000_000)

    with pytest.raises(SignatureError, match="mismatch"):
        verify_signature("whsec_other", header, BODY, now=1_800_000_000)


def test_a_replayed_request_older_than_the_tolerance_fails_and_so_does_one_from_the_future():
    header = signature_header(SECRET, BODY, timestamp=1_800_000_000)

    with pytest.raises(SignatureError, match="tolerance"):
        verify_signature(SECRET, header, BODY, now=1_800_000_301)
    with pytest.raises(SignatureError, match="tolerance"):
        verify_signature(SECRET, header, BODY, now=1_799_999_699)
    assert verify_signature(SECRET, header, BODY, tolerance=600, now=1_800_000_500)


def test_a_tampered_timestamp_fails():
    signature = sign_payload(SECRET, 1_800_000_000, BODY)

    with pytest.raises(SignatureError, match="mismatch"):
        verify_signature(SECRET, f"t=1800000100,v1={signature}", BODY, now=1_800_000_100)


@pytest.mark.parametrize(
    "header", [None, "", "garbage", "t=abc,v1=00", "t=1800000000", "v1=00", "t=1800000000,v1="]
)
def test_a_missing_or_malformed_header_fails(header):
    with pytest.raises(SignatureError):
        verify_signature(SECRET, header, BODY, now=1_800_000_000)


def test_any_of_several_v1_signatures_may_match():
    good = sign_payload(SECRET, 1_800_000_000, BODY)

    header = f"t=1800000000,v1={'0' * 64},v1={good}"

    assert verify_signature(SECRET, header, BODY, now=1_800_000_000) == 1_800_000_000


def test_settings_come_from_the_environment_and_plain_http_only_in_dev_and_test():
    from pydantic import ValidationError

    from coulisses_webhooks.config import Settings

    prod = Settings.from_env({"COULISSES_ENV": "prod", "WEBHOOKS_ATTEMPTS": "3"})
    assert (prod.attempts, prod.allow_http_loopback) == (3, False)
    assert Settings.from_env({"COULISSES_ENV": "test"}).allow_http_loopback is True
    assert Settings.from_env({}).allow_http_loopback is True  # the core's default is dev
    with pytest.raises(ValidationError):
        Settings.from_env({"WEBHOOKS_ATTEMPTS": "0"})


def test_the_retry_delay_doubles_up_to_its_ceiling():
    from coulisses_webhooks.config import override_settings
    from coulisses_webhooks.delivery import retry_delay

    with override_settings(retry_delay=30.0, retry_max_delay=100.0):
        assert [retry_delay(n) for n in (1, 2, 3, 4)] == [30, 60, 100, 100]
