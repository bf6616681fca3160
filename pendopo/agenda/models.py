"""Agenda: events of the regency and its agencies, stored in UTC, shown in the site's zone."""

from __future__ import annotations

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pendopo.core.blocks import BodyBlock
from pendopo.core.listing import ScopedListingMixin, paginate
from pendopo.core.models import TimeZone
from pendopo.news.models import LISTING_PARENTS


class Leader(models.TextChoices):
    """The regency leaders whose public agenda is its own list (``/agenda/pimpinan/``)."""

    BUPATI = "bupati", _("Bupati")
    WAKIL_BUPATI = "wakil_bupati", _("Wakil Bupati")
    SEKDA = "sekda", _("Sekretaris Daerah")


class EventIndexPage(RoutablePageMixin, ScopedListingMixin, Page):
    """The agenda (``/agenda/``): coming events first; past events with ``?waktu=lalu``;
    the leaders' public agenda at ``pimpinan/`` (``?pejabat=bupati`` for one leader)."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = LISTING_PARENTS
    subpage_types = ["agenda.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("daftar agenda")
        verbose_name_plural = _("daftar agenda")

    def get_context(self, request, *args, **kwargs):
        from pendopo.agenda.selectors import events_under

        context = super().get_context(request, *args, **kwargs)
        past = request.GET.get("waktu") == "lalu"
        context["past"] = past
        context["page_obj"] = paginate(request, events_under(self.listing_scope(), past=past))
        return context

    @path("")
    def all_events(self, request):
        return self.render(request)

    @path("pimpinan/")
    def leaders_agenda(self, request):
        """Public agenda of the Bupati, Wakil Bupati and Sekda; an unknown ``pejabat`` is
        ignored (all three are shown), never an error."""
        from pendopo.agenda.selectors import leader_events_under

        past = request.GET.get("waktu") == "lalu"
        leader = request.GET.get("pejabat", "")
        if leader not in Leader.values:
            leader = ""
        items = leader_events_under(self.listing_scope(), past=past, leader=leader or None)
        return self.render(
            request,
            template="agenda/leaders_agenda.html",
            context_overrides={
                "past": past,
                "leader": leader,
                "leaders": Leader.choices,
                "page_obj": paginate(request, items),
            },
        )


class EventPage(Page):
    """An event: start and end (stored in UTC, shown in the event's own zone), place, organiser.

    An all-day event covers whole local days from the date of ``start`` to the date of ``end``
    (both inclusive) in ``time_zone``; its clock times are ignored.
    """

    start = models.DateTimeField(_("mulai"))
    end = models.DateTimeField(_("selesai"))
    all_day = models.BooleanField(
        _("sepanjang hari"),
        default=False,
        help_text=_("Centang untuk acara sehari penuh; jam mulai dan selesai diabaikan."),
    )
    time_zone = models.CharField(
        _("zona waktu acara"),
        max_length=40,
        choices=TimeZone.choices,
        blank=True,
        help_text=_("Kosongkan untuk memakai zona waktu situs."),
    )
    location = models.CharField(_("tempat"), max_length=255)
    location_address = models.CharField(_("alamat tempat"), max_length=255, blank=True)
    organiser_name = models.CharField(
        _("nama penyelenggara lain"),
        max_length=150,
        blank=True,
        help_text=_("Diisi bila penyelenggara bukan perangkat daerah di daftar."),
    )
    leader = models.CharField(
        _("agenda pimpinan"),
        max_length=20,
        choices=Leader.choices,
        blank=True,
        help_text=_("Isi bila acara ini termasuk agenda publik Bupati, Wakil Bupati atau Sekda."),
    )
    organiser = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("penyelenggara"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    intro = models.TextField(_("ringkasan"), max_length=300)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("leader"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("all_day"), FieldPanel("time_zone")]),
            ],
            heading=_("Waktu"),
        ),
        FieldRowPanel([FieldPanel("location"), FieldPanel("location_address")]),
        FieldRowPanel([FieldPanel("organiser"), FieldPanel("organiser_name")]),
        FieldPanel("leader"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["agenda.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Waktu selesai tidak boleh sebelum waktu mulai.")})
        if self.all_day and self.start and self.end:
            self.start, self.end = self.whole_days()

    def whole_days(self) -> tuple[datetime.datetime, datetime.datetime]:
        """Start of the first and end of the last local day (aware), for an all-day event."""
        zone = _zone(self.zone_name)
        first = timezone.localtime(self.start, zone).date()
        last = timezone.localtime(self.end, zone).date()
        return (
            datetime.datetime.combine(first, datetime.time.min, tzinfo=zone),
            datetime.datetime.combine(last, datetime.time(23, 59, 59), tzinfo=zone),
        )

    def local_dates(self) -> tuple[datetime.date, datetime.date]:
        """First and last local day (both inclusive) in the event's zone."""
        return self.local_start().date(), self.local_end().date()

    @property
    def zone_name(self) -> str:
        """IANA name of the zone the event is shown in: its own, else the current (site) one."""
        return self.time_zone or timezone.get_current_timezone_name()

    @property
    def zone_label(self) -> str:
        """ "WIB", "WITA" or "WIT" (the IANA name for any other zone)."""
        labels = {TimeZone.WIB: "WIB", TimeZone.WITA: "WITA", TimeZone.WIT: "WIT"}
        return labels.get(self.zone_name, self.zone_name)

    def local_start(self):
        return timezone.localtime(self.start, _zone(self.zone_name))

    def local_end(self):
        return timezone.localtime(self.end, _zone(self.zone_name))

    @property
    def organiser_display(self) -> str:
        return self.organiser.name if self.organiser else self.organiser_name


def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)
