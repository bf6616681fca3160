"""The admin speaks Bahasa Indonesia (issue 9): catalogue coverage, sound translations, the
admin language per user, and no common English phrase on the screens an agency editor uses.

Coverage is measured on what Django really loads for ``id``: Wagtail's ``id_ID`` catalogues
merged with Pendopo's ``locale/id`` (LOCALE_PATHS win), for every Wagtail app in
INSTALLED_APPS, both the ``django`` domain and the admin's ``djangojs`` catalogue.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.utils.functional import Promise
from django.utils.translation import trans_real

from scripts import admin_catalogue

MIN_TRANSLATED_SHARE = 0.95  # issue 9: the test fails below 95 % translated
OUR_LOCALE = admin_catalogue.OUR_LOCALE

EDITOR_SCREENS = {
    "dasbor": "/admin/",
    "penjelajah": "/admin/pages/{agency_news_index}/",
    "ubah-berita": "/admin/pages/{news_page}/edit/",
    "gambar": "/admin/images/",
    "unggah-gambar": "/admin/images/multiple/add/",
    "dokumen": "/admin/documents/",
    "unggah-dokumen": "/admin/documents/multiple/add/",
    "akun": "/admin/account/",
}


def _catalogue_key(entry: admin_catalogue.Entry):
    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    return (key, 0) if entry.msgid_plural else key


def _loaded_catalogue(domain: str):
    """The catalogue Django builds for ``id``, as the admin's views and its jsi18n view do."""
    if domain == "django":
        return trans_real.DjangoTranslation("id")._catalog
    # Wagtail's jsi18n: JavaScriptCatalog(packages=["wagtail.admin"]) plus LOCALE_PATHS.
    admin_dir = dict(admin_catalogue.enabled_wagtail_apps())["wagtail.admin"]
    translation = trans_real.DjangoTranslation(
        "id", domain="djangojs", localedirs=[str(admin_dir / "locale")]
    )
    return translation._catalog


def loaded_shares() -> dict[str, tuple[int, int]]:
    """Per app (and ``(js)``): (msgids, translated in the catalogue Django loads)."""
    catalogues = {domain: _loaded_catalogue(domain) for domain in admin_catalogue.DOMAINS}
    counts: dict[str, list[int]] = {}
    for entry in admin_catalogue.wagtail_entries():
        label = entry.app if entry.domain == "django" else f"{entry.app} (js)"
        row = counts.setdefault(label, [0, 0])
        row[0] += 1
        row[1] += bool(catalogues[entry.domain].get(_catalogue_key(entry)))
    return {label: (total, done) for label, (total, done) in counts.items()}


def test_enabled_wagtail_apps_are_measured():
    labels = {app for app, _path in admin_catalogue.enabled_wagtail_apps()}
    for app in ("wagtail", "wagtail.admin", "wagtail.images", "wagtail.documents"):
        assert app in labels
    # Disabled apps do not count: search_promotions is not in INSTALLED_APPS.
    assert "wagtail.contrib.search_promotions" not in labels


def test_admin_catalogues_are_at_least_95_percent_translated():
    shares = loaded_shares()
    total = sum(t for t, _ in shares.values())
    done = sum(d for _, d in shares.values())
    assert total > 1500, f"too few msgids found ({total}): are the en catalogues read?"
    low = {label: f"{d}/{t}" for label, (t, d) in shares.items() if d / t < MIN_TRANSLATED_SHARE}
    assert done / total >= MIN_TRANSLATED_SHARE, f"{done}/{total} translated"
    assert not low, f"apps below {MIN_TRANSLATED_SHARE:.0%}: {low}"


def test_wagtail_alone_is_below_the_threshold_so_the_count_can_fail():
    """Without Pendopo's catalogue the same count reports Wagtail's own ~40 %."""
    shares = admin_catalogue.shares(our_locale=Path("/nonexistent"))
    total = sum(s.total for s in shares)
    assert sum(s.wagtail for s in shares) / total < MIN_TRANSLATED_SHARE
    assert sum(s.combined for s in shares) == sum(s.wagtail for s in shares)


@pytest.mark.parametrize("domain", admin_catalogue.DOMAINS)
def test_every_translation_keeps_placeholders_and_html(domain):
    po = polib.pofile(str(OUR_LOCALE / f"{domain}.po"))
    assert len(po) > 40
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    broken = {}
    for entry in po:
        text = entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr
        assert text, f"empty translation for {entry.msgid!r}"
        problems = admin_catalogue.translation_problems(entry.msgid, entry.msgid_plural, text)
        if problems:
            broken[entry.msgid] = problems
    assert not broken


