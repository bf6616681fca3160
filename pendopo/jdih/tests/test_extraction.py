"""PDF text extraction in a limited child process (pypdf; preview with pypdfium2)."""

import pytest

from pendopo.jdih.demo import render_pdf
from pendopo.jdih.extraction import extract_pdf


def test_text_pdf_gives_text_pages_and_a_preview():
    result = extract_pdf(render_pdf(["PERATURAN DAERAH NOMOR 1 TAHUN 2024", "Pasal 1 uji"]))

    assert result.ok and not result.needs_ocr
    assert "PERATURAN DAERAH NOMOR 1 TAHUN 2024" in result.text
    assert result.pages == 1
    assert result.preview_png and result.preview_png.startswith(b"\x89PNG")


def test_pdf_without_text_layer_needs_ocr():
    result = extract_pdf(render_pdf(["tidak terlihat"], with_text=False))

    assert result.ok and result.needs_ocr
    assert result.text.strip() == ""


def test_garbage_is_a_failure_not_an_exception():
    result = extract_pdf(b"%PDF-1.4 ini bukan pdf" * 10)

    assert not result.ok
    assert "berhenti" in result.error


def test_memory_limit_stops_the_child_not_the_caller():
    result = extract_pdf(render_pdf(["isi"]), memory_mb=16)

    assert not result.ok


def test_time_limit_stops_the_child(monkeypatch):
    import pendopo.jdih.extraction as extraction

    # A worker that never ends stands in for a PDF that takes forever to parse.
    monkeypatch.setattr(extraction.sys, "executable", "/bin/sleep")
    monkeypatch.setattr(extraction, "_worker_argv", lambda pdf, png: ["/bin/sleep", "30"])

    result = extract_pdf(b"%PDF-1.4", timeout=1)

    assert not result.ok and "batas waktu 1 detik" in result.error


@pytest.mark.django_db
def test_demo_documents_have_text_and_preview():
    from pendopo.jdih.models import LegalDocumentPage

    document = LegalDocumentPage.objects.get(slug="perda-14-2011")

    assert document.text_status == "selesai"
    assert "RETRIBUSI PERIZINAN TERTENTU" in document.text
    assert document.preview.name.endswith(".png")
    assert document.page_count == 1
