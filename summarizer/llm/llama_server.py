"""llama.cpp's own `llama-server`, built once from the sources pip already uses.

llama-cpp-python's server answers one request at a time, keeps no prompt cache across
requests and interrupts the request in flight when a second one arrives. llama.cpp's
own server has parallel slots with continuous batching, a prompt cache and per-request
counters (`timings.cache_n`, `usage.prompt_tokens_details.cached_tokens`). It is not on
PyPI as a binary, but its MIT-licensed sources are vendored in the llama-cpp-python sdist
(`vendor/llama.cpp`), which is how the runtime is installed anyway. So on first use the
tool downloads that sdist from the package index (the same version as the installed
runtime), builds only the `llama-server` target with CMake, portable CPU flags
(`GGML_NATIVE=OFF`, as for the runtime) and no network features, and caches the binary
under `$SUMMARIZER_CACHE/bin` (else `~/.cache/summarizer/bin`). Any failure (no compiler,
no CMake, no index) is recorded once and the tool falls back to `llama_cpp.server`.

`SUMMARIZER_LLAMA_SERVER` chooses:
unset or `auto` uses it when it is already built (cached), else `llama_cpp.server`, so a
fresh install's first command never waits minutes for a compiler;
`on` builds it (once) if needed and uses it; `python -m summarizer.llm.llama_server`
builds it ahead of time;
`/path/to/llama-server` uses a binary of your own;
`off` always uses `llama_cpp.server`.
"""

from __future__ import annotations

import fcntl
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from summarizer.settings import cache_root, env_value

ENV = "SUMMARIZER_LLAMA_SERVER"
_OFF = {"off", "0", "no", "false", "python", "llama-cpp-python"}
_AUTO = {"", "auto"}
_ON = {"on", "1", "yes", "true", "build", "llama-server"}
_RUNTIME = "llama-cpp-python"
BUILD_TIMEOUT_S = 3600.0

CMAKE_FLAGS = (
    "-DCMAKE_BUILD_TYPE=Release",
    "-DGGML_NATIVE=OFF",  # the native build crashes on some CPUs (AMX path); portable AVX2
    "-DBUILD_SHARED_LIBS=OFF",  # one self-contained binary
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
    "-DLLAMA_BUILD_TOOLS=ON",
    "-DLLAMA_BUILD_SERVER=ON",
    "-DLLAMA_BUILD_APP=OFF",
    "-DLLAMA_BUILD_UI=OFF",
    "-DLLAMA_USE_PREBUILT_UI=OFF",  # never fetch a web UI at build time
    "-DLLAMA_OPENSSL=OFF",
)


class BuildError(RuntimeError):
    """llama-server could not be built here; the caller falls back."""


def bin_dir() -> Path:
    return cache_root() / "bin"


def runtime_version() -> str:
    """The installed llama-cpp-python version, whose vendored llama.cpp is built."""
    return importlib.metadata.version(_RUNTIME)


def cached_binary() -> Path:
    return bin_dir() / f"llama-server-{runtime_version()}"


def _failure_marker() -> Path:
    return bin_dir() / f"llama-server-{runtime_version()}.failed"


def _say(message: str) -> None:
    print(f"summarizer: {message}", file=sys.stderr, flush=True)


