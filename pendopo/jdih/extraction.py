"""PDF text extraction in a separate, limited process (DESIGN.md: pypdf with time and memory
limits). A huge or hostile PDF can only kill its own worker; the caller gets a result."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from pendopo.jdih.rules import MIN_CHARS_PER_PAGE


@dataclass(frozen=True)
class Extraction:
    """What the worker found: ``ok`` False means it failed (``error`` says why)."""

    ok: bool
    text: str = ""
    pages: int = 0
    preview_png: bytes | None = None
    error: str = ""

    @property
    def needs_ocr(self) -> bool:
        """True when the PDF has pages but (almost) no text layer: a scan."""
        chars = len("".join(self.text.split()))
        return self.ok and self.pages > 0 and chars < MIN_CHARS_PER_PAGE * self.pages


def _worker_argv(pdf_path: Path, png_path: Path) -> list[str]:
    return [sys.executable, "-m", "pendopo.jdih.pdfworker", str(pdf_path), str(png_path)]


def _limits(memory_bytes: int, cpu_seconds: int):
    def apply() -> None:  # runs in the child between fork and exec
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def extract_pdf(
    data: bytes, *, timeout: int | None = None, memory_mb: int | None = None
) -> Extraction:
    """Extract the text (and a first-page PNG) of the PDF ``data`` in a child process.

    ``timeout`` is wall-clock seconds (also the CPU limit), ``memory_mb`` the address-space
    limit of the child; both default to the settings ``PENDOPO_JDIH_EXTRACT_TIMEOUT`` (60) and
    ``PENDOPO_JDIH_EXTRACT_MEMORY_MB`` (768). Never raises for a bad PDF.
    """
    timeout = timeout or settings.PENDOPO_JDIH_EXTRACT_TIMEOUT
    memory_mb = memory_mb or settings.PENDOPO_JDIH_EXTRACT_MEMORY_MB
    with tempfile.TemporaryDirectory(prefix="jdih-") as work:
        pdf_path = Path(work) / "naskah.pdf"
        png_path = Path(work) / "pratinjau.png"
        pdf_path.write_bytes(data)
        # A bare environment: the child needs only our import path, no secrets of the parent.
        env = {"PYTHONPATH": os.pathsep.join(sys.path)}
        try:
            done = subprocess.run(  # noqa: S603 - fixed argv, our own module
                _worker_argv(pdf_path, png_path),
                capture_output=True,
                timeout=timeout,
                preexec_fn=_limits(memory_mb * 1024 * 1024, timeout),  # noqa: PLW1509
                env=env,
                cwd=work,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return Extraction(ok=False, error=f"melebihi batas waktu {timeout} detik")
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            return Extraction(
                ok=False, error=f"proses ekstraksi berhenti ({done.returncode}): {reason[0][:200]}"
            )
        try:
            result = json.loads(done.stdout)
        except ValueError:
            return Extraction(ok=False, error="keluaran proses ekstraksi tidak terbaca")
        preview = png_path.read_bytes() if result.get("preview") and png_path.exists() else None
        return Extraction(
            ok=True,
            text=result.get("text", ""),
            pages=int(result.get("pages", 0)),
            preview_png=preview,
        )
