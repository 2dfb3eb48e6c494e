"""`summarizer serve`: the web review page (loopback only unless told otherwise)."""

from __future__ import annotations

from typing import Annotated

import typer

from summarizer.cli.app import app
from summarizer.cli.options import DbOption

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    db: DbOption = None,
    secure_cookies: Annotated[
        bool,
        typer.Option("--secure-cookies", help="Mark cookies Secure (behind an HTTPS proxy)."),
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option("--allowed-host", help="Host name clients use (repeatable; Host check)."),
    ] = None,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option("--trusted-proxy", help="Proxy address whose X-Forwarded-For is believed."),
    ] = None,
) -> None:
    """Serve the review page: log in, then approve, correct or reject flagged figures."""
    import uvicorn

    from summarizer.review.server import allowed_hosts as hosts_for
    from summarizer.review.server import uvicorn_options
    from summarizer.review.web import create_app
    from summarizer.store.engine import open_engine

    allowed_hosts = hosts_for(host, allowed_host)  # the Host check holds for any --host
    if host not in _LOOPBACK and not host.startswith("127."):
        typer.echo(
            f"warning: binding {host} exposes the review page beyond this machine; "
            "put it behind HTTPS and pass --secure-cookies",
            err=True,
        )
    engine = open_engine(db, create=False)  # `users add` or `batch` creates the store
    web_app = create_app(engine, secure_cookies=secure_cookies, allowed_hosts=allowed_hosts)
    typer.echo(f"review page on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(
        web_app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        **uvicorn_options(trusted_proxy),
    )
