"""The JDIHN harvest feed: the records of a library's published documents and their titles."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone

from pendopo.jdih.models import JdihIndexPage, LegalDocumentPage
from pendopo.jdih.selectors.listing import documents_under
from pendopo.jdih.states import jdihn_status

#: The fields of a harvest record, in order (docs/rules.md#jdih-jdihn-feed).
JDIHN_FIELDS = [
    "idData",
    "tahun_pengundangan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "fileDownload",
    "urlDownload",
    "abstrak",
    "urlabstrak",
    "urlDetailPeraturan",
    "operasi",
    "display",
    "lastUpdated",
]


def jdihn_records(
    index: JdihIndexPage, *, base_url: str, root_path: str, limit: int | None = None
) -> list[dict[str, str]]:
    """The JDIHN harvest records of ``index``'s published documents
    (docs/rules.md#jdih-jdihn-feed).

    Every value is a string; dates are ISO ``YYYY-MM-DD`` (the promulgation date falls back
    to the enactment date, as JDIH Padang does); URLs are absolute on ``base_url``;
    ``status`` is "Berlaku"/"Tidak Berlaku" from the derived status; ``operasi`` "4" and
    ``display`` "1" are the constants every member implementation sends. One query.
    """
    base = base_url.rstrip("/")
    documents = documents_under(index).order_by("-year", "-pk")
    if limit:
        documents = documents[:limit]
    records = []
    for doc in documents:
        detail = f"{base}/{doc.url_path[len(root_path) :]}"
        promulgated = doc.promulgated_on or doc.enacted_on
        file_name = doc.pdf.filename if doc.pdf_id else ""
        region = doc.teu.split(".", 1)[-1].strip() if doc.teu else ""
        record = {
            "idData": str(doc.pk),
            "tahun_pengundangan": str(promulgated.year if promulgated else doc.year),
            "tanggal_penetapan": doc.enacted_on.isoformat() if doc.enacted_on else "",
            "tanggal_pengundangan": promulgated.isoformat() if promulgated else "",
            "jenis": doc.document_type.name,
            "noPeraturan": doc.number,
            "judul": jdihn_title(doc, region),
            "noPanggil": "",
            "singkatanJenis": doc.document_type.abbreviation,
            "tempatTerbit": doc.place_enacted,
            "penerbit": region,
            "deskripsiFisik": f"{doc.page_count} hlm." if doc.page_count else "",
            "sumber": doc.source_text,
            "subjek": " - ".join(doc.subject_list),
            "isbn": "",
            "status": jdihn_status(doc.status),
            "bahasa": doc.language,
            "bidangHukum": doc.field_of_law,
            "teuBadan": doc.teu,
            "nomorIndukBuku": "",
            "fileDownload": file_name,
            "urlDownload": f"{detail}unduh/" if doc.pdf_id else "",
            "abstrak": doc.abstract,
            "urlabstrak": detail if doc.abstract else "",
            "urlDetailPeraturan": detail,
            "operasi": "4",
            "display": "1",
            "lastUpdated": _iso_day(doc.last_published_at),
        }
        records.append(record)
    return records


_HEAD_OF_REGION = re.compile(r"\b(bupati|wali ?kota)\b", re.IGNORECASE)
_REGION_KIND = re.compile(r"^(kabupaten|kota)\s+", re.IGNORECASE)


def jdihn_title(document: LegalDocumentPage, region: str) -> str:
    """The full title JDIHN shows (``judul``, docs/rules.md#jdih-jdihn-feed): "<jenis> <daerah>
    Nomor <n> Tahun <tahun> tentang <judul>".

    A regulation of the regional head is named after the head's office, not the region:
    "Peraturan Bupati Banyuwangi Nomor 49 Tahun 2016 tentang …" (not "Peraturan Bupati
    Kabupaten Banyuwangi"), as the documents name themselves: the real sample cites
    "Peraturan Bupati Banyuwangi Nomor 49 Tahun 2016" beside "Peraturan Daerah Kabupaten
    Banyuwangi Nomor 14 Tahun 2011" (data/regulasi_daerah_contoh.csv). ``region`` is the
    T.E.U. region, e.g. "Kabupaten Banyuwangi", or "" (then omitted).
    """
    kind = document.document_type.name
    if _HEAD_OF_REGION.search(kind):
        region = _REGION_KIND.sub("", region)
    return " ".join(
        f"{kind} {region} Nomor {document.number} Tahun {document.year} "
        f"tentang {document.title}".split()
    )


def _iso_day(moment: datetime.datetime | None) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""
