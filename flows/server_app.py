"""The web app `curation ui` serves (uvicorn factory `flows.server_app:create_app`): Prefect's
server, API and v1 UI, with on the same origin

- `/reports/`: the HTML reports folder (CURATION_REPORTS_DIR), read-only, behind the same login as
  the API when PREFECT_SERVER_API_AUTH_STRING is set (a browser answers the Basic challenge);
- no v2 UI: `/v2/...` answers 404 and `/ui-settings` lists only v1, so the v1 UI shows neither its
  "Try V2 UI" banner nor its "Switch to V2 UI" menu entry (the v2 UI calls an analytics host).

One origin means one address to publish (CURATION_PUBLIC_URL) and to put behind a proxy
(docs/deploy/nginx.conf).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
from pathlib import Path

from fastapi import FastAPI
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from flows.server import REPORTS_DIR_ENV, SERVER_AUTH_ENV


def create_app() -> FastAPI:
    """Prefect's app (as `prefect server start` builds it) with the routes above put first."""
    from prefect.server.api.server import create_app as prefect_app

    app = prefect_app(final=True)
    prefect_ui_settings = _ui_settings_endpoint(app)

    async def ui_settings(request):
        settings = prefect_ui_settings().model_copy(update={"available_uis": ["v1"], "v2_base_url": None,
                                                            "default_ui": "v1"})
        return JSONResponse(settings.model_dump(mode="json"))

    async def no_v2(request):
        return PlainTextResponse("The v2 UI is switched off here: it calls an analytics host.", status_code=404)

    routes = [Route("/ui-settings", ui_settings), Route("/v2", no_v2), Route("/v2/{rest:path}", no_v2)]
    reports = os.environ.get(REPORTS_DIR_ENV)
    if reports:
        files = StaticFiles(directory=Path(reports), html=False, follow_symlink=False)
        routes.append(Mount("/reports", app=BasicAuth(files, os.environ.get(SERVER_AUTH_ENV)), name="reports"))
    app.router.routes[:0] = routes
    return app


def _ui_settings_endpoint(app: FastAPI):
    """Prefect's own /ui-settings handler (inside the UI app mounted at /)."""
    for route in app.router.routes:
        if isinstance(route, Mount) and route.name == "ui":
            for inner in route.app.routes:
                if getattr(inner, "path", None) == "/ui-settings":
                    return inner.endpoint
    raise RuntimeError("Prefect's UI app has no /ui-settings route: this Prefect version is not supported")


class BasicAuth:
    """Wraps an ASGI app: with `credential` (user:password) set, a request must carry it as HTTP
    Basic authorization; else 401 with a challenge, so that a browser asks for the login."""

    def __init__(self, app: ASGIApp, credential: str | None):
        self.app, self.credential = app, credential

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.credential and scope["type"] == "http" and not self._allowed(scope):
            response = PlainTextResponse("login required", status_code=401,
                                         headers={"WWW-Authenticate": 'Basic realm="curation", charset="UTF-8"'})
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _allowed(self, scope: Scope) -> bool:
        header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            given = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return hmac.compare_digest(given.encode(), self.credential.encode())
