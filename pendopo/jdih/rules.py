"""The JDIH's numbers: year bounds, the JDIHN feed's cache and limit, search and listing limits.

None of them is set by an article of law: the legal sources of the JDIH (Perpres 33/2012 on
JDIHN, Permenkumham 8/2019 on the management standard) fix no number the library has to
apply, so there is no :class:`pendopo.core.rules.Rule` here (``rules_of`` finds none). Each
number below is a technical setting or a convention of the JDIHN member sites, said where it
comes from; models, forms, selectors, services and views read it from here, never from a
literal.
"""

from __future__ import annotations

# --- Catalogue --------------------------------------------------------------------------

#: The earliest year of a legal document: the Republic's first year (proclamation of 17 August
#: 1945); no regional legal product is older. A sanity bound on input, not a rule of law.
YEAR_MIN = 1945
#: The latest year accepted: a sanity bound against typing errors ("20224"), not a rule of law.
YEAR_MAX = 2100

#: Longest document number ("nomor"); the column's ``max_length``.
NUMBER_MAX_LENGTH = 30
#: Longest title: Wagtail's ``Page.title`` column (``max_length=255``), checked before import.
TITLE_MAX_LENGTH = 255

# --- JDIHN feed ---------------------------------------------------------------------------

#: How long the JDIHN feed is cached (Django cache and ``Cache-Control: max-age``), in
#: seconds: 30 minutes, as the member sites do (JDIH Padang, ``integrasipdg.php``;
#: docs/rules.md#jdih-jdihn-feed). A convention of the network, not a legal term; the cache
#: is also purged on every publication or status change.
FEED_CACHE_SECONDS = 30 * 60
#: The largest ``?limit=`` the feed accepts (the message in ``views.jdihn_feed`` says it).
FEED_MAX_LIMIT = 100_000

# --- Listing and search -------------------------------------------------------------------

#: Documents per page of the ``/jdih/`` listing.
PAGE_SIZE = 20
#: Characters of the search query that are kept (the rest is cut off).
MAX_QUERY_LENGTH = 100
#: Most documents a search returns.
SEARCH_RESULTS_MAX = 200
#: Most hits read from the search index per attempt (the place-name check reads only these).
SEARCH_RANKED_MAX = 500
#: Most exact-title matches put first in a search.
SEARCH_EXACT_TITLE_MAX = 5

# --- Text extraction ----------------------------------------------------------------------

#: Fewer extracted characters per page than this means a scan without a text layer
#: ("perlu OCR").
MIN_CHARS_PER_PAGE = 20
#: Most characters of extracted text kept (about 600 pages of dense text; the rest is not
#: indexed). Read by the worker process ``pdfworker``: this module imports no Django.
MAX_TEXT_CHARS = 2_000_000
#: Width in pixels of the first-page preview.
PREVIEW_WIDTH = 600
