"""Reads of the JDIH library, by role: listing and filters, search, the detail page, the JDIHN
feed and the addresses to purge.

Listing and detail run a constant number of queries whatever the number of relations
(``select_related`` / ``prefetch_related``; ``jdih/tests/test_views.py`` counts them). This
package re-exports the public names of its modules, so ``from pendopo.jdih import
selectors`` keeps working; code inside ``jdih`` imports from the role modules.
"""

from pendopo.jdih.selectors.detail import (
    RelationLine,
    document_detail,
    relation_lines,
    relations_prefetch,
    status_sentence,
    with_relations,
)
from pendopo.jdih.selectors.jdihn import JDIHN_FIELDS, jdihn_records, jdihn_title
from pendopo.jdih.selectors.listing import (
    Filters,
    documents_under,
    facet_choices,
    filter_documents,
    jdih_index_for_site,
    read_filters,
)
from pendopo.jdih.selectors.purge import listing_filter_paths, urls_showing_status
from pendopo.jdih.selectors.search import (
    Citation,
    parse_citation,
    place_names,
    search_documents,
)

__all__ = [
    "JDIHN_FIELDS",
    "Citation",
    "Filters",
    "RelationLine",
    "document_detail",
    "documents_under",
    "facet_choices",
    "filter_documents",
    "jdih_index_for_site",
    "jdihn_records",
    "jdihn_title",
    "listing_filter_paths",
    "parse_citation",
    "place_names",
    "read_filters",
    "relation_lines",
    "relations_prefetch",
    "search_documents",
    "status_sentence",
    "urls_showing_status",
    "with_relations",
]
