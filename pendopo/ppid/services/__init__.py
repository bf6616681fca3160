"""Every PPID write, one module per role; each status change leaves one event in its transaction.

``organisation`` (offices and groups), ``deadlines`` (legal clocks), ``numbering`` (numbers
and access codes), ``requests``, ``objections``, ``disputes``, ``items`` (the DIP) and
``reports`` (the yearly report). Amounts come from ``pendopo.ppid.rules``, statuses from
``pendopo.ppid.states``, errors from ``pendopo.ppid.errors``. The names below are re-exported
for callers outside PPID and for the tests.
"""

from __future__ import annotations

from pendopo.ppid.errors import RequestInvalid
from pendopo.ppid.services.deadlines import (
    local_date,
    local_start,
    months_before,
    request_deadline,
    stale_cutoff,
)
from pendopo.ppid.services.disputes import dispute_window, record_dispute, record_dispute_outcome
from pendopo.ppid.services.items import flag_stale_berkala, save_information_item
from pendopo.ppid.services.numbering import check_access_code
from pendopo.ppid.services.objections import (
    answer_objection,
    file_objection,
    objection_grounds,
    objection_window,
)
from pendopo.ppid.services.organisation import (
    ATASAN_GROUP,
    UTAMA_GROUP,
    ensure_ppid_offices,
    pelaksana_group_name,
)
from pendopo.ppid.services.reports import publish_annual_report
from pendopo.ppid.services.requests import (
    decide_request,
    extend_deadline,
    record_delivery,
    start_processing,
    submit_request,
    validate_request_data,
)

__all__ = [
    "ATASAN_GROUP",
    "UTAMA_GROUP",
    "RequestInvalid",
    "answer_objection",
    "check_access_code",
    "decide_request",
    "dispute_window",
    "ensure_ppid_offices",
    "extend_deadline",
    "file_objection",
    "flag_stale_berkala",
    "local_date",
    "local_start",
    "months_before",
    "objection_grounds",
    "objection_window",
    "pelaksana_group_name",
    "publish_annual_report",
    "record_delivery",
    "record_dispute",
    "record_dispute_outcome",
    "request_deadline",
    "save_information_item",
    "stale_cutoff",
    "start_processing",
    "submit_request",
    "validate_request_data",
]
