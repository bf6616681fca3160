"""Every write of the JDIH: document types, relations (and the status they decide), imports,
text extraction, the download counter and the JDIHN feed cache.

The status of a legal document is derived (``states.derive_status``) and written here only,
by :func:`recompute_status`, which every relation change calls in the same transaction.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupPagePermission, Page

from pendopo.core.csvimport import ImportFailed, RowError, read_rows
from pendopo.core.errors import DomainError
from pendopo.core.services import ensure_child, record_event
from pendopo.jdih.models import (
    DocumentType,
    JdihIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    Publication,
)
from pendopo.jdih.states import RelationKind, TextStatus, derive_status

LEGAL_BUREAU_GROUP = "Bagian Hukum"

#: The document types of a kabupaten (UU 12/2011; Permendagri 80/2015 jo. 120/2018;
#: docs/rules.md#jdih-document-types).
DEFAULT_DOCUMENT_TYPES = [
    ("Peraturan Daerah", "Perda", Publication.LEMBARAN),
    ("Peraturan Bupati", "Perbup", Publication.BERITA),
    ("Peraturan Bersama Kepala Daerah", "Perber", Publication.BERITA),
    ("Keputusan Bupati", "Kepbup", Publication.NONE),
    ("Instruksi Bupati", "Inbup", Publication.NONE),
    ("Surat Edaran", "SE", Publication.NONE),
    ("Peraturan DPRD", "Perdprd", Publication.BERITA),
    ("Keputusan DPRD", "Kepdprd", Publication.NONE),
]


# --- Set-up ------------------------------------------------------------------------------


def ensure_document_types() -> list[DocumentType]:
    """Create the default document types that are missing; never changes edited ones."""
    types = []
    for order, (name, abbreviation, publication) in enumerate(DEFAULT_DOCUMENT_TYPES, start=1):
        kind, _created = DocumentType.objects.get_or_create(
            abbreviation=abbreviation,
            defaults={"name": name, "publication": publication, "sort_order": order * 10},
        )
        types.append(kind)
    return types


@transaction.atomic
def ensure_jdih_index(*, home: Page, teu: str = "") -> JdihIndexPage:
    """The ``/jdih/`` library under ``home`` (created live once), the default document types
    and the "Bagian Hukum" group with rights on the library and its documents."""
    ensure_document_types()
    index = ensure_child(
        home,
        JdihIndexPage,
        slug="jdih",
        title="JDIH: Produk Hukum",
        intro=(
            "Jaringan Dokumentasi dan Informasi Hukum: peraturan daerah, peraturan bupati dan "
            "produk hukum lain, lengkap dengan status berlaku dan riwayat perubahannya."
        ),
        teu=teu,
    )
    ensure_legal_bureau_group(index=index)
    return index


def ensure_legal_bureau_group(*, index: JdihIndexPage) -> Group:
    """Group "Bagian Hukum": edit/publish the library's pages, manage types and relations,
    add and choose documents (PDFs) in the root collection."""
    from wagtail.models import GroupCollectionPermission

    group, _created = Group.objects.get_or_create(name=LEGAL_BUREAU_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ["add_page", "change_page", "publish_page"]:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    model_permissions = Permission.objects.filter(
        content_type__app_label="jdih",
        codename__in=[
            f"{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("documenttype", "legaldocumentrelation")
        ],
    )
    group.permissions.add(*model_permissions)
    root = Collection.get_first_root_node()
    for app_label, codename in [
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ]:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    return group


# --- Relations and the derived status ------------------------------------------------------


FEED_VERSION_KEY = "jdih:jdihn:version"


def purge_feed_cache() -> None:
    """Invalidate every cached JDIHN feed (their keys carry this version)."""
    try:
        cache.incr(FEED_VERSION_KEY)
    except ValueError:
        cache.set(FEED_VERSION_KEY, 2, None)


def purge_documents(documents: Iterable[LegalDocumentPage]) -> None:
    """After the current transaction commits: invalidate the cached JDIHN feed and purge, in
    the frontend cache (``WAGTAILFRONTENDCACHE``), every address that shows the status or
    the chain of ``documents`` (``selectors.urls_showing_status``: the detail pages, the
    ``/jdih/`` listing and its single-filter views, the portal home, the JDIHN feed).

    Without a configured frontend cache, ``PurgeBatch`` does nothing.
    """
    pks = sorted({d.pk for d in documents if d is not None and d.pk})

    def purge() -> None:
        from django.apps import apps

        purge_feed_cache()
        if not pks or not apps.is_installed("wagtail.contrib.frontend_cache"):
            return
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        from pendopo.jdih.selectors import urls_showing_status

        alive = LegalDocumentPage.objects.filter(pk__in=pks).select_related("document_type")
        PurgeBatch(urls_showing_status(list(alive))).purge()

    transaction.on_commit(purge)


def recompute_status(*, document: LegalDocumentPage, actor=None) -> str:
    """Derive ``document``'s status from the relations pointing at it whose SOURCE is live
    (published): a draft or unpublished amending/revoking document is not in force yet
    (UU 12/2011 Pasal 87: a regulation binds from its promulgation), so it changes nothing.
    Store the status, leave an event ``jdih_status_derived`` and, when it changed, purge the
    pages that show it (its own, and every related document's, whose relations box shows
    this document's badge). Returns the status (a ``LegalStatus`` value)."""
    kinds = LegalDocumentRelation.objects.filter(target=document, source__live=True).values_list(
        "kind", flat=True
    )
    status = derive_status(kinds)
    current = (
        LegalDocumentPage.objects.filter(pk=document.pk).values_list("status", flat=True).first()
    )
    if current is not None and current != status:
        # A queryset update: the status is not content, it must not create a revision.
        LegalDocumentPage.objects.filter(pk=document.pk).update(status=status)
        record_event(
            obj=document,
            kind="jdih_status_derived",
            actor=actor,
            payload={"from": current, "to": str(status)},
        )
        # Every related document's page shows this one's status badge in its relations box.
        related = LegalDocumentPage.objects.filter(
            Q(outgoing_relations__target=document) | Q(incoming_relations__source=document)
        ).distinct()
        purge_documents([document, *related])
    document.status = status
    return status


@transaction.atomic
def recompute_targets_of(*, source: LegalDocumentPage, target_ids=None, actor=None) -> None:
    """Recompute the status of every document ``source`` relates to, and purge the pages
    that show them and ``source``'s chain. Called when ``source`` is published, unpublished
    or deleted (``signals.py``); ``target_ids`` are given when its relations are already gone
    (deletion). Targets deleted along with ``source`` are skipped."""
    if target_ids is None:
        target_ids = list(
            LegalDocumentRelation.objects.filter(source_id=source.pk).values_list(
                "target_id", flat=True
            )
        )
    targets = list(LegalDocumentPage.objects.filter(pk__in=set(target_ids)))
    for target in targets:
        recompute_status(document=target, actor=actor)
    if targets:
        purge_documents([source, *targets])


@transaction.atomic
def add_relation(
    *,
    source: LegalDocumentPage,
    target: LegalDocumentPage,
    kind: str,
    note: str = "",
    actor=None,
) -> LegalDocumentRelation:
    """Record "``source`` <kind> ``target``" and update ``target``'s status (only once
    ``source`` is live: a draft source is recorded but counts from its publication on).

    Raises DomainError when a document would relate to itself, the relation already exists,
    or an amending/revoking document is older than the one it changes.
    """
    if kind not in RelationKind.values:
        raise DomainError(_("Jenis hubungan tidak dikenal."))
    if source.pk == target.pk:
        raise DomainError(_("Sebuah dokumen tidak dapat berhubungan dengan dirinya sendiri."))
    changing = {RelationKind.AMENDS, RelationKind.REVOKES, RelationKind.PARTIALLY_REVOKES}
    if kind in changing and source.year < target.year:
        raise DomainError(
            _(
                "%(source)s lebih lama daripada %(target)s, sehingga tidak dapat mengubah atau "
                "mencabutnya."
            )
            % {"source": source.short_citation, "target": target.short_citation}
        )
    try:
        with transaction.atomic():
            relation = LegalDocumentRelation.objects.create(
                source=source, target=target, kind=kind, note=note
            )
    except IntegrityError:
        raise DomainError(_("Hubungan ini sudah tercatat.")) from None
    record_event(
        obj=target,
        kind="jdih_relation_added",
        actor=actor,
        payload={"source": source.pk, "kind": kind, "source_citation": source.short_citation},
    )
    recompute_status(document=target, actor=actor)
    purge_documents([source, target])  # both chains changed, even when the status did not
    return relation


@transaction.atomic
def change_relation(
    *,
    relation: LegalDocumentRelation,
    source: LegalDocumentPage,
    target: LegalDocumentPage,
    kind: str,
    note: str = "",
    actor=None,
) -> LegalDocumentRelation:
    """Replace a relation by another (the admin's edit form): remove, then add, both targets'
    statuses recomputed."""
    remove_relation(relation=relation, actor=actor)
    return add_relation(source=source, target=target, kind=kind, note=note, actor=actor)


@transaction.atomic
def remove_relation(*, relation: LegalDocumentRelation, actor=None) -> None:
    """Delete a relation and recompute its target's status."""
    target = relation.target
    record_event(
        obj=target,
        kind="jdih_relation_removed",
        actor=actor,
        payload={"source": relation.source_id, "kind": relation.kind},
    )
    source = relation.source
    relation.delete()
    recompute_status(document=target, actor=actor)
    purge_documents([source, target])


# --- Downloads and text extraction --------------------------------------------------------


def record_download(*, document: LegalDocumentPage) -> None:
    """Count one download (an atomic ``+1``, safe under concurrent requests)."""
    LegalDocumentPage.objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)


