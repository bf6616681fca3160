"""Day-first input formats for the English admin too: its pickers write "%d/%m/%Y"."""

from pendopo.core.formats.id.formats import (  # noqa: F401
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    TIME_INPUT_FORMATS,
)
