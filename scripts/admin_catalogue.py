"""Pendopo's Indonesian catalogue for the Wagtail admin: measure it and build it.

Wagtail 8 ships ``id_ID`` catalogues that translate only part of its admin. Django loads
them for ``LANGUAGE_CODE = "id"`` (gettext expands ``id`` to ``id_ID``), and then the
catalogues in ``LOCALE_PATHS`` on top, which win. This script fills the gap:

    python scripts/admin_catalogue.py report     # translated share per Wagtail app
    python scripts/admin_catalogue.py missing    # the untranslated msgids as JSON, on stdout
    python scripts/admin_catalogue.py build      # terjemahan_admin/*.json -> locale/id .po/.mo

Translations are data in ``scripts/terjemahan_admin/*.json``: each file maps an entry key
(see :func:`entry_key`) to its Indonesian text. ``build`` writes
``locale/id/LC_MESSAGES/django.po`` and ``djangojs.po`` (Indonesian has one plural form,
``nplurals=1; plural=0;``) and compiles them to ``.mo``. Needs polib (dev extra).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from html import unescape
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO / "scripts" / "terjemahan_admin"
OUR_LOCALE = REPO / "locale" / "id" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
PLURAL_FORMS = "nplurals=1; plural=0;"

# %(name)s, %s, %d, %% ... (printf style), {name} / {0} / {} (str.format and the admin JS).
PLACEHOLDER = re.compile(r"%\([^)]+\)[#0 +-]*\d*(?:\.\d+)?[sdifrx]|%[sdifrx]|\{[\w.]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass(frozen=True)
class Entry:
    """One message of a Wagtail app's ``en`` catalogue."""

    app: str  # Django app label path, e.g. "wagtail.admin"
    domain: str  # "django" or "djangojs"
    msgctxt: str | None
    msgid: str
    msgid_plural: str | None

    @property
    def key(self) -> str:
        return entry_key(self.msgctxt, self.msgid, self.msgid_plural)


def entry_key(msgctxt: str | None, msgid: str, msgid_plural: str | None = None) -> str:
    """A short stable key for one message: 10 hex digits of SHA-1 of context, id and plural."""
    raw = f"{msgctxt or ''}\x04{msgid}\x00{msgid_plural or ''}"
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:10]


def placeholders(text: str) -> list[str]:
    """The placeholders of a message, sorted: order may change in a translation."""
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def html_tags(text: str) -> list[str]:
    """The HTML tag names of a message (attributes included), sorted."""
    return sorted(HTML_TAG.findall(text))


def translation_problems(msgid: str, msgid_plural: str | None, text: str) -> list[str]:
    """What a translation breaks: placeholders or HTML tags of its msgid (plural: msgid_plural).

    Indonesian has one plural form, used for every count, so a plural translation must keep
    the placeholders of the plural msgid. Returns readable problems, empty when it is sound.
    """
    source = msgid_plural or msgid
    found = []
    if placeholders(source) != placeholders(text):
        found.append(f"placeholders {placeholders(source)} != {placeholders(text)}")
    if html_tags(source) != html_tags(text):
        found.append(f"HTML {html_tags(source)} != {html_tags(text)}")
    if source[:1].isspace() != text[:1].isspace() or source[-1:].isspace() != text[-1:].isspace():
        found.append("leading/trailing whitespace differs")
    return found


# Phrases an English-speaking admin shows on the editor's main screens; none may remain.
COMMON_ENGLISH_PHRASES = [
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Snippets",
    "Reports",
    "Settings",
    "Help",
    "Search",
    "Add child page",
    "Edit",
    "View live",
    "Save draft",
    "Publish",
    "Submit for moderation",
    "Unpublish",
    "History",
    "Preview",
    "Delete",
    "Upload",
    "Add an image",
    "Add a document",
    "Collection",
    "Choose an image",
    "Tags",
    "Title",
    "Live",
    "Draft",
    "Sort by",
    "Your most recent edits",
    "Awaiting your review",
    "Log out",
    "Password",
    "Username",
    "Sign in",
    "Account",
    "Privacy",
    "Comments",
    "Content",
    "Promote",
    "This field is required",
    "Apply filters",
    "Bulk actions",
    "Select all",
    "Toggle sidebar",
    "Skip to main content",
]


def visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style|template)\b.*?</\1>", " ", html)
    html = re.sub(r"(?s)<!--.*?-->", " ", html)
    # Attributes a person meets (or hears from a screen reader). Not ``value``: Wagtail
    # hard-codes value="Search" on a visually hidden submit button (header.html, home.html).
    attributes = re.findall(r'(?:aria-label|placeholder|title|alt)="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    return unescape(" ".join([text, *attributes]))


def english_phrases_in(html: str) -> list[str]:
    """Common English admin phrases found as whole words in what a person can read."""
    return english_phrases_in_text(visible_text(html))


def english_phrases_in_text(text: str) -> list[str]:
    """Common English admin phrases found as whole words in plain text."""
    return [
        phrase
        for phrase in COMMON_ENGLISH_PHRASES
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)
    ]


def enabled_wagtail_apps() -> list[tuple[str, Path]]:
    """(app name, app directory) of every Wagtail app in INSTALLED_APPS with a catalogue."""
    from django.apps import apps

    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("wagtail"):
            continue
        if (Path(config.path) / "locale" / "en").is_dir():
            found.append((config.name, Path(config.path)))
    return sorted(found)


def _po(path: Path):
    import polib

    return polib.pofile(str(path)) if path.exists() else None


