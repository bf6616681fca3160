"""Point references to the old out-of-repo notes at the docs inside the repository.

``DOMAIN.md §x`` becomes ``docs/rules.md#<anchor>`` and "contract Cn" gains a link to
``docs/contracts.md#<anchor>``, in every tracked text file (Python, templates, Markdown, text).
Idempotent: a second run changes nothing. Every replacement is printed as
``path:line: old -> new``.

    python scripts/docrefs.py            # rewrite in place
    python scripts/docrefs.py --dry-run  # only print what would change

``locale/`` is skipped, except for the one translated message that cites DOMAIN.md
(``procurement/flags.py``): its msgid and msgstr are changed exactly like the source, so the
``.po`` catalogue stays consistent, and the ``.mo`` is recompiled with ``msgfmt`` when present.
``CHANGELOG.md`` (history) and ``docs/rules.md`` / ``docs/contracts.md`` are never rewritten.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".py", ".html", ".txt", ".md", ".rst", ".toml", ".cfg", ".js", ".css", ".po"}
SKIP = {"CHANGELOG.md", "docs/rules.md", "docs/contracts.md", "scripts/docrefs.py"}
SKIP_TESTS = {"tests/test_docs.py"}

CONTRACTS = {
    "1": "c1-complaint-form-prefill",
    "2": "c2-service-complaint-link",
    "3": "c3-procurement-report-link",
    "4": "c4-immediate-notices",
    "5": "c5-legal-documents-are-pages",
    "6": "c6-periodic-jobs",
    "7": "c7-second-regency",
}

#: DOMAIN.md section -> anchor in docs/rules.md (the generic fallback).
SECTIONS = {
    "0": "rules-key-numbers",
    "1": "ppid",
    "1.1": "ppid-legal-basis",
    "1.2": "ppid-categories",
    "1.3": "ppid-request-fields",
    "1.4": "ppid-objection-grounds",
    "1.5": "ppid-dispute-filing",
    "1.6": "ppid-annual-report",
    "1.7": "ppid-dip",
    "1.8": "ppid-service-charter",
    "2": "complaints",
    "2.1": "complaints",
    "2.2": "services",
    "3": "jdih",
    "4": "procurement",
    "5": "publishing",
    "5.1": "publishing-minimum-content",
    "5.2": "publishing-domain",
    "5.3": "publishing-spbe",
    "5.4": "publishing-accessibility",
    "5.5": "data-protection",
    "6": "rules-key-numbers",
    "7": "calendar",
    "8": "rules-key-numbers",
}

#: DOMAIN.md §8 "rules for tests" -> anchor.
TEST_RULES = {
    "1": "ppid-answer-deadline",
    "2": "ppid-registration-number",
    "3": "ppid-request-fields",
    "4": "ppid-answer-types",
    "5": "ppid-objection-filing",
    "6": "ppid-objection-answer",
    "7": "ppid-dispute-filing",
    "8": "calendar-working-days",
    "9": "ppid-annual-report",
    "10": "ppid-dip",
    "11": "complaints-states",
    "12": "services-components",
    "13": "jdih-jdihn-feed",
    "14": "procurement-sanggah",
    "15": "data-protection-portal-duties",
}

#: Specific wordings, tried before the generic rule: (pattern, anchor or replacement).
#: A replacement containing "{rules}" gets the link to docs/rules.md in place of "{rules}".
SPECIFIC: list[tuple[str, str]] = [
    # The translated "basis" of a red flag: the Perpres articles are already named; citizens
    # need no pointer to developer notes.
    (r'\); "\s*"DOMAIN\.md §4\."', ").{q}"),
    (r"\); DOMAIN\.md §4\.", ")."),
    # A trailing comment: keep the line within 100 characters (U = unverified, see rules.md).
    (r"Rp100 juta \(DOMAIN\.md §4: unverified\)", "U: {rules}#procurement-direct-limit"),
    (r"\(DOMAIN\.md §4: unverified\)", "(unverified: {rules}#procurement-direct-limit)"),
    (r"\(DOMAIN\.md §4, sanggah\)", "({rules}#procurement-sanggah)"),
    (r"\(DOMAIN\.md §4: filed", "({rules}#procurement-sanggah: filed"),
    (
        r"\(`\.\./shared/DOMAIN\.md`\s+§4 in the project notes;",
        "([rules](#procurement);",
    ),
    (r"report classes \(DOMAIN\.md §2\.1\)", "report classes ({rules}#complaints-report-classes)"),
    (
        r"transitions table \(SP4N-LAPOR!, DOMAIN\.md §2\.1\)",
        "transitions table (SP4N-LAPOR!, {rules}#complaints-states)",
    ),
    (r"DOMAIN\.md §7 and §0", "{rules}#calendar-working-days"),
    (r"the five DOMAIN\.md §7 vectors", "the five vectors of {rules}#calendar-test-vectors"),
    (r"The DOMAIN\.md §7 vector", "The vector of {rules}#calendar-test-vectors"),
    (r"DOMAIN\.md §7 vectors", "{rules}#calendar-test-vectors"),
    (r'DOMAIN\.md §7, "Test vectors"', "{rules}#calendar-test-vectors"),
    (r"JDIH metadata of DOMAIN\.md §3", "JDIH metadata of {rules}#jdih-metadata"),
    (r"JDIH metadata \(DOMAIN\.md §3\)", "JDIH metadata ({rules}#jdih-metadata)"),
    (r"\(DOMAIN\.md §3: Perda", "({rules}#jdih-promulgation: Perda"),
    (r"documents \(DOMAIN\.md §3\)\.", "documents ({rules}#jdih-jdihn-feed)."),
    (r"\(DOMAIN\.md §3 ``judul``\)", "({rules}#jdih-metadata ``judul``)"),
    (r"DOMAIN §3\)", "{rules}#jdih-document-types)"),
    (
        r"Berlaku\" / \"Tidak Berlaku\" \(DOMAIN\.md §3\)",
        'Berlaku" / "Tidak Berlaku" ({rules}#jdih-status)',
    ),
    (
        r"JDIH Padang caches its feed for 30 minutes \(DOMAIN\.md §3\)",
        "JDIH Padang's 30 minutes, {rules}#jdih-feed-cache",
    ),
    (r"minutes \(DOMAIN\.md §3\)", "minutes ({rules}#jdih-feed-cache)"),
    (r"the fields in DOMAIN\.md §3", "the fields in {rules}#jdih-jdihn-feed"),
    (
        r"DOMAIN\.md §1\.3, from UU 14/2008 Pasal 22",
        "{rules}#ppid-request-states, UU 14/2008 Pasal 22",
    ),
    (r"one test per DOMAIN\.md §8 rule 1–10", "one test per rule of {rules}#ppid"),
    (r"DOMAIN\.md §7 marks it unverified", "{rules}#calendar-working-days marks it unverified"),
]

GENERIC = re.compile(
    r"DOMAIN(?:\.md)? §(?P<sec>\d+(?:\.\d+)?)"
    r"(?:(?:,| and| /) §(?P<sec2>\d+(?:\.\d+)?))*"
    r"(?: rule (?P<rule>\d+)(?:–\d+)?)?"
)
CONTRACT = re.compile(r"\b(?P<word>[Cc]ontracts?) C(?P<n>[1-7])(?:/C(?P<n2>[1-7]))?\b")
BARE_C1 = re.compile(r"(?<!\[)\bC1 (?P<q>`{1,2})rujukan")
LINKED = re.compile(r"\s*(?:#:?\s*)?[(\[]{0,2}docs/contracts\.md#c[1-7]-")


def tracked_files() -> list[str]:
    git = shutil.which("git") or "git"
    out = subprocess.run(  # noqa: S603 - fixed arguments
        [git, "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    return [line for line in out.splitlines() if line]


def relative(path: str, target: str) -> str:
    return os.path.relpath(ROOT / target, (ROOT / path).parent).replace(os.sep, "/")


def rewrite(path: str, text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """The new text of ``path`` and its replacements ``(line, old, new)``."""
    changes: list[tuple[int, str, str]] = []
    markdown = path.endswith(".md")

    def line_of(pos: int, source: str) -> int:
        return source.count("\n", 0, pos) + 1

    def apply(pattern: re.Pattern[str], make: Callable[[re.Match[str]], str | None]) -> None:
        nonlocal text
        parts: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            new = make(match)
            if new is None or new == match.group(0):
                continue
            changes.append((line_of(match.start(), text), match.group(0), new))
            parts += [text[last : match.start()], new]
            last = match.end()
        if parts:
            text = "".join(parts) + text[last:]

    def rules(anchor_text: str) -> str:
        """Render ``{rules}#anchor`` inside ``anchor_text``."""
        if not markdown:
            return anchor_text.replace("{rules}", "docs/rules.md")

        def link(match: re.Match[str]) -> str:
            anchor = match.group(1)
            return f"[rules.md#{anchor}]({relative(path, 'docs/rules.md')}#{anchor})"

        return re.sub(r"\{rules\}#([a-z0-9-]+)", link, anchor_text)

    for pattern, replacement in SPECIFIC:
        if pattern.startswith(r"\(`\.\./shared"):
            target = f"{relative(path, 'docs/rules.md')}#procurement"
            replacement = f"([rules.md#procurement]({target});"
        fixed = rules(replacement.replace("{q}", '"'))

        def specific(match: re.Match[str], fixed: str = fixed) -> str:
            return fixed

        apply(re.compile(pattern), specific)

    def generic(match: re.Match[str]) -> str:
        anchor = (
            TEST_RULES.get(match.group("rule") or "")
            or SECTIONS.get(match.group("sec"))
            or SECTIONS[match.group("sec").split(".")[0]]
        )
        return rules("{rules}#" + anchor)

    apply(GENERIC, generic)

    def contract(match: re.Match[str]) -> str | None:
        if LINKED.match(text, match.end()) or text[match.end() : match.end() + 2] == "](":
            return None
        if markdown and text[max(0, match.start() - 1)] == "[":
            return None
        numbers = [match.group("n")] + ([match.group("n2")] if match.group("n2") else [])
        targets = [f"docs/contracts.md#{CONTRACTS[n]}" for n in numbers]
        if markdown and len(numbers) == 1:
            target = relative(path, "docs/contracts.md")
            return f"[{match.group(0)}]({target}#{CONTRACTS[numbers[0]]})"
        if markdown:
            return f"{match.group(0)} ({_md_links(path, numbers)})"
        return f"{match.group(0)} ({', '.join(targets)})"

    apply(CONTRACT, contract)

    def bare_c1(match: re.Match[str]) -> str | None:
        quote = match.group("q")
        if markdown:
            target = relative(path, "docs/contracts.md")
            return f"[C1]({target}#{CONTRACTS['1']}) {quote}rujukan"
        return f"C1 (docs/contracts.md#{CONTRACTS['1']}) {quote}rujukan"

    apply(BARE_C1, bare_c1)
    return text, changes


