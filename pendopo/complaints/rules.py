"""The legal clocks of a citizen's report (SP4N-LAPOR!), one :class:`Rule` each.

Basis: Perpres 76/2013 (Pengelolaan Pengaduan Pelayanan Publik, LAPOR! designated as SP4N) and
PermenPANRB 62/2018 (Pedoman Pengelolaan Pengaduan Pelayanan Publik); the day counts are the ones
SP4N-LAPOR! publishes (KemenPANRB's description of the service). Entries in ``docs/rules.md``
(anchors ``complaints-…``). Services start clocks with these amounts, templates show them through
the ``{% complaint_rule %}`` tag (``templatetags/complaint_tags.py``), tests assert both.
"""

from __future__ import annotations

from pendopo.core.rules import Rule, Unit

LAPOR_BASIS = "SP4N-LAPOR! (Perpres 76/2013; PermenPANRB 62/2018)"

VERIFY = Rule(3, Unit.WORKING_DAYS, LAPOR_BASIS, "complaints-verification")
"""The coordinator verifies a report and forwards it to the competent agency (disposisi)."""

FOLLOW_UP = Rule(5, Unit.WORKING_DAYS, LAPOR_BASIS, "complaints-follow-up")
"""The agency coordinates internally and sends its follow-up (tindak lanjut); also the clock a
reporter's reply restarts on an answered or closed case."""

AUTO_CLOSE = Rule(10, Unit.WORKING_DAYS, LAPOR_BASIS, "complaints-auto-close")
"""A case with a follow-up is finished once this many working days pass without a reply."""

# The texts stored in ``Case.step_rule`` (shown to staff next to the due date).
VERIFY_TEXT = (
    f"SP4N-LAPOR!: verifikasi dan penerusan ≤ {VERIFY.amount} hari kerja (PermenPANRB 62/2018)"
)
FOLLOW_UP_TEXT = f"SP4N-LAPOR!: tindak lanjut ≤ {FOLLOW_UP.amount} hari kerja (PermenPANRB 62/2018)"
AUTO_CLOSE_TEXT = f"SP4N-LAPOR!: selesai {AUTO_CLOSE.amount} hari kerja tanpa tanggapan pelapor"
