"""The review web page: a FastAPI app over the store, for people and for a token client.

Security model (see docs/review.md): reads and writes need a login (argon2-checked
account, signed HttpOnly SameSite=Strict session cookie) or a single user's bearer
token; every form carries the session's CSRF token; login attempts are rate-limited;
all text is escaped by Jinja2 autoescaping; responses carry a nonce-based CSP.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, Form, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.middleware.trustedhost import TrustedHostMiddleware

from summarizer import errors
from summarizer.review import accounts, service
from summarizer.review.auth import (
    HashingBusy,
    LoginGuard,
    RateLimiter,
    new_secret,
    sign,
    tokens_match,
    unsign,
)
from summarizer.review.pages import highlight_segments, safe_next
from summarizer.review.terminal import visible_controls

T = TypeVar("T")
_LOG = logging.getLogger(__name__)
SESSION_COOKIE = "smzr_session"
LOGIN_COOKIE = "smzr_login"
DEVICE_COOKIE = "smzr_device"
"""Set after a successful sign-in: that browser's failures are counted apart from the
peer address's, so a guesser without it cannot lock the user out (see `LoginGuard`)."""
DEVICE_COOKIE_AGE = 180 * 24 * 3600
MAX_BODY_BYTES = 64 * 1024
"""Every form and API body of this app is small; larger ones get 413 before parsing."""
_HERE = Path(__file__).resolve().parent
_NOTICES = {
    "approved": "approved",
    "corrected": "corrected",
    "rejected": "rejected",
    "open": "reopened",
}


class PageError(errors.ReviewError):
    """Rendered as an error page (or JSON for the API) with an HTTP status."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


@dataclass
class AppState:
    engine: Engine
    env: Environment
    limiter: LoginGuard
    secure_cookies: bool
    signing_key: str = ""


class DecisionBody(BaseModel):
    """JSON body of an API decision."""

    value: str | None = None
    field: str | None = None
    reason: str | None = None
    override: bool = False


def _security_headers(response: Response, nonce: str) -> None:
    response.headers["Content-Security-Policy"] = (
        f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers.setdefault("Cache-Control", "no-store")


def create_app(
    engine: Engine,
    *,
    limiter: LoginGuard | RateLimiter | None = None,
    secure_cookies: bool = False,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """Build the app; ``allowed_hosts`` guards a loopback server against DNS rebinding."""
    env = Environment(
        loader=FileSystemLoader(str(_HERE / "templates")),
        autoescape=True,  # every page renders untrusted article text
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=visible_controls,  # RTL overrides and control bytes shown, not obeyed
    )
    if isinstance(limiter, RateLimiter):  # a plain window: lock after that many failures
        limiter = LoginGuard(limit=limiter.limit, window_s=limiter.window_s)
    state = AppState(engine, env, limiter or LoginGuard(), secure_cookies)
    app = FastAPI(title="summarizer review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.review = state
    app.mount("/static", StaticFiles(directory=str(_HERE / "static")), name="static")
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        request.state.nonce = secrets.token_urlsafe(16)
        try:
            response = _body_refusal(request) or await call_next(request)
        except Exception:
            _LOG.exception("unhandled error on %s %s", request.method, request.url.path)
            response = _plain_error(request, 500, "Something went wrong on the server.")
        _security_headers(response, request.state.nonce)
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        message = "malformed request: " + "; ".join(
            f"{'.'.join(str(p) for p in error.get('loc', ()))}: {error.get('msg')}"
            for error in exc.errors()[:3]
        )
        return _plain_error(request, 400, message)

    @app.exception_handler(PageError)
    async def page_error(request: Request, exc: PageError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.message}, status_code=exc.status)
        return _render(request, "error.html", exc.status, title=exc.title, message=exc.message)

    _register_routes(app, state)
    return app


# --------------------------------------------------------------------------- plumbing


def _body_refusal(request: Request) -> Response | None:
    """413/411 for bodies this app never needs, before anything reads them."""
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    length = request.headers.get("content-length")
    if length is None:
        if "chunked" in request.headers.get("transfer-encoding", "").lower():
            return _plain_error(request, 411, "send the request body with a Content-Length")
        return None
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return _plain_error(request, 413, f"request body over {MAX_BODY_BYTES} bytes")
    return None


def _plain_error(request: Request, status: int, message: str) -> Response:
    """An error answer that needs neither templates nor the database."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    text = html_escape(message)
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Error</title>"
        f'<h1>Error {status}</h1><p>{text}</p><p><a href="/queue">Back to the queue</a></p>'
    )
    return HTMLResponse(page, status_code=status)


def _state(request: Request) -> AppState:
    state: AppState = request.app.state.review
    return state