def _md_links(path: str, numbers: list[str]) -> str:
    """Markdown links to several contracts."""
    target = relative(path, "docs/contracts.md")
    return ", ".join(f"[C{n}]({target}#{CONTRACTS[n]})" for n in numbers)


LIMIT = 100


def _prose_lines(source: str) -> dict[int, tuple[str, int]]:
    """0-based line -> ("comment", 0) or ("doc", id of its string) for comment-only lines and
    lines of triple-quoted strings."""
    found: dict[int, tuple[str, int]] = {}
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    for number, token in enumerate(tokens):
        if token.type == tokenize.COMMENT and not token.line[: token.start[1]].strip():
            found[token.start[0] - 1] = ("comment", 0)
        elif token.type == tokenize.STRING and token.string.endswith(('"""', "'''")):
            for row in range(token.start[0] - 1, token.end[0]):
                found[row] = ("doc", number)
    return found


def wrap_long_lines(source: str) -> str:
    """Re-wrap comment and docstring lines longer than LIMIT that a replacement lengthened:
    the overflow joins the next line of the same paragraph, or becomes a line of its own."""
    for _ in range(200):
        prose = _prose_lines(source)
        lines = source.split("\n")
        long = [i for i, line in enumerate(lines) if len(line) > LIMIT and i in prose]
        if not long:
            return source
        i = long[0]
        line = lines[i]
        indent = line[: len(line) - len(line.lstrip())]
        kind = prose[i]
        marker = ""
        if kind[0] == "comment":
            marker = "#: " if line.lstrip().startswith("#:") else "# "
        cut = line.rfind(" ", len(indent) + len(marker) + 4, LIMIT + 1)
        if cut < 0:
            return source
        head, tail = line[:cut].rstrip(), line[cut + 1 :]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        body = following.strip()
        same_paragraph = (
            prose.get(i + 1) == kind
            and body
            and following.startswith(indent)
            and not following[len(indent)].isspace()
            and '"""' not in tail
            and not body.startswith(('"""', "- ", "* ", ">>>", "|", "#: "))
            and (not marker or body.startswith(marker.strip()))
        )
        if same_paragraph:
            rest = body[len(marker.strip()) :].strip() if marker else body
            lines[i : i + 2] = [head, f"{indent}{marker}{tail} {rest}"]
        else:
            lines[i : i + 1] = [head, f"{indent}{marker}{tail}"]
        source = "\n".join(lines)
    return source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print, change nothing")
    args = parser.parse_args(argv)
    total = 0
    catalogues: list[str] = []
    python_files: list[str] = []
    for path in tracked_files():
        if path in SKIP or path in SKIP_TESTS or Path(path).suffix not in SUFFIXES:
            continue
        if path.startswith("locale/") and not path.endswith(".po"):
            continue
        file = ROOT / path
        if not file.is_file():
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if "DOMAIN" not in text and not re.search(r"\bC[1-7]\b", text):
            continue
        if path.startswith("locale/"):
            new, changes = _rewrite_catalogue(text)
        else:
            new, changes = rewrite(path, text)
        for line, old, replacement in changes:
            print(f"{path}:{line}: {old!r} -> {replacement!r}")
        total += len(changes)
        if changes and not args.dry_run:
            if path.endswith(".py"):
                new = wrap_long_lines(new)
            file.write_text(new, encoding="utf-8")
            if path.startswith("locale/"):
                catalogues.append(path)
            elif path.endswith(".py"):
                python_files.append(path)
    ruff = shutil.which("ruff", path=str(ROOT / ".venv" / "bin")) or shutil.which("ruff")
    if python_files and ruff:
        # A shorter or longer literal may change how ruff lays the call out.
        subprocess.run(  # noqa: S603 - our own tracked paths
            [ruff, "format", "--quiet", *python_files], cwd=ROOT, check=True
        )
    for po in catalogues:
        msgfmt = shutil.which("msgfmt")
        if msgfmt is None:
            print(f"msgfmt not found: run `manage.py compilemessages` for {po}", file=sys.stderr)
            continue
        subprocess.run(  # noqa: S603 - our own tracked paths
            [msgfmt, "--check-format", "-o", str(ROOT / po[:-3]) + ".mo", str(ROOT / po)],
            check=True,
        )
        print(f"{po[:-3]}.mo: recompiled")
    verb = "would make" if args.dry_run else "made"
    print(f"{verb} {total} replacement(s)")
    return 0


def _rewrite_catalogue(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Only the red-flag basis message: msgid and msgstr lose "; DOMAIN.md §4" together."""
    changes: list[tuple[int, str, str]] = []
    pairs = (('juta); DOMAIN.md §4."', 'juta)."'), ('million); DOMAIN.md §4."', 'million)."'))
    for old, new in pairs:
        index = text.find(old)
        if index >= 0:
            changes.append((text.count("\n", 0, index) + 1, old, new))
            text = text.replace(old, new)
    return text, changes


if __name__ == "__main__":
    sys.exit(main())
