"""Security headers on every surface: API (errors included), docs, admin, web app, public pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from coulisses.web.security import inline_script_hashes

STATIC = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
}


def directives(response: httpx.Response) -> dict[str, list[str]]:
    csp = response.headers["content-security-policy"]
    out: dict[str, list[str]] = {}
    for part in csp.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def assert_protected(response: httpx.Response, referrer: str = "strict-origin-when-cross-origin"):
    for name, value in STATIC.items():
        assert response.headers.get(name) == value, (name, response.headers)
    assert response.headers["referrer-policy"] == referrer
    assert "camera=()" in response.headers["permissions-policy"]
    assert "geolocation=()" in response.headers["permissions-policy"]
    csp = directives(response)
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    scripts = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert "strict-transport-security" not in response.headers  # COULISSES_ENV=test
    return csp


async def test_json_api_answers_and_errors_carry_the_no_script_policy(client, monkeypatch):
    from coulisses.auth import service

    async def broken(*_: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(service, "login", broken)
    login = {"email": "a@example.org", "password": "x" * 12}
    answers = {
        200: await client.get("/healthz"),
        404: await client.get("/api/v1/no-such-thing"),
        405: await client.delete("/healthz"),
        413: await client.post(
            "/api/v1/auth/login",
            content=b'{"email":"' + b"a" * 1_100_000 + b'"}',
            headers={"content-type": "application/json"},
        ),
        500: await client.post("/api/v1/auth/login", json=login),
    }
    for status, response in answers.items():
        assert response.status_code == status, (status, response.text)
        csp = assert_protected(response)
        assert csp["default-src"] == ["'none'"]
        assert "script-src" not in csp


async def test_api_docs_allow_their_inline_script_by_hash_only(client):
    response = await client.get("/api/docs")
    assert response.status_code == 200
    csp = assert_protected(response)
    hashes = inline_script_hashes(response.content)
    assert hashes, "the Swagger UI page bootstraps with an inline script"
    assert {f"'{h}'" for h in hashes} <= set(csp["script-src"])
    assert "https://cdn.jsdelivr.net" in csp["script-src"]


async def test_admin_pages_redirects_and_login_answers_carry_the_headers(client):
    for path, status in (("/admin", 308), ("/admin/", 200), ("/adminx", 404)):
        response = await client.get(path)
        assert response.status_code == status, path
        csp = assert_protected(response)
        if path == "/admin/":
            assert csp["script-src"] == ["'self'"]
    page = await client.get("/admin/")
    login = await client.post(
        "/admin/public/login/",
        json={"username": "nobody@example.org", "password": "Wrong-password-123"},
        headers={"X-CSRFToken": page.cookies.get("csrftoken", "")},
    )
    assert login.status_code == 401
    assert_protected(login)


async def test_public_unsubscribe_page_gets_no_referrer_because_its_url_holds_a_token(client):
    response = await client.get("/api/v1/notifications/unsubscribe/?token=forged")
    assert response.status_code in (200, 404)
    assert_protected(response, referrer="no-referrer")


@pytest.fixture
async def web_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app: Any):
    """The same app factory, serving a built web app from a temporary dist folder."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><script type="module" src="/assets/app.js"></script>'
    )
    (tmp_path / "assets" / "app.js").write_text("console.log('app')")
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    (tmp_path / "manifest.webmanifest").write_text('{"name": "Coulisses Crew"}')
    monkeypatch.setenv("COULISSES_FRONTEND_DIST", str(tmp_path))
    from coulisses.web.app import create_app

    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_web_app_pages_and_assets_get_the_same_origin_script_policy(web_app):
    for path in ("/", "/planning", "/assets/app.js"):
        response = await web_app.get(path)
        assert response.status_code == 200, path
        csp = assert_protected(response)
        assert csp["script-src"] == ["'self'"]
        assert csp["connect-src"] == ["'self'"]


async def test_installable_app_files_are_revalidated_and_typed(web_app):
    worker = await web_app.get("/sw.js")
    assert worker.status_code == 200
    assert worker.headers["cache-control"] == "no-cache"
    assert "javascript" in worker.headers["content-type"]
    assert_protected(worker)
    manifest = await web_app.get("/manifest.webmanifest")
    assert manifest.status_code == 200
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    assert manifest.headers["cache-control"] == "no-cache"
    assert (await web_app.get("/assets/app.js")).headers["cache-control"].endswith("immutable")


async def test_web_app_pages_whose_url_holds_a_token_send_no_referrer(web_app):
    for path in ("/invitations/4?token=secret", "/reset-password?token=secret"):
        response = await web_app.get(path)
        assert response.status_code == 200, path
        assert_protected(response, referrer="no-referrer")


async def test_hsts_is_sent_outside_dev_only(monkeypatch, app):
    from coulisses.web import app as app_module

    production = app_module.get_settings().model_copy(update={"env": "production"})
    monkeypatch.setattr(app_module, "get_settings", lambda: production)
    transport = httpx.ASGITransport(app=app_module.create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        response = await c.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")