def _session(request: Request) -> Session:
    return Session(_state(request).engine, expire_on_commit=False)


def _read(
    request: Request,
    read: Callable[[Session], T],
    status: int,
    title: str,
    refused: type[service.ReviewError] = service.ReviewError,
) -> T:
    """One service read; a problem the request caused (`refused`) is that error page."""
    with _session(request) as session:
        try:
            return read(session)
        except refused as exc:
            raise PageError(status, title, str(exc)) from exc


def _render(
    request: Request, template: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    reviewer = context.get("reviewer")
    context.setdefault("csrf_token", getattr(reviewer, "csrf_token", None) or "")
    context.setdefault("nonce", getattr(request.state, "nonce", ""))
    context.setdefault("notice", None)
    context.setdefault("nav", "")
    html = _state(request).env.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def _signing_key(request: Request) -> str:
    state = _state(request)
    if not state.signing_key:
        with _session(request) as session:
            state.signing_key = accounts.signing_key(session)
    return state.signing_key


def _session_id(request: Request) -> str | None:
    cookie = request.cookies.get(SESSION_COOKIE)
    return unsign(cookie, _signing_key(request)) if cookie else None


def current_reviewer(request: Request) -> accounts.Reviewer | None:
    """From a bearer token (API clients) or the signed session cookie (browsers)."""
    header = request.headers.get("authorization", "")
    with _session(request) as session:
        if header.lower().startswith("bearer "):
            return accounts.user_for_token(session, header[7:].strip())
        session_id = _session_id(request)
        return accounts.session_reviewer(session, session_id) if session_id else None


def _uses_bearer(request: Request) -> bool:
    return request.headers.get("authorization", "").lower().startswith("bearer ")


def _page_reviewer(request: Request) -> accounts.Reviewer | RedirectResponse:
    reviewer = current_reviewer(request)
    if reviewer is None:
        if _uses_bearer(request):
            raise PageError(401, "Not signed in", "the bearer token is not valid")
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={_quote(target)}", status_code=303)
    return reviewer


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="/")


def _writer(request: Request, csrf_token: str | None) -> accounts.Reviewer:
    """The reviewer for a POST: bearer clients need no CSRF token, browsers must send it."""
    reviewer = current_reviewer(request)
    if reviewer is None:
        raise PageError(401, "Not signed in", "sign in to record decisions")
    if not _uses_bearer(request) and not tokens_match(csrf_token, reviewer.csrf_token):
        raise PageError(
            403, "Form expired", "the form's security token did not match; reload and retry"
        )
    return reviewer


def _client(request: Request) -> str:
    """The TCP peer. `summarizer serve` leaves uvicorn's proxy headers off unless a trusted
    proxy is named, so a client cannot pick its own address with X-Forwarded-For."""
    return request.client.host if request.client else "unknown"


def _device(request: Request, username: str) -> str | None:
    """This browser's device id if it signed in as ``username`` before (signed cookie)."""
    cookie = request.cookies.get(DEVICE_COOKIE)
    value = unsign(cookie, _signing_key(request)) if cookie else None
    if value is None:
        return None
    name, _sep, device = value.partition("|")
    return device if device and name == username.strip().lower() else None


def _set_cookie(request: Request, response: Response, name: str, value: str, age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=age,
        httponly=True,
        samesite="strict",
        secure=_state(request).secure_cookies or request.url.scheme == "https",
        path="/",
    )


# --------------------------------------------------------------------------- routes