def request_text_extraction(*, document: LegalDocumentPage) -> None:
    """Queue the PDF text extraction of ``document`` after the current transaction commits.

    Without a PDF the text is cleared and the status becomes "tanpa berkas".
    """
    from pendopo.jdih.tasks import extract_document_text

    if document.pdf_id is None:
        LegalDocumentPage.objects.filter(pk=document.pk).update(
            text="", text_status=TextStatus.NO_FILE, text_source_id=None, page_count=None
        )
        return
    LegalDocumentPage.objects.filter(pk=document.pk).update(text_status=TextStatus.PENDING)
    page_id = document.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(page_id))


def extract_text(*, document: LegalDocumentPage) -> str:
    """Run the limited extraction for ``document``'s current PDF and store text, page count,
    preview and text status ("selesai", "perlu_ocr" or "gagal"); then re-index the page."""
    from wagtail.search.backends import get_search_backend

    from pendopo.jdih.extraction import extract_pdf

    pdf = document.pdf
    if pdf is None:
        request_text_extraction(document=document)
        return TextStatus.NO_FILE
    with pdf.file.open("rb") as handle:
        data = handle.read()
    result = extract_pdf(data)
    values: dict = {"text_source_id": pdf.pk}
    if not result.ok:
        values.update(text="", text_status=TextStatus.FAILED, page_count=None)
    elif result.needs_ocr:
        values.update(text="", text_status=TextStatus.NEEDS_OCR, page_count=result.pages)
    else:
        values.update(text=result.text, text_status=TextStatus.DONE, page_count=result.pages)
    if result.preview_png:
        document.preview.save(
            f"jdih-{document.pk}-{pdf.pk}.png", ContentFile(result.preview_png), save=False
        )
        values["preview"] = document.preview.name
    with transaction.atomic():
        LegalDocumentPage.objects.filter(pk=document.pk).update(**values)
        record_event(
            obj=document,
            kind="jdih_text_extracted",
            payload={"status": str(values["text_status"]), "error": result.error},
        )
    fresh = LegalDocumentPage.objects.get(pk=document.pk)
    get_search_backend().add(fresh)
    return values["text_status"]


