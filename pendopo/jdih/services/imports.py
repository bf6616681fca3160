"""The CSV import of legal documents and of the relations their status column states."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pendopo.core.csvimport import ImportFailed, RowError, read_rows
from pendopo.core.errors import DomainError
from pendopo.core.models import SiteSettings
from pendopo.jdih.models import (
    DocumentType,
    JdihIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
)
from pendopo.jdih.rules import NUMBER_MAX_LENGTH, TITLE_MAX_LENGTH, YEAR_MAX, YEAR_MIN
from pendopo.jdih.services.relations import add_relation
from pendopo.jdih.states import RelationKind

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
#: A reference read from a relation phrase: (type or None, number, year, as written).
Ref = tuple[DocumentType | None, str, int, str]


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
) -> tuple[RelationKind, bool, list[Ref]] | None:
    """Read "diubah oleh Perda 6/2016 dan Perda 1/2022" into (kind, cited_is_source, refs).

    Each ref is ``(type or None when the abbreviation is unknown, number, year, as written)``.
    Returns None for text that states no relation (plans, notes).
    """
    for pattern, kind, cited_is_source in _PHRASES:
        match = pattern.search(text)
        if match:
            refs: list[Ref] = [
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
    values: dict[str, Any]
    relation_text: str


def _regency_of(index: JdihIndexPage) -> tuple[SiteSettings, str]:
    """The site settings of ``index``'s site and its regency's name; DomainError without one."""
    settings = SiteSettings.objects.filter(site=index.get_site()).select_related("regency").first()
    if settings is None or settings.regency is None:
        raise DomainError(_("Situs perpustakaan JDIH ini belum terhubung ke kabupaten/kota."))
    return settings, settings.regency.name


def import_legal_documents(*, path: Path, index: JdihIndexPage, actor: Any = None) -> ImportResult:
    """Import legal documents from a CSV in the shape of ``regulasi_daerah_contoh.csv``.

    Every row is validated first (ImportFailed lists each bad line; nothing is written);
    rows of another region are skipped and reported; documents are matched on
    (type, number, year) so a re-run changes nothing; relations stated in
    ``hubungan_status`` are resolved against the file and the library, and references to
    documents not present are reported. All writes happen in one transaction.
    """
    settings, regency_name = _regency_of(index)
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
        if not number or len(number) > NUMBER_MAX_LENGTH:
            problems.append(f"nomor wajib diisi (paling panjang {NUMBER_MAX_LENGTH} karakter)")
        year = int(row["tahun"]) if row["tahun"].isdigit() else None
        if year is None or not YEAR_MIN <= year <= YEAR_MAX:
            problems.append(f"tahun '{row['tahun']}' tidak sah")
        title = row["judul"]
        if not title or len(title) > TITLE_MAX_LENGTH:
            problems.append(f"judul wajib diisi (paling panjang {TITLE_MAX_LENGTH} karakter)")
        dates: dict[str, datetime.date | None] = {}
        for column, attr in [
            ("tanggal_penetapan", "enacted_on"),
            ("tanggal_pengundangan", "promulgated_on"),
            ("tanggal_berlaku", "effective_on"),
        ]:
            try:
                dates[attr] = _parse_date(row.get(column, ""))
            except ValueError:
                problems.append(f"{column} '{row[column]}' bukan tanggal TTTT-BB-HH")
        enacted_on = dates.get("enacted_on")
        if enacted_on and year and enacted_on.year != year:
            problems.append("tahun tanggal_penetapan berbeda dengan kolom tahun")
        # An unknown kind or a bad year is always among the problems; the test on them
        # tells the type checker so.
        if problems or kind is None or year is None:
            errors += [RowError(name, line, p) for p in problems]
            continue
        key: Key = (kind.pk, number, year)
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
        for parsed in rows:
            document, outcome = _upsert_document(index=index, values=parsed.values)
            documents[parsed.key] = document
            setattr(result, outcome, getattr(result, outcome) + 1)
        _import_relations(rows, documents, by_abbr, result, actor=actor, file_name=name)
    return result


def _upsert_document(
    *, index: JdihIndexPage, values: dict[str, Any]
) -> tuple[LegalDocumentPage, str]:
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


def _import_relations(
    rows: list[_Row],
    documents: dict[Key, LegalDocumentPage],
    by_abbr: dict[str, DocumentType],
    result: ImportResult,
    *,
    actor: Any,
    file_name: str,
) -> None:
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
    for (source_pk, target_pk, relation_kind), line in wanted.items():
        if (source_pk, target_pk, relation_kind) in existing:
            continue
        source = by_pk.get(source_pk) or LegalDocumentPage.objects.get(pk=source_pk)
        target = by_pk.get(target_pk) or LegalDocumentPage.objects.get(pk=target_pk)
        try:
            add_relation(source=source, target=target, kind=relation_kind, actor=actor)
        except DomainError as exc:
            raise ImportFailed([RowError(file_name, line, str(exc))]) from None
        result.relations_added += 1
