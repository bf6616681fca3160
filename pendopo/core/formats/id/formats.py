"""Day-first input formats for Bahasa Indonesia (see ``pendopo.core.formats``)."""

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # '25/10/2026': the admin's date picker
    "%d-%m-%Y",  # '25-10-2026'
    "%Y-%m-%d",  # '2026-10-25'
    "%d/%m/%y",  # '25/10/26'
    "%d-%m-%y",  # '25-10-26'
    "%d %b %Y",  # '25 Okt 2026'
    "%d %B %Y",  # '25 Oktober 2026'
]
TIME_INPUT_FORMATS = [
    "%H:%M",  # '14:30': the admin's time picker
    "%H:%M:%S",  # '14:30:59'
    "%H.%M",  # '14.30'
    "%H.%M.%S",  # '14.30.59'
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",  # '25/10/2026 14:30': the admin's date-time picker
    "%d/%m/%Y %H:%M:%S",  # '25/10/2026 14:30:59'
    "%d/%m/%Y %H.%M",  # '25/10/2026 14.30'
    "%d-%m-%Y %H:%M",  # '25-10-2026 14:30'
    "%d-%m-%Y %H.%M",  # '25-10-2026 14.30'
    "%d-%m-%Y %H.%M.%S",  # '25-10-2026 14.30.59'
    "%Y-%m-%d %H:%M",  # '2026-10-25 14:30'
    "%Y-%m-%d %H:%M:%S",  # '2026-10-25 14:30:59'
]
