"""Run as ``python -m pendopo.jdih.pdfworker <pdf> <preview.png>`` inside a limited process.

Reads the PDF with pypdf, prints one JSON object ``{"pages": N, "text": "..."}`` on stdout and
renders the first page to ``<preview.png>`` with pypdfium2 when it is installed. It imports
no Django: a hostile PDF can at worst exhaust this process's own time and memory limits.
"""

from __future__ import annotations

import json
import sys

from pendopo.jdih.rules import MAX_TEXT_CHARS, PREVIEW_WIDTH


def extract(pdf_path: str) -> dict:
    from pypdf import PdfReader

    reader = PdfReader(pdf_path)
    parts: list[str] = []
    size = 0
    for page in reader.pages:
        chunk = page.extract_text() or ""
        parts.append(chunk)
        size += len(chunk)
        if size > MAX_TEXT_CHARS:
            break
    return {"pages": len(reader.pages), "text": "\n\n".join(parts)[:MAX_TEXT_CHARS]}


def render_preview(pdf_path: str, png_path: str) -> bool:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        return False
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        page = pdf[0]
        scale = PREVIEW_WIDTH / max(page.get_width(), 1)
        image = page.render(scale=min(scale, 3)).to_pil()
        image.convert("RGB").save(png_path, format="PNG", optimize=True)
    finally:
        pdf.close()
    return True


def main(argv: list[str]) -> int:
    pdf_path, png_path = argv[1], argv[2]
    result = extract(pdf_path)
    try:
        result["preview"] = render_preview(pdf_path, png_path)
    except Exception as exc:  # a preview is a nicety; the text is what matters
        result["preview"] = False
        result["preview_error"] = repr(exc)[:200]
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