# --- CSV import ----------------------------------------------------------------------------

IMPORT_COLUMNS = ["daerah", "jenis", "singkatan_jenis", "nomor", "tahun", "judul"]
#: Catalogue columns a file may have; when absent, the documents keep their values.
OPTIONAL_COLUMNS = {"subjek": "subjects", "bidang_hukum": "field_of_law", "abstrak": "abstract"}

_PHRASES: list[tuple[re.Pattern, RelationKind, bool]] = [
    # (pattern, kind, the cited document is the source)
    (re.compile(r"diubah (?:oleh|dengan)\s+(?P<refs>.+)", re.I), RelationKind.AMENDS, True),
    (
        re.compile(r"dicabut sebagian oleh\s+(?P<refs>.+)", re.I),
        RelationKind.PARTIALLY_REVOKES,
        True,
    ),
    (
        re.compile(r"(?:dicabut oleh|diganti dengan)\s+(?P<refs>.+)", re.I),
        RelationKind.REVOKES,
        True,
    ),
    (re.compile(r"^mengubah\s+(?P<refs>.+)", re.I), RelationKind.AMENDS, False),
    (re.compile(r"^mencabut sebagian\s+(?P<refs>.+)", re.I), RelationKind.PARTIALLY_REVOKES, False),
    (re.compile(r"^(?:mencabut|menggantikan)\s+(?P<refs>.+)", re.I), RelationKind.REVOKES, False),
    (re.compile(r"^melaksanakan\s+(?P<refs>.+)", re.I), RelationKind.IMPLEMENTS, False),
]
_REF = re.compile(
    r"(?P<abbr>[A-Za-z]+)\s+(?:Nomor\s+)?(?P<number>[0-9]+[A-Za-z]?)\s*/\s*(?P<year>\d{4})"
)