def _translated(entry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def wagtail_entries() -> list[Entry]:
    """Every message of the ``en`` catalogues of the enabled Wagtail apps."""
    entries = []
    for app, path in enabled_wagtail_apps():
        for domain in DOMAINS:
            po = _po(path / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po")
            if po is None:
                continue
            for item in po:
                if item.obsolete:
                    continue
                entries.append(
                    Entry(app, domain, item.msgctxt, item.msgid, item.msgid_plural or None)
                )
    return entries


def translated_keys(locale_dir: Path, domain: str) -> set[str]:
    """Keys of the messages a catalogue translates (fuzzy and obsolete ones do not count)."""
    po = _po(locale_dir / f"{domain}.po")
    if po is None:
        return set()
    return {
        entry_key(item.msgctxt, item.msgid, item.msgid_plural or None)
        for item in po
        if _translated(item)
    }


def wagtail_id_keys(app_path: Path, domain: str) -> set[str]:
    return translated_keys(app_path / "locale" / "id_ID" / "LC_MESSAGES", domain)


@dataclass
class Share:
    app: str
    domain: str
    total: int
    wagtail: int  # translated by Wagtail's own id_ID catalogue
    combined: int  # translated by Wagtail's or Pendopo's catalogue

    @property
    def label(self) -> str:
        return self.app if self.domain == "django" else f"{self.app} (js)"


def shares(our_locale: Path = OUR_LOCALE) -> list[Share]:
    """Per app and domain: how many messages Wagtail translates, and with ours on top."""
    paths = dict(enabled_wagtail_apps())
    ours = {domain: translated_keys(our_locale, domain) for domain in DOMAINS}
    table: dict[tuple[str, str], Share] = {}
    wagtail_cache: dict[tuple[str, str], set[str]] = {}
    for entry in wagtail_entries():
        group = (entry.app, entry.domain)
        if group not in wagtail_cache:
            wagtail_cache[group] = wagtail_id_keys(paths[entry.app], entry.domain)
        share = table.setdefault(group, Share(entry.app, entry.domain, 0, 0, 0))
        share.total += 1
        in_wagtail = entry.key in wagtail_cache[group]
        share.wagtail += in_wagtail
        share.combined += in_wagtail or entry.key in ours[entry.domain]
    return list(table.values())


def missing_entries() -> list[Entry]:
    """Messages neither Wagtail's id_ID catalogues nor the data files translate."""
    paths = dict(enabled_wagtail_apps())
    data = load_data()
    seen: set[tuple[str, str]] = set()
    todo = []
    for entry in wagtail_entries():
        if entry.key in wagtail_id_keys(paths[entry.app], entry.domain) or entry.key in data:
            continue
        if (entry.domain, entry.key) in seen:
            continue
        seen.add((entry.domain, entry.key))
        todo.append(entry)
    return todo


def load_data() -> dict[str, str]:
    """All translations of the data files, key -> Indonesian text (later files win)."""
    merged: dict[str, str] = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def build(out_dir: Path = OUR_LOCALE) -> dict[str, int]:
    """Write and compile ``out_dir``/{django,djangojs}.po and .mo; return entries per domain."""
    import polib

    data = load_data()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    by_domain: dict[str, dict[str, Entry]] = {domain: {} for domain in DOMAINS}
    for entry in wagtail_entries():
        if entry.key in data:
            by_domain[entry.domain].setdefault(entry.key, entry)
    for domain, entries in by_domain.items():
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Project-Id-Version": "Pendopo",
            "Language": "id",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": PLURAL_FORMS,
        }
        po.header = (
            "Pendopo's Indonesian translations of Wagtail admin messages that Wagtail's own\n"
            "id_ID catalogue leaves untranslated or that Pendopo words differently\n"
            "(docs/istilah-admin.md). Generated by scripts/admin_catalogue.py build from\n"
            "scripts/terjemahan_admin/*.json: edit those, not this file."
        )
        for key, entry in sorted(entries.items(), key=lambda kv: (kv[1].app, kv[1].msgid)):
            text = data[key]
            item = polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                comment=f"{entry.app}",
            )
            if entry.msgid_plural:
                item.msgid_plural = entry.msgid_plural
                item.msgstr_plural = {0: text}
            else:
                item.msgstr = text
            if "%" in entry.msgid and domain == "django" and PLACEHOLDER.search(entry.msgid):
                item.flags.append("python-format")
            po.append(item)
        po.save(str(out_dir / f"{domain}.po"))
        po.save_as_mofile(str(out_dir / f"{domain}.mo"))
        written[domain] = len(po)
    return written


def _setup_django() -> None:
    import os

    import django

    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    django.setup()


def main(argv: list[str]) -> int:
    _setup_django()
    command = argv[1] if len(argv) > 1 else "report"
    if command == "report":
        rows = sorted(shares(), key=lambda s: (s.app, s.domain))
        print(f"{'app':<36} {'msgids':>6} {'Wagtail id_ID':>14} {'+ Pendopo':>14}")
        for s in rows:
            print(
                f"{s.label:<36} {s.total:>6} {s.wagtail:>6} {s.wagtail / s.total:>6.1%} "
                f"{s.combined:>6} {s.combined / s.total:>6.1%}"
            )
        total = sum(s.total for s in rows)
        wagtail = sum(s.wagtail for s in rows)
        combined = sum(s.combined for s in rows)
        print(
            f"{'TOTAL':<36} {total:>6} {wagtail:>6} {wagtail / total:>6.1%} "
            f"{combined:>6} {combined / total:>6.1%}"
        )
    elif command == "missing":
        todo = missing_entries()
        rows = [
            {"key": e.key, "app": e.app, "ctx": e.msgctxt, "id": e.msgid, "pl": e.msgid_plural}
            for e in todo
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        print(f"{len(todo)} untranslated messages", file=sys.stderr)
    elif command == "build":
        for domain, count in build().items():
            print(f"{domain}: {count} messages")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
