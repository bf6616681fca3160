"""Indonesian formats = Django's, plus the formats the Wagtail admin writes into its fields.

Wagtail's date/time pickers write ``WAGTAIL_DATETIME_FORMAT`` ("%d/%m/%Y %H:%M") and
``%H:%M``; Django's Indonesian locale reads neither ("%d-%m-%Y %H.%M"), so without these a
schedule entered in the admin (go-live, expiry) was refused as "not a valid date/time".
"""

from django.conf.locale.id.formats import *  # noqa: F403
from django.conf.locale.id.formats import DATETIME_INPUT_FORMATS as _DATETIME
from django.conf.locale.id.formats import TIME_INPUT_FORMATS as _TIME

DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", *_DATETIME]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", *_TIME]