@pytest.mark.parametrize(
    ("msgid", "plural", "text", "problem"),
    [
        ("Delete %(title)s", None, "Hapus judul", "placeholders"),
        ("Hello %s and %s", None, "Halo %s", "placeholders"),
        ("{count} items", None, "{jumlah} item", "placeholders"),
        ("<b>Locked</b> by you", None, "Dikunci oleh Anda", "HTML"),
        ("1 page", "%(counter)s pages", "1 halaman", "placeholders"),
        ("Status: ", None, "Status:", "whitespace"),
    ],
)
def test_placeholder_check_catches_broken_translations(msgid, plural, text, problem):
    problems = admin_catalogue.translation_problems(msgid, plural, text)
    assert any(problem in p for p in problems), problems


def test_compiled_catalogues_match_the_data(tmp_path):
    """The committed .po/.mo are what ``scripts/admin_catalogue.py build`` makes of the data."""
    admin_catalogue.build(out_dir=tmp_path)
    for domain in admin_catalogue.DOMAINS:
        built = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(tmp_path / f"{domain}.po"))}
        committed_po = polib.pofile(str(OUR_LOCALE / f"{domain}.po"))
        committed_mo = polib.mofile(str(OUR_LOCALE / f"{domain}.mo"))
        for committed in (committed_po, committed_mo):
            found = {(e.msgctxt, e.msgid): e for e in committed if e.msgid}
            assert found.keys() == built.keys(), f"{domain}: run the build script"
            for key, entry in found.items():
                assert entry.msgstr == built[key].msgstr
                assert entry.msgstr_plural == built[key].msgstr_plural or not entry.msgid_plural


def test_field_terms_are_used_consistently():
    """The terms of docs/istilah-admin.md win over Wagtail's own wording."""
    from django.utils import translation

    with translation.override("id"):
        assert translation.gettext("Publish") == "Terbitkan"
        assert translation.gettext("Save draft") == "Simpan draf"
        assert translation.gettext("Draft") == "Draf"
        assert translation.gettext("Collections") == "Koleksi"
        assert translation.gettext("Workflows") == "Alur kerja persetujuan"
        assert translation.gettext("revisions") == "revisi"
        assert translation.gettext("Schedule to publish") == "Jadwalkan terbit"
    po = polib.pofile(str(OUR_LOCALE / "django.po"))
    for entry in po:
        text = (entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr).lower()
        assert "konsep" not in text, entry.msgid
        assert "publikasikan" not in text, entry.msgid


# --- the admin language per user ------------------------------------------------------


@pytest.fixture
def editor(db):
    user = get_user_model().objects.get(username="editor.dinkes")
    profile = user.wagtail_userprofile if hasattr(user, "wagtail_userprofile") else None
    if profile is not None and profile.preferred_language:
        profile.preferred_language = ""
        profile.save()
    return user


def test_english_phrase_finder_finds_english():
    html = '<a href="/admin/pages/">Pages</a><button aria-label="Toggle sidebar"></button>'
    assert admin_catalogue.english_phrases_in(html) == ["Pages", "Toggle sidebar"]
    assert admin_catalogue.english_phrases_in("<p>Halaman</p><script>var Pages = 1;</script>") == []


