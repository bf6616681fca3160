"""Spreadsheet safety for every export (complaints, PPID, activity …).

A CSV cell that starts with = + - @, a tab or a carriage return is read by spreadsheets as a
formula (OWASP "CSV injection"); such text gets a leading apostrophe. Other values pass as-is.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``"=1+1"`` → ``"'=1+1"``; numbers, dates, None and harmless text are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