def _register_routes(app: FastAPI, state: AppState) -> None:
    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/", response_model=None)
    def index() -> RedirectResponse:
        return RedirectResponse("/queue", status_code=303)

    @app.get("/login", response_model=None)
    def login_page(request: Request, next: str | None = None) -> Response:
        return _login_form(request, safe_next(next))

    @app.post("/login", response_model=None)
    def login(
        request: Request,
        username: Annotated[str, Form()] = "",
        password: Annotated[str, Form()] = "",
        csrf_token: Annotated[str, Form()] = "",
        next: Annotated[str, Form()] = "/queue",
    ) -> Response:
        target = safe_next(next)
        if not tokens_match(csrf_token, request.cookies.get(LOGIN_COOKIE)):
            return _login_form(
                request, target, username, "The form expired; please try again.", 403
            )
        device = _device(request, username)
        peer = None if device else _client(request)
        client = f"device:{device}" if device else f"peer:{peer}"
        # Checked before any hashing: a locked pair costs no argon2 work.
        wait = state.limiter.check(username, client, peer)
        if wait is not None:
            limited = _login_form(
                request, target, username, "Too many sign-in attempts; wait a minute.", 429
            )
            limited.headers["Retry-After"] = str(int(wait) + 1)
            return limited
        with _session(request) as session:
            try:
                reviewer = accounts.authenticate(session, username, password)
            except HashingBusy as exc:
                busy = _login_form(request, target, username, str(exc), 503)
                busy.headers["Retry-After"] = "5"
                return busy
            if reviewer is None:
                state.limiter.failed(username, client, peer)
                return _login_form(request, target, username, "Wrong user name or password.", 401)
            state.limiter.succeeded(username, client)
            session_id, _csrf = accounts.start_session(session, reviewer)
        response = RedirectResponse(target, status_code=303)
        age = int(accounts.SESSION_LIFETIME.total_seconds())
        key = _signing_key(request)
        _set_cookie(request, response, SESSION_COOKIE, sign(session_id, key), age)
        device_value = sign(f"{reviewer.name}|{device or new_secret(16)}", key)
        _set_cookie(request, response, DEVICE_COOKIE, device_value, DEVICE_COOKIE_AGE)
        response.delete_cookie(LOGIN_COOKIE, path="/")
        return response

    @app.post("/logout", response_model=None)
    def logout(request: Request, csrf_token: Annotated[str, Form()] = "") -> Response:
        _writer(request, csrf_token)
        session_id = _session_id(request)
        if session_id:
            with _session(request) as session:
                accounts.end_session(session, session_id)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @app.get("/queue", response_model=None)
    def queue(request: Request, status: str = "open") -> Response:
        reviewer = _page_reviewer(request)
        if isinstance(reviewer, RedirectResponse):
            return reviewer
        wanted = None if status == "all" else status
        rows = _read(request, lambda s: service.queue(s, wanted), 400, "Unknown status")
        return _render(
            request,
            "queue.html",
            reviewer=reviewer,
            rows=rows,
            status=wanted,
            nav="queue" if wanted == "open" else ("all" if wanted is None else ""),
        )

    @app.get("/d/{discrepancy_id}", response_model=None)
    def detail(
        request: Request, discrepancy_id: int, done: int | None = None, did: str | None = None
    ) -> Response:
        reviewer = _page_reviewer(request)
        if isinstance(reviewer, RedirectResponse):
            return reviewer
        notice = None
        if done is not None and did in _NOTICES:
            notice = {"kind": "ok", "text": f"Discrepancy #{done} {_NOTICES[did]}."}
        return _detail(request, reviewer, discrepancy_id, notice)

    @app.post("/d/{discrepancy_id}/{action}", response_model=None)
    def decide(
        request: Request,
        discrepancy_id: int,
        action: str,
        csrf_token: Annotated[str, Form()] = "",
        value: Annotated[str | None, Form()] = None,
        field: Annotated[str | None, Form()] = None,
        reason: Annotated[str | None, Form()] = None,
        override: Annotated[str | None, Form()] = None,
    ) -> Response:
        reviewer = _writer(request, csrf_token)
        body = DecisionBody(value=value, field=field, reason=reason, override=bool(override))
        try:
            decision = _apply(request, reviewer, discrepancy_id, action, body)
        except service.UnknownDiscrepancy as exc:
            raise PageError(404, "Not found", str(exc)) from exc
        except service.AlreadyResolved as exc:
            notice = {"kind": "error", "text": str(exc)}
            return _detail(request, reviewer, discrepancy_id, notice, status=409)
        except service.ContradictedCorrection as exc:
            notice = {"kind": "error", "text": str(exc)}
            return _detail(request, reviewer, discrepancy_id, notice, 422, offer_override=True)
        except service.ReviewError as exc:
            notice = {"kind": "error", "text": str(exc)}
            return _detail(request, reviewer, discrepancy_id, notice, status=422)
        if action == "reopen":
            return RedirectResponse(
                f"/d/{discrepancy_id}?done={discrepancy_id}&did=open", status_code=303
            )
        with _session(request) as session:
            _prev, next_id = service.neighbours(session, discrepancy_id)
            if next_id is None:
                open_rows = service.list_discrepancies(session, "open")
                next_id = open_rows[0].id if open_rows else None
        target = f"/d/{next_id if next_id is not None else discrepancy_id}"
        return RedirectResponse(
            f"{target}?done={discrepancy_id}&did={decision.status.value}", status_code=303
        )

    @app.get("/articles/{article_id}", response_model=None)
    def record_page(request: Request, article_id: str) -> Response:
        reviewer = _page_reviewer(request)
        if isinstance(reviewer, RedirectResponse):
            return reviewer
        with _session(request) as session:
            view = service.record_view(session, article_id)
        if view.problem is not None:
            raise PageError(409, "Record unreadable", view.problem)
        return _render(
            request,
            "record.html",
            reviewer=reviewer,
            article_id=article_id,
            record=view.record,
            recheck=view.recheck,
            removed=view.removed,
            version_id=view.version_id,
        )

    @app.get("/audit", response_model=None)
    def audit_page(request: Request) -> Response:
        reviewer = _page_reviewer(request)
        if isinstance(reviewer, RedirectResponse):
            return reviewer
        with _session(request) as session:
            view = service.audit_view(session)
        return _render(
            request,
            "audit.html",
            reviewer=reviewer,
            report=view.report,
            entries=view.entries,
            nav="audit",
        )

    @app.get("/api/discrepancies", response_model=None)
    def api_list(request: Request, status: str | None = "open") -> Response:
        reviewer = current_reviewer(request)
        if reviewer is None:
            raise PageError(401, "Not signed in", "send Authorization: Bearer <token>")
        wanted = None if status == "all" else status
        rows = _read(request, lambda s: service.queue(s, wanted), 400, "Bad request")
        return JSONResponse([row.as_json() for row in rows])

    @app.post("/api/discrepancies/{discrepancy_id}/{action}", response_model=None)
    async def api_decide(request: Request, discrepancy_id: int, action: str) -> Response:
        if not _uses_bearer(request):
            raise PageError(401, "Not signed in", "send Authorization: Bearer <token>")
        reviewer = await run_in_threadpool(_writer, request, None)
        raw = await request.body()  # read only once the token is known to be good
        try:
            body = DecisionBody.model_validate_json(raw or b"{}")
        except ValidationError as exc:
            raise PageError(
                400,
                "Bad request",
                "the body must be a JSON object of strings with value, field and reason",
            ) from exc
        return await run_in_threadpool(
            _api_decision, request, reviewer, discrepancy_id, action, body
        )