def find_llama_server(*, build: bool = True) -> Path | None:
    """The `llama-server` to run, building it on first use; None means: use the fallback."""
    override = env_value(ENV) or ""
    if override.lower() in _OFF:
        return None
    if override.lower() in _AUTO:
        build = False  # use a built one; building is asked for (`on`, or `python -m`)
    elif override.lower() not in _ON:
        path = Path(override)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        _say(f"{ENV}={override} is not an executable file; using llama_cpp.server")
        return None
    try:
        target = cached_binary()
    except importlib.metadata.PackageNotFoundError:
        return None
    if target.is_file() and os.access(target, os.X_OK):
        return target
    marker = _failure_marker()
    if not build or marker.exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    with (target.parent / ".build.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            # Another process is building it: do not wait minutes, use the fallback now.
            _say("llama-server is being built by another process; using llama_cpp.server")
            return None
        if target.is_file() and os.access(target, os.X_OK):
            return target
        try:
            return build_llama_server(target)
        except BuildError as exc:
            marker.write_text(f"{exc}\n", encoding="utf-8")
            _say(
                f"could not build llama.cpp's server ({exc}); using llama_cpp.server "
                f"(delete {marker} to try again)"
            )
            return None


def _run(command: list[str], *, cwd: Path | None = None, log: Path) -> None:
    with log.open("ab") as out:
        try:
            done = subprocess.run(
                command,
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                timeout=BUILD_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BuildError(f"{command[0]}: {exc}") from exc
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-1500:]
        raise BuildError(f"{' '.join(command[:3])} … exited {done.returncode}:\n{tail}")


def _download_sdist(version: str, into: Path, log: Path) -> Path:
    """The llama-cpp-python sdist of the installed version, from the package index."""
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            "--disable-pip-version-check",
            "-q",
            "-d",
            str(into),
            f"{_RUNTIME}=={version}",
        ],
        log=log,
    )
    found = sorted(into.glob("llama_cpp_python-*.tar.gz"))
    if not found:
        raise BuildError("pip download brought no llama-cpp-python sdist")
    return found[0]


def _extract_vendored(sdist: Path, into: Path) -> Path:
    """Unpack only `vendor/llama.cpp` (with its LICENSE) from the sdist."""
    with tarfile.open(sdist, "r:gz") as archive:
        members = [m for m in archive.getmembers() if "/vendor/llama.cpp/" in m.name + "/"]
        if not members:
            raise BuildError(f"{sdist.name} has no vendor/llama.cpp")
        try:
            archive.extractall(into, members=members, filter="data")
        except TypeError:  # Python < 3.11.4 has no extraction filters
            archive.extractall(into, members=members)
    roots = sorted(into.glob("*/vendor/llama.cpp"))
    if not roots or not (roots[0] / "CMakeLists.txt").is_file():
        raise BuildError(f"{sdist.name}: vendor/llama.cpp/CMakeLists.txt missing")
    return roots[0]


def build_llama_server(target: Path) -> Path:
    """Download, configure, build and install `llama-server` at `target`."""
    cmake = shutil.which("cmake")
    compiler = shutil.which("c++") or shutil.which("g++") or shutil.which("clang++")
    if cmake is None or compiler is None:
        raise BuildError("CMake and a C++ compiler are needed")
    version = runtime_version()
    target.parent.mkdir(parents=True, exist_ok=True)
    jobs = str(max(os.cpu_count() or 1, 1))
    started = time.monotonic()
    _say(
        f"building llama.cpp's server from the {_RUNTIME} {version} sources, once "
        f"(several minutes on a small CPU; cached in {target.parent})"
    )
    with tempfile.TemporaryDirectory(prefix="summarizer-llama-build-") as tmp_name:
        tmp = Path(tmp_name)
        log = tmp / "build.log"
        source = _extract_vendored(_download_sdist(version, tmp, log), tmp / "src")
        build = tmp / "build"
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        _run([cmake, "-S", str(source), "-B", str(build), *generator, *CMAKE_FLAGS], log=log)
        _run([cmake, "--build", str(build), "--target", "llama-server", "-j", jobs], log=log)
        built = build / "bin" / "llama-server"
        if not built.is_file():
            raise BuildError("the build produced no bin/llama-server")
        _run([str(built), "--version"], log=log)
        partial = target.with_suffix(".partial")
        shutil.copy2(built, partial)
        licence = source / "LICENSE"
        if licence.is_file():
            shutil.copy2(licence, target.parent / "llama.cpp-LICENSE")
        partial.chmod(0o755)
        partial.replace(target)
    _say(f"built {target} in {time.monotonic() - started:.0f} s")
    return target


def main() -> int:
    """`python -m summarizer.llm.llama_server`: build (once) and print the binary's path."""
    try:
        target = cached_binary()
    except importlib.metadata.PackageNotFoundError:
        _say(f"{_RUNTIME} is not installed")
        return 1
    if target.is_file() and os.access(target, os.X_OK):
        print(target)
        return 0
    _failure_marker().unlink(missing_ok=True)
    try:
        print(build_llama_server(target))
    except BuildError as exc:
        _say(f"could not build llama.cpp's server: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
