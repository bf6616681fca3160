"""Agenda: events of the regency and its agencies, stored in UTC, shown in the site's zone."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from pendopo.core.blocks import BodyBlock
from pendopo.core.listing import ScopedListingMixin, paginate
from pendopo.news.models import LISTING_PARENTS


class EventIndexPage(ScopedListingMixin, Page):
    """The agenda (``/agenda/``): coming events first; past events with ``?waktu=lalu``."""

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


class EventPage(Page):
    """An event: start and end (entered and shown in the site's time zone), place, organiser."""

    start = models.DateTimeField(_("mulai"))
    end = models.DateTimeField(_("selesai"))
    location = models.CharField(_("tempat"), max_length=255)
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
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("location"),
        FieldPanel("organiser"),
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