Key = tuple[int, str, int]  # (document type id, number, year)


@dataclass
class ImportResult:
    """What an import did; ``skipped`` and ``unresolved`` are reported, not errors."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    relations_added: int = 0
    skipped: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"Produk hukum: baru {self.created}, diperbarui {self.updated}, tetap {self.unchanged}",
            f"Hubungan baru: {self.relations_added}",
        ]
        out += [f"Dilewati: {line}" for line in self.skipped]
        out += [f"Belum terhubung: {line}" for line in self.unresolved]
        return out


def parse_relation_phrase(
    text: str, types_by_abbr: dict[str, DocumentType]
) -> tuple[RelationKind, bool, list[tuple[DocumentType | None, str, int, str]]] | None:
    """Read "diubah oleh Perda 6/2016 dan Perda 1/2022" into (kind, cited_is_source, refs).

    Each ref is ``(type or None when the abbreviation is unknown, number, year, as written)``.
    Returns None for text that states no relation (plans, notes).
    """
    for pattern, kind, cited_is_source in _PHRASES:
        match = pattern.search(text)
        if match:
            refs = [
                (types_by_abbr.get(m["abbr"].lower()), m["number"], int(m["year"]), m.group(0))
                for m in _REF.finditer(match["refs"])
            ]
            if refs:
                return kind, cited_is_source, refs
    return None


def _parse_date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@dataclass
class _Row:
    line: int
    key: Key
    values: dict
    relation_text: str


def _regency_of(index: JdihIndexPage):
    from pendopo.core.models import SiteSettings

    settings = SiteSettings.objects.filter(site=index.get_site()).select_related("regency").first()
    if settings is None or settings.regency is None:
        raise DomainError(_("Situs perpustakaan JDIH ini belum terhubung ke kabupaten/kota."))
    return settings


def import_legal_documents(*, path: Path, index: JdihIndexPage, actor=None) -> ImportResult:
    """Import legal documents from a CSV in the shape of ``regulasi_daerah_contoh.csv``.

    Every row is validated first (ImportFailed lists each bad line; nothing is written);
    rows of another region are skipped and reported; documents are matched on
    (type, number, year) so a re-run changes nothing; relations stated in
    ``hubungan_status`` are resolved against the file and the library, and references to
    documents not present are reported. All writes happen in one transaction.
    """
    settings = _regency_of(index)
    regency_name = settings.regency.name
    types = list(DocumentType.objects.all())
    by_name = {t.name.lower(): t for t in types}
    by_abbr = {t.abbreviation.lower(): t for t in types}
    errors: list[RowError] = []
    result = ImportResult()
    rows: list[_Row] = []
    seen: dict[Key, int] = {}
    name = path.name
    for line, row in read_rows(path, IMPORT_COLUMNS):
        problems: list[str] = []
        if row["daerah"].lower() != regency_name.lower():
            result.skipped.append(
                f"{name}, baris {line}: {row['daerah'] or _('(daerah kosong)')} bukan "
                f"{regency_name}; tidak diimpor"
            )
            continue
        kind = by_abbr.get(row["singkatan_jenis"].lower()) or by_name.get(row["jenis"].lower())
        if kind is None:
            problems.append(f"jenis '{row['jenis']}' tidak dikenal")
        number = row["nomor"]
        if not number or len(number) > 30:
            problems.append("nomor wajib diisi (paling panjang 30 karakter)")
        year = int(row["tahun"]) if row["tahun"].isdigit() else None
        if year is None or not 1945 <= year <= 2100:
            problems.append(f"tahun '{row['tahun']}' tidak sah")
        title = row["judul"]
        if not title or len(title) > 255:
            problems.append("judul wajib diisi (paling panjang 255 karakter)")
        dates = {}
        for column, attr in [
            ("tanggal_penetapan", "enacted_on"),
            ("tanggal_pengundangan", "promulgated_on"),
            ("tanggal_berlaku", "effective_on"),
        ]:
            try:
                dates[attr] = _parse_date(row.get(column, ""))
            except ValueError:
                problems.append(f"{column} '{row[column]}' bukan tanggal TTTT-BB-HH")
        if dates.get("enacted_on") and year and dates["enacted_on"].year != year:
            problems.append("tahun tanggal_penetapan berbeda dengan kolom tahun")
        if problems:
            errors += [RowError(name, line, p) for p in problems]
            continue
        key = (kind.pk, number, year)
        if key in seen:
            errors.append(RowError(name, line, f"dokumen sama dengan baris {seen[key]}"))
            continue
        seen[key] = line
        notes = [row.get("catatan", "")]
        if row.get("judul_dari_naskah", "").lower() == "tidak":
            notes.append(_("Judul disusun dari dokumen lain; belum dicocokkan dengan naskah."))
        if row.get("hubungan_status"):
            notes.append(_("Keterangan status dari sumber: %s") % row["hubungan_status"])
        if row.get("sumber"):
            notes.append(_("Sumber metadata: %s") % row["sumber"])
        rows.append(
            _Row(
                line=line,
                key=key,
                values={
                    "title": title,
                    "document_type": kind,
                    "number": number,
                    "year": year,
                    "teu": f"Indonesia. {regency_name}",
                    "place_enacted": settings.short_name,
                    "language": "Indonesia",
                    "note": "\n".join(n for n in notes if n),
                    # Optional columns: a file without one leaves what the library has.
                    **{
                        attr: row[column]
                        for column, attr in OPTIONAL_COLUMNS.items()
                        if column in row
                    },
                    **dates,
                },
                relation_text=row.get("hubungan_status", ""),
            )
        )
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        documents: dict[Key, LegalDocumentPage] = {}
        for row in rows:
            document, outcome = _upsert_document(index=index, values=row.values)
            documents[row.key] = document
            setattr(result, outcome, getattr(result, outcome) + 1)
        _import_relations(rows, documents, by_abbr, result, actor=actor, file_name=name)
    return result


def _upsert_document(*, index: JdihIndexPage, values: dict) -> tuple[LegalDocumentPage, str]:
    existing = (
        LegalDocumentPage.objects.filter(
            document_type=values["document_type"], number=values["number"], year=values["year"]
        )
        .descendant_of(index)
        .first()
    )
    if existing is None:
        kind = values["document_type"]
        slug = slugify(f"{kind.abbreviation}-{values['number']}-{values['year']}")
        document = LegalDocumentPage(slug=slug, **values)
        index.add_child(instance=document)
        document.save_revision().publish()
        return document, "created"
    changed = [k for k, v in values.items() if getattr(existing, k) != v]
    if not changed:
        return existing, "unchanged"
    for k in changed:
        setattr(existing, k, values[k])
    existing.save_revision().publish()
    return existing, "updated"


def _import_relations(rows, documents, by_abbr, result, *, actor, file_name) -> None:
    wanted: dict[tuple[int, int, str], int] = {}
    for row in rows:
        if not row.relation_text:
            continue
        parsed = parse_relation_phrase(row.relation_text, by_abbr)
        if parsed is None:
            continue
        kind, cited_is_source, refs = parsed
        this = documents[row.key]
        for ref_type, number, year, written in refs:
            other = None
            if ref_type is not None:
                other = documents.get((ref_type.pk, number, year)) or (
                    LegalDocumentPage.objects.filter(
                        document_type=ref_type, number=number, year=year
                    ).first()
                )
            if other is None:
                result.unresolved.append(
                    f"{file_name}, baris {row.line}: {written} belum ada di perpustakaan; "
                    "hubungan belum dibuat"
                )
                continue
            source, target = (other, this) if cited_is_source else (this, other)
            wanted.setdefault((source.pk, target.pk, kind), row.line)
    existing = set(
        LegalDocumentRelation.objects.filter(
            source_id__in=[s for s, _t, _k in wanted], target_id__in=[t for _s, t, _k in wanted]
        ).values_list("source_id", "target_id", "kind")
    )
    by_pk = {d.pk: d for d in documents.values()}
    for (source_pk, target_pk, kind), line in wanted.items():
        if (source_pk, target_pk, kind) in existing:
            continue
        source = by_pk.get(source_pk) or LegalDocumentPage.objects.get(pk=source_pk)
        target = by_pk.get(target_pk) or LegalDocumentPage.objects.get(pk=target_pk)
        try:
            add_relation(source=source, target=target, kind=kind, actor=actor)
        except DomainError as exc:
            raise ImportFailed([RowError(file_name, line, str(exc))]) from None
        result.relations_added += 1


def documents_needing_text(documents: Iterable[LegalDocumentPage]) -> list[LegalDocumentPage]:
    """Those whose current PDF has not been extracted yet."""
    return [d for d in documents if d.pdf_id and d.pdf_id != d.text_source_id]
