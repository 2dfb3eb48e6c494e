"""How `summarizer serve` runs the review app: which Host headers and proxies to trust.

Two defaults of uvicorn are wrong for this page. It trusts ``X-Forwarded-For`` from
127.0.0.1, so any local client could choose the address the login limit is keyed on;
here proxy headers are read only from proxies named with ``--trusted-proxy``. And the
Host check (the guard against DNS rebinding) must hold for every bind address, not only
for 127.0.0.1: the accepted names are the loopback names, the bound address and those
given with ``--allowed-host``.
"""

from __future__ import annotations

from typing import Any

from summarizer import errors

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
_WILDCARDS = ("0.0.0.0", "::", "[::]", "")


class ServeConfigError(errors.ConfigurationError):
    """A bind/host/proxy combination that would leave the page unguarded."""


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def allowed_hosts(host: str, extra: list[str] | None = None) -> list[str]:
    """Host header values the app accepts; a wildcard bind needs ``--allowed-host``."""
    names = list(LOOPBACK_NAMES)
    if host in _WILDCARDS:
        if not extra:
            raise ServeConfigError(
                f"binding {host or 'every address'} needs --allowed-host NAME for each name "
                "clients use to reach this server (the Host check guards against DNS rebinding)"
            )
    elif _bracketed(host) not in names:
        names.append(_bracketed(host))
    for name in extra or []:
        if name == "*" or not name.strip():
            raise ServeConfigError("--allowed-host takes a host name, not a wildcard")
        if _bracketed(name.strip()) not in names:
            names.append(_bracketed(name.strip()))
    return names


def uvicorn_options(trusted_proxies: list[str] | None = None) -> dict[str, Any]:
    """Proxy-header settings: off unless a trusted proxy is named (then only from it)."""
    if not trusted_proxies:
        return {"proxy_headers": False}
    return {"proxy_headers": True, "forwarded_allow_ips": ",".join(trusted_proxies)}
