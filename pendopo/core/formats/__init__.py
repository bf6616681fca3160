"""Input formats matching the admin's date pickers, for every admin language (issue 9).

Wagtail's pickers write ``WAGTAIL_DATE_FORMAT`` / ``WAGTAIL_DATETIME_FORMAT`` ("%d/%m/%Y",
"%d/%m/%Y %H:%M") and Wagtail's default "%H:%M" for times. Django's own ``id`` formats
accept date-times and times only with a dot ("14.30"), so a schedule set in the Indonesian
admin was refused ("Masukkan tanggal/waktu yang valid"); its ``en`` and ``id`` lists also
read "05/12/2026" month-first (12 May). These modules (``FORMAT_MODULE_PATH``) put the
picker's day-first formats first; Django's other locale formats still apply.
"""
