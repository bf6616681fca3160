"""Benchmark of the JDIH library (not a timed test): load N documents, measure search.

Usage, on a database prepared as by ``make demo`` (regions, agencies, demo, JDIH demo)::

    .venv/bin/python manage.py bench_jdih --documents 10000
    DATABASE_URL=postgres://… .venv/bin/python manage.py bench_jdih

It adds (once) N synthetic documents under the regency's ``/jdih/`` (slugs ``bench-…``, each
with about 300 words of generated text and 0-2 relations), builds their search index, then
requests ``/jdih/?q=…`` for a fixed set of queries through Django's test client and prints
p50/p95 latency in milliseconds, the JDIHN feed generation time (cold cache) and the number of
queries of a listing and a detail page. ``--drop`` removes the synthetic documents.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

WORDS = [
    "retribusi",
    "pajak",
    "daerah",
    "perizinan",
    "bangunan",
    "gedung",
    "pelayanan",
    "publik",
    "kesehatan",
    "pendidikan",
    "penyelenggaraan",
    "pengelolaan",
    "keuangan",
    "anggaran",
    "pendapatan",
    "belanja",
    "tata",
    "ruang",
    "wilayah",
    "perlindungan",
    "lingkungan",
    "hidup",
    "pariwisata",
    "kebudayaan",
    "desa",
    "kelurahan",
    "kecamatan",
    "pasar",
    "rakyat",
    "perhubungan",
    "jalan",
    "irigasi",
    "pertanian",
    "perikanan",
    "kelautan",
    "perkebunan",
    "kopi",
    "kelapa",
    "penanaman",
    "modal",
    "usaha",
    "mikro",
    "kecil",
    "menengah",
    "koperasi",
    "ketenagakerjaan",
    "kependudukan",
    "pencatatan",
    "sipil",
    "kearsipan",
    "perpustakaan",
    "informasi",
    "dokumentasi",
    "inovasi",
    "organisasi",
    "perangkat",
    "tugas",
    "fungsi",
    "kedudukan",
    "susunan",
    "tata",
    "kerja",
    "pembentukan",
    "perubahan",
    "pencabutan",
    "ketentuan",
    "umum",
    "sanksi",
    "administratif",
    "pidana",
    "penyidikan",
    "peralihan",
    "penutup",
]
PLACES = ["Genteng", "Pesanggaran", "Kalibaru", "Muncar", "Rogojampi", "Glenmore", "Srono"]


def _title(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(3, 7))
    if rng.random() < 0.15:
        words.append(rng.choice(PLACES))
    return " ".join(words).capitalize()


def load(count: int, seed: int = 2026) -> int:
    """Insert ``count`` synthetic live documents (bulk, one transaction); returns how many
    were added (0 when they already exist)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from pendopo.jdih.models import (
        DocumentType,
        JdihIndexPage,
        LegalDocumentPage,
        LegalDocumentRelation,
    )

    index = JdihIndexPage.objects.filter(depth=3).first()
    if index is None:
        sys.exit("Tidak ada halaman /jdih/; jalankan make demo (atau load_jdih_demo) dahulu.")
    if LegalDocumentPage.objects.filter(slug__startswith="bench-").exists():
        return 0
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    types = list(DocumentType.objects.filter(abbreviation__in=["Perda", "Perbup", "Kepbup"]))
    content_type = ContentType.objects.get_for_model(LegalDocumentPage)
    now = timezone.now()
    last = index.get_last_child()
    step = Page.steplen
    start = int(last.path[-step:], 36) + 1 if last else 1
    documents = []
    with transaction.atomic():
        for i in range(count):
            kind = types[i % len(types)]
            year = 1990 + rng.randint(0, 35)
            number = str(1000 + i)
            title = _title(rng)
            slug = f"bench-{kind.abbreviation.lower()}-{number}-{year}"
            path = index.path + Page._int2str(start + i).rjust(step, "0")
            page = Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=path,
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
            )
            documents.append((page, kind, number, year))
        pages = Page.objects.bulk_create([d[0] for d in documents], batch_size=500)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
        created = []
        for page, (_p, kind, number, year) in zip(pages, documents, strict=True):
            text = " ".join(rng.choice(WORDS) for _ in range(300))
            doc = LegalDocumentPage(
                page_ptr=page,
                document_type=kind,
                number=number,
                year=year,
                teu="Indonesia. Kabupaten Banyuwangi",
                abstract=" ".join(rng.choice(WORDS) for _ in range(30)),
                subjects=", ".join(rng.sample(WORDS, 3)),
                text=text,
                text_status="selesai",
            )
            doc.__dict__.update(page.__dict__ | {"_state": doc._state})
            doc.save_base(raw=True)
            created.append(doc)
        relations = []
        for doc in created:
            for _ in range(rng.choice([0, 0, 1, 2])):
                other = rng.choice(created)
                if other.pk != doc.pk and other.year >= doc.year:
                    kind = rng.choice(["mengubah", "mengubah", "mencabut", "melaksanakan"])
                    relations.append(LegalDocumentRelation(source=other, target=doc, kind=kind))
        LegalDocumentRelation.objects.bulk_create(relations, ignore_conflicts=True)
        from pendopo.jdih.services.relations import recompute_status

        for doc in {r.target for r in relations}:
            recompute_status(document=doc)
    backend = get_search_backend()
    fresh = LegalDocumentPage.objects.filter(slug__startswith="bench-")
    backend.add_bulk(LegalDocumentPage, list(fresh.select_related("document_type")))
    return count


