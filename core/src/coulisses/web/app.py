"""The Litestar application: all wiring in one place (routes, middleware, lifespan)."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import AsyncGenerator
from typing import Any

from litestar import Litestar, Router
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme

from coulisses import __version__
from coulisses.apikeys.api import ApiKeyController
from coulisses.audit.api import AuditController
from coulisses.auth.api import AuthController, MfaController
from coulisses.auth.middleware import auth_middleware
from coulisses.db.connection import close_pool, open_pool
from coulisses.errors import EXCEPTION_HANDLERS
from coulisses.gdpr.api import PersonalDataController, RetentionController
from coulisses.jobs.queue import CoreHost, JobRuntime, set_runtime
from coulisses.live.api import stream_events
from coulisses.live.bus import close_bus
from coulisses.logs import install_redaction, request_context_middleware
from coulisses.observability.api import metrics
from coulisses.observability.metrics import HTTP as HTTP_METRICS
from coulisses.observability.tracing import setup_from_environment as setup_tracing
from coulisses.observability.tracing import traced_app
from coulisses.plugins.api import OrgPluginsController, get_frontend_manifest, plugin_asset
from coulisses.plugins.gate import plugin_gate, plugin_routers
from coulisses.plugins.loader import get_registry
from coulisses.scheduling.api import SCHEDULING_CONTROLLERS
from coulisses.settings import get_settings
from coulisses.tenancy.api import OrgController
from coulisses.web.health import healthz, readyz
from coulisses.web.input_guards import CoulissesRequest, guard_input
from coulisses.web.openapi import document_responses
from coulisses.web.responses import RedactingResponse
from coulisses.web.security import SecurityHeaders, origin_of, security_headers_middleware
from coulisses.web.spa import spa_handlers
from coulisses_sdk import host as sdk_host

logger = logging.getLogger(__name__)


def _admin_handlers() -> list[Any]:
    try:
        from coulisses_admin import admin_handlers
    except ImportError:
        return []
    handlers: list[Any] = admin_handlers()
    return handlers


def _dev_handlers(is_dev: bool) -> list[Any]:
    """Routes that exist in dev only (absent elsewhere, OpenAPI included)."""
    if not is_dev:
        return []
    from coulisses.mail.api import list_dev_outbox_route

    return [list_dev_outbox_route]


def create_app(*, run_worker: bool = False, pool_size: int = 10) -> Litestar:
    """Build the app. ``run_worker`` starts an in-process SAQ worker (demo, tests).

    Outside dev, raises ``InsecureSecretKeyError`` unless the secret keys look random.
    """
    settings = get_settings()
    settings.check_secret_keys()
    registry = get_registry()
    install_redaction()
    setup_tracing()

    @contextlib.asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        await open_pool(pool_size)
        runtime = JobRuntime()
        await runtime.connect()
        set_runtime(runtime)
        sdk_host.set_host(CoreHost(runtime))
        runtime.start_pusher(events=True)
        if run_worker:
            runtime.start_worker()
        app.state.jobs = runtime
        # Everything allocated at startup lives as long as the process: keep it out of the
        # cyclic collector so full collections stay short (measured in bench/: planning p95
        # 115 ms -> 25 ms under load).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            sdk_host.set_host(None)
            set_runtime(None)
            await runtime.close()
            await close_bus()
            await close_pool()

    handlers: list[Any] = [
        healthz,
        readyz,
        metrics,
        AuthController,
        MfaController,
        OrgController,
        RetentionController,
        PersonalDataController,
        ApiKeyController,
        OrgPluginsController,
        AuditController,
        get_frontend_manifest,
        plugin_asset,
        stream_events,
        *SCHEDULING_CONTROLLERS,
        *_dev_handlers(settings.is_dev),
        *plugin_routers(registry),
        *_admin_handlers(),
        *spa_handlers(),  # last: the web app's catch-all
    ]
    swagger = SwaggerRenderPlugin(path="/")
    app = Litestar(
        route_handlers=[Router(path="/", route_handlers=handlers)],
        request_class=CoulissesRequest,
        # The privacy step (coulisses.privacy) on every returned value.
        response_class=RedactingResponse,
        middleware=[HTTP_METRICS.middleware, auth_middleware],
        guards=[plugin_gate],
        exception_handlers=EXCEPTION_HANDLERS,
        lifespan=[lifespan],
        request_max_body_size=settings.max_body_bytes,
        openapi_config=OpenAPIConfig(
            title="Coulisses Crew API",
            version=__version__,
            path="/api/docs",
            render_plugins=[swagger],
            components=Components(
                security_schemes={
                    "ApiKey": SecurityScheme(
                        type="http",
                        scheme="bearer",
                        description="An org API key, Authorization: Bearer ck_... (docs/api.md)"
                        "; the web app uses its session cookies instead.",
                    )
                }
            ),
        ),
        debug=False,
        # The CLI configures logging (coulisses.logs.configure_logging: JSON lines, request
        # ids); Litestar's own config would replace those handlers at startup.
        logging_config=None,
    )
    document_responses(app)
    # Before routing, so unknown paths, mounts (/admin) and the web app's catch-all are
    # covered too.
    app.asgi_handler = guard_input(app.asgi_handler, settings.max_body_bytes)
    # Outermost, around the whole ASGI handler (the input guard included) rather than in
    # ``middleware=``: route middleware never sees the 404/405 answers of the router
    # itself, while this wrapper sees every response (routes, /admin, the web app, errors).
    app.asgi_handler = security_headers_middleware(
        app.asgi_handler,
        SecurityHeaders(
            hsts=not settings.is_dev,
            docs_cdn_origins=tuple(
                origin_of(url)
                for url in (swagger.js_url, swagger.css_url, swagger.standalone_preset_js_url)
            ),
        ),
    )
    # Outermost of all: the request id is known to every log line, the security headers'
    # included, and the access line times the whole answer.
    app.asgi_handler = request_context_middleware(app.asgi_handler)
    # Around that, the trace (when on): the access line is logged inside the request's span.
    app.asgi_handler = traced_app(app.asgi_handler)
    return app
