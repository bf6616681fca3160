"""Demo content of the JDIH: the real sample of regulations plus small generated PDFs.

The PDFs are DEMO RENDERINGS of each document's metadata (the sample has no PDFs and the
real texts are not shipped): every page says so in its first line. One document gets a PDF
without a text layer, to show the "perlu OCR" path.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model

from pendopo.agencies.models import Agency
from pendopo.core.csvimport import read_rows
from pendopo.core.errors import DomainError
from pendopo.core.models import SiteSettings
from pendopo.jdih.models import JdihIndexPage, LegalDocumentPage
from pendopo.jdih.services.imports import ImportResult, import_legal_documents
from pendopo.jdih.services.setup import ensure_jdih_index

SAMPLE_CSV = Path(__file__).resolve().parent / "data" / "regulasi_daerah_contoh.csv"
#: Field of law and initiating agency of each sample document (the sample has no such
#: columns): read from each title, with the reason per row; docs/data-sources.md.
CATALOGUE_CSV = Path(__file__).resolve().parent / "data" / "katalog_contoh.csv"
CATALOGUE_COLUMNS = ["singkatan_jenis", "nomor", "tahun", "bidang_hukum", "pemrakarsa"]
SCANNED_DEMO = ("Perda", "8", 2012)  # shown as a scan without text ("perlu OCR")


def _escape(text: str) -> str:
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _wrap(text: str, width: int = 80) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def render_pdf(lines: list[str], *, with_text: bool = True) -> bytes:
    """A small, valid one-page A4 PDF (Helvetica 11 pt) showing ``lines``.

    ``with_text=False`` draws grey bars instead of text, like a scan without a text layer.
    """
    if with_text:
        ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
        for line in lines:
            ops.append(f"({_escape(line)}) '")
        ops.append("ET")
    else:
        ops = ["0.6 g"] + [f"56 {780 - i * 16} {300 + (i * 37) % 180} 8 re f" for i in range(30)]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def demo_pdf_for(document: LegalDocumentPage) -> bytes:
    kind = document.document_type
    lines = [
        "CONTOH DEMONSTRASI PENDOPO - bukan naskah resmi; dibuat dari metadata JDIH.",
        "",
        document.teu.upper() if document.teu else "",
        f"{kind.name.upper()} NOMOR {document.number} TAHUN {document.year}",
        "TENTANG",
        *_wrap(document.title.upper(), 70),
        "",
        *_wrap(
            f"Naskah resmi {kind.name} Nomor {document.number} Tahun {document.year} tersedia "
            "di Bagian Hukum Sekretariat Daerah. Halaman ini hanya peraga untuk menunjukkan "
            "ekstraksi teks, pencarian teks lengkap, pratinjau halaman pertama dan unduhan.",
        ),
    ]
    key = (kind.abbreviation, document.number, document.year)
    return render_pdf(lines, with_text=key != SCANNED_DEMO)


def demo_catalogue(regency) -> dict[tuple[str, str, int], tuple[str, object]]:
    """``{(abbreviation, number, year): (field of law, Agency or None)}`` from CATALOGUE_CSV.

    Agencies are looked up by exact name among ``regency``'s agencies (load_agencies);
    raises DomainError naming the row when one is missing: no agency is ever invented.
    """

    agencies = {a.name: a for a in Agency.objects.filter(regency=regency)}
    catalogue = {}
    for line, row in read_rows(CATALOGUE_CSV, CATALOGUE_COLUMNS):
        agency = None
        if row["pemrakarsa"]:
            agency = agencies.get(row["pemrakarsa"])
            if agency is None:
                raise DomainError(
                    f"{CATALOGUE_CSV.name}, baris {line}: perangkat daerah "
                    f"'{row['pemrakarsa']}' tidak ada; jalankan load_agencies dahulu."
                )
        key = (row["singkatan_jenis"], row["nomor"], int(row["tahun"]))
        catalogue[key] = (row["bidang_hukum"], agency)
    return catalogue


def load_jdih_demo(*, regency_code: str | None = None) -> tuple[JdihIndexPage, ImportResult]:
    """Create ``/jdih/`` on the regency's site, import the real sample, fill in each
    document's field of law and initiating agency (CATALOGUE_CSV) and attach demo PDFs.

    Idempotent: a re-run imports nothing new, publishes no new revision and attaches no
    second PDF. Raises DomainError when the regency portal (run load_demo first) or an agency
    of the catalogue (run load_agencies first) does not exist yet.
    """

    code = regency_code or settings.PENDOPO_REGENCY_CODE
    portal = SiteSettings.objects.filter(regency__code=code).select_related("site", "regency")
    portal = portal.first()
    if portal is None:
        raise DomainError(f"Portal {code} belum ada; jalankan load_demo dahulu.")
    index = ensure_jdih_index(home=portal.site.root_page, teu=f"Indonesia. {portal.regency.name}")
    result = import_legal_documents(path=SAMPLE_CSV, index=index)
    catalogue = demo_catalogue(portal.regency)
    Document = get_document_model()
    documents = LegalDocumentPage.objects.descendant_of(index).select_related("document_type")
    for document in documents:
        key = (document.document_type.abbreviation, document.number, document.year)
        changed = False
        if key in catalogue:
            field_of_law, agency = catalogue[key]
            agency_id = agency.pk if agency else None
            if (document.field_of_law, document.initiating_agency_id) != (field_of_law, agency_id):
                document.field_of_law, document.initiating_agency = field_of_law, agency
                changed = True
        with transaction.atomic():
            if document.pdf_id is None:
                data = demo_pdf_for(document)
                pdf = Document(
                    title=f"{document.short_citation} (contoh demonstrasi)", file_size=len(data)
                )
                pdf.file.save(f"jdih-{document.slug}-demo.pdf", ContentFile(data), save=False)
                pdf.save()
                document.pdf = pdf
                changed = True
            if changed:
                document.save_revision().publish()
    return index, result