QUERIES = [
    "perda 1500 2010",
    "perbup nomor 1201 tahun 2001",
    "retribusi",
    "pajak daerah",
    "perizinan bangunan gedung",
    "tata ruang wilayah",
    "pesanggaran",
    "genteng pasar",
    "kelapa kopi",
    "inovasi",
    "penyelenggaraan pelayanan publik",
    "kedudukan susunan organisasi tugas fungsi",
    "sanksi administratif",
    "pengelolaan keuangan daerah",
    "Retribusi Perizinan Tertentu",
    "perubahan",
    "kearsipan",
    "pendidikan kesehatan",
    "xyzzy tidak ada",
    "perda 14 2011",
]


def _timed_get(client, url, host):
    start = time.perf_counter()
    response = client.get(url, HTTP_HOST=host)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed


def measure(rounds: int = 3) -> dict:
    from urllib.parse import quote

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pendopo.jdih.models import JdihIndexPage, LegalDocumentPage
    from pendopo.jdih.selectors.jdihn import jdihn_records

    # Planner statistics for the bulk-loaded rows: without them (autovacuum off, or not yet
    # run) PostgreSQL estimates one row for the /jdih/ subtree and picks nested loops.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    index = JdihIndexPage.objects.filter(depth=3).first()
    site = index.get_site()
    host = site.hostname
    client = Client()
    _timed_get(client, "/jdih/?q=warmup", host)
    timings = []
    for _ in range(rounds):
        for query in QUERIES:
            timings.append(_timed_get(client, f"/jdih/?q={quote(query)}", host))
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    listing = [_timed_get(client, "/jdih/", host) for _ in range(5)]
    count = LegalDocumentPage.objects.live().count()
    cache.clear()
    start = time.perf_counter()
    records = jdihn_records(index, base_url=site.root_url, root_path=site.root_page.url_path)
    feed_ms = (time.perf_counter() - start) * 1000
    cache.clear()
    feed_request_ms = _timed_get(client, "/jdih/integrasi/jdihn.json", host)
    detail = LegalDocumentPage.objects.filter(slug="perda-14-2011").first()
    with CaptureQueriesContext(connection) as listing_q:
        client.get("/jdih/", HTTP_HOST=host)
    with CaptureQueriesContext(connection) as detail_q:
        client.get(detail.url_path[len(site.root_page.url_path) - 1 :], HTTP_HOST=host)
    return {
        "database": connection.vendor,
        "documents": count,
        "search_requests": len(timings),
        "search_p50_ms": round(statistics.median(timings), 1),
        "search_p95_ms": round(p95, 1),
        "listing_median_ms": round(statistics.median(listing), 1),
        "feed_records": len(records),
        "feed_build_ms": round(feed_ms, 1),
        "feed_request_ms": round(feed_request_ms, 1),
        "listing_queries": len(listing_q),
        "detail_queries": len(detail_q),
    }


def drop() -> int:
    from pendopo.jdih.models import LegalDocumentPage

    pages = LegalDocumentPage.objects.filter(slug__startswith="bench-")
    count = pages.count()
    for page in pages.iterator():
        page.delete()
    return count


def run(*, documents: int, rounds: int, write=print) -> None:
    start = time.perf_counter()
    added = load(documents)
    write(f"dimuat: {added} dokumen dalam {time.perf_counter() - start:.1f} s")
    for key, value in measure(rounds).items():
        write(f"{key}: {value}")
