"""Every write of the JDIH, by role: set-up, relations (and the status they decide), text
extraction, downloads, CSV imports and cache purges.

The status of a legal document is derived (``states.derive_status``) and written only by
:func:`relations.recompute_status`, which every relation change calls in the same
transaction. This package re-exports the public names of its modules, so
``from pendopo.jdih import services`` keeps working; code inside ``jdih`` imports from the
role modules.
"""

from pendopo.jdih.services.downloads import record_download
from pendopo.jdih.services.imports import (
    IMPORT_COLUMNS,
    OPTIONAL_COLUMNS,
    ImportResult,
    import_legal_documents,
    parse_relation_phrase,
)
from pendopo.jdih.services.purge import FEED_VERSION_KEY, purge_documents, purge_feed_cache
from pendopo.jdih.services.relations import (
    InvalidRelation,
    add_relation,
    change_relation,
    recompute_status,
    recompute_targets_of,
    remove_relation,
)
from pendopo.jdih.services.setup import (
    DEFAULT_DOCUMENT_TYPES,
    LEGAL_BUREAU_GROUP,
    ensure_document_types,
    ensure_jdih_index,
    ensure_legal_bureau_group,
)
from pendopo.jdih.services.text_extraction import (
    documents_needing_text,
    extract_text,
    request_text_extraction,
)

__all__ = [
    "DEFAULT_DOCUMENT_TYPES",
    "FEED_VERSION_KEY",
    "IMPORT_COLUMNS",
    "LEGAL_BUREAU_GROUP",
    "OPTIONAL_COLUMNS",
    "ImportResult",
    "InvalidRelation",
    "add_relation",
    "change_relation",
    "documents_needing_text",
    "ensure_document_types",
    "ensure_jdih_index",
    "ensure_legal_bureau_group",
    "extract_text",
    "import_legal_documents",
    "parse_relation_phrase",
    "purge_documents",
    "purge_feed_cache",
    "record_download",
    "recompute_status",
    "recompute_targets_of",
    "remove_relation",
    "request_text_extraction",
]