def _api_decision(
    request: Request,
    reviewer: accounts.Reviewer,
    discrepancy_id: int,
    action: str,
    body: DecisionBody,
) -> Response:
    try:
        decision = _apply(request, reviewer, discrepancy_id, action, body)
    except service.UnknownDiscrepancy as exc:
        raise PageError(404, "Not found", str(exc)) from exc
    except service.AlreadyResolved as exc:
        raise PageError(409, "Already resolved", str(exc)) from exc
    except service.ReviewError as exc:
        raise PageError(422, "Refused", str(exc)) from exc
    return JSONResponse(
        {
            "discrepancy_id": decision.discrepancy_id,
            "status": decision.status.value,
            "audit": decision.audit.as_dict(),
        }
    )


def _apply(
    request: Request,
    reviewer: accounts.Reviewer,
    discrepancy_id: int,
    action: str,
    body: DecisionBody,
) -> service.Decision:
    with _session(request) as session:
        if action == "approve":
            return service.approve(session, discrepancy_id, reviewer.name, body.reason)
        if action == "accept-source":
            return service.accept_source(
                session, discrepancy_id, reviewer.name, body.reason, override=body.override
            )
        if action == "correct":
            if body.value is None or not body.value.strip():
                raise service.InvalidDecision("type a value to correct the field to")
            return service.correct(
                session,
                discrepancy_id,
                reviewer.name,
                body.value,
                body.field,
                body.reason,
                override=body.override,
            )
        if action == "reject":
            return service.reject(session, discrepancy_id, reviewer.name, body.reason or "")
        if action == "reopen":
            return service.reopen(session, discrepancy_id, reviewer.name, body.reason or "")
    raise PageError(404, "Not found", f"unknown action {action!r}")


def _login_form(
    request: Request,
    next_url: str,
    username: str = "",
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    token = new_secret()
    response = _render(
        request,
        "login.html",
        status,
        csrf_token=token,
        next_url=next_url,
        username=username,
        notice={"kind": "error", "text": error} if error else None,
    )
    _set_cookie(request, response, LOGIN_COOKIE, token, 3600)
    return response


def _detail(
    request: Request,
    reviewer: accounts.Reviewer,
    discrepancy_id: int,
    notice: dict[str, str] | None,
    status: int = 200,
    offer_override: bool = False,
) -> HTMLResponse:
    view = _read(
        request,
        lambda s: service.detail(s, discrepancy_id),
        404,
        "Not found",
        service.UnknownDiscrepancy,
    )
    return _render(
        request,
        "detail.html",
        status,
        reviewer=reviewer,
        d=view.d,
        item=view.item,
        current_value=view.current_value,
        edit_value="" if view.current_value is None else str(view.current_value),
        segments=highlight_segments(view.text, view.d.spans),
        article_title=view.d.article_title,
        prev_id=view.prev_id,
        next_id=view.next_id,
        decisions=view.decisions,
        can_accept_source=view.source_preview is not None,
        source_preview=view.source_preview,
        offer_override=offer_override,
        notice=notice,
    )