def test_admin_is_indonesian_by_default_even_with_english_cookie_and_browser(client, editor):
    client.force_login(editor)
    client.cookies["django_language"] = "en"
    response = client.get("/admin/", headers={"accept-language": "en-US,en;q=0.9"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id"' in html
    assert "Dasbor" in html
    assert admin_catalogue.english_phrases_in(html) == []


def test_admin_js_catalogue_is_indonesian(client, editor):
    client.force_login(editor)
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    body = response.content.decode()
    assert '"Write something or type \\u2018/\\u2019 to insert a block"' in body
    assert "Tulis sesuatu atau ketik" in body


@pytest.mark.django_db
def test_login_page_is_indonesian(client):
    client.cookies["django_language"] = "en"
    response = client.get("/admin/login/", headers={"accept-language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kata sandi" in html
    assert admin_catalogue.english_phrases_in(html) == []


def test_english_stays_available_per_user(client, editor):
    from wagtail.users.models import UserProfile

    client.force_login(editor)
    account = client.get("/admin/account/")
    assert account.status_code == 200
    assert 'value="en"' in account.content.decode()

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = client.get("/admin/").content.decode()
    assert '<html lang="en"' in html
    assert "Dashboard" in html

    profile.preferred_language = ""
    profile.save()
    assert '<html lang="id"' in client.get("/admin/").content.decode()


def _editor_urls() -> dict[str, str]:
    from pendopo.agencies.models import AgencyPage
    from pendopo.news.models import NewsPage

    agency_page = AgencyPage.objects.get(agency__slug="dinkes")
    news_index = agency_page.get_children().get(slug="berita")
    news_page = NewsPage.objects.child_of(news_index).first()
    ids = {"agency_news_index": news_index.pk, "news_page": news_page.pk}
    return {name: path.format(**ids) for name, path in EDITOR_SCREENS.items()}


@pytest.mark.django_db
def test_editor_screens_show_no_common_english_phrase(client, editor):
    client.force_login(editor)
    found = {}
    for name, url in _editor_urls().items():
        response = client.get(url)
        assert response.status_code == 200, f"{name} {url}: {response.status_code}"
        phrases = admin_catalogue.english_phrases_in(response.content.decode())
        if phrases:
            found[name] = phrases
    assert not found


# --- Pendopo's own admin strings ------------------------------------------------------

# Inherited from Wagtail / modelcluster or never shown in an admin form.
UNSHOWN_FIELDS = {
    ("SiteSettings", "site"),  # BaseSiteSetting: chosen by the settings menu, not a field
    ("Event", "object_id"),  # audit log internals, no admin form
    ("PortalDocument", "tagged_items"),  # taggit's link rows; editors see the "tag" field
}


def _never_labelled(model, field) -> bool:
    """Fields Wagtail never shows with a label: an InlinePanel child's drag handle
    (``Orderable.sort_order``) and its link to the parent (``ParentalKey``), and a tag
    through-model's ``tag`` (the editor sees the page's tag field instead)."""
    from modelcluster.fields import ParentalKey
    from taggit.models import TaggedItemBase
    from wagtail.models import Orderable

    return (
        isinstance(field, ParentalKey)
        or (issubclass(model, Orderable) and field.name == "sort_order")
        or (issubclass(model, TaggedItemBase) and field.name == "tag")
    )


def test_pendopo_models_and_fields_have_translatable_names():
    from django.apps import apps
    from wagtail.models import Page

    page_fields = {f.name for f in Page._meta.get_fields()}
    untranslated = []
    for model in apps.get_models():
        if not model.__module__.startswith("pendopo."):
            continue
        for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
            if not isinstance(name, Promise):
                untranslated.append(f"{model.__name__} Meta: {name!r}")
        for field in model._meta.get_fields():
            if field.auto_created or not hasattr(field, "verbose_name"):
                continue
            if field.name in page_fields or (model.__name__, field.name) in UNSHOWN_FIELDS:
                continue
            if _never_labelled(model, field):
                continue
            if not isinstance(field.verbose_name, Promise):
                untranslated.append(f"{model.__name__}.{field.name}: {field.verbose_name!r}")
    assert not untranslated


# --- Wagtail's default records get Indonesian names -----------------------------------


@pytest.mark.django_db
def test_wagtail_default_workflow_and_groups_have_indonesian_names():
    from django.contrib.auth.models import Group
    from wagtail.models import Task, Workflow

    from pendopo.core.admin_locale import localize_admin_defaults

    # The session fixture ran the command: the editor reads "Persetujuan moderator".
    assert Workflow.objects.filter(name="Persetujuan moderator").exists()
    assert Task.objects.filter(name="Persetujuan moderator").exists()
    assert set(
        Group.objects.filter(name__in=["Moderator", "Editor"]).values_list("name", flat=True)
    ) == {
        "Moderator",
        "Editor",
    }
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert localize_admin_defaults() == []  # idempotent

    # A name an administrator chose is never overwritten; an English default is renamed.
    Workflow.objects.filter(name="Persetujuan moderator").update(name="Verifikasi Diskominfo")
    Workflow.objects.create(name="Moderators approval")
    assert localize_admin_defaults() == [
        "alur kerja persetujuan: Moderators approval -> Persetujuan moderator"
    ]
    assert Workflow.objects.filter(name="Verifikasi Diskominfo").exists()
