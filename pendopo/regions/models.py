"""Kemendagri administrative regions: provinsi, kabupaten/kota, kecamatan, desa/kelurahan.

Codes are Kemendagri codes with dots (``35.10.16.1001``), as in Kepmendagri
No. 300.2.2-2430 Tahun 2025 (see ``pendopo/regions/data/SOURCES.md``).
"""

from __future__ import annotations

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from pendopo.core.blocks import BodyBlock


class RegionStats(models.Model):
    """Area (BIG, 2024) and population (Dukcapil, Semester II 2024) where the data has them."""

    area_km2 = models.DecimalField(_("luas (km²)"), max_digits=12, decimal_places=3, null=True)
    population_male = models.PositiveIntegerField(_("penduduk laki-laki"), null=True)
    population_female = models.PositiveIntegerField(_("penduduk perempuan"), null=True)
    population_total = models.PositiveIntegerField(_("jumlah penduduk"), null=True)

    class Meta:
        abstract = True

    @property
    def density_per_km2(self) -> float | None:
        """People per km², or None when area or population is unknown."""
        if not self.area_km2 or self.population_total is None:
            return None
        return float(self.population_total) / float(self.area_km2)


class Province(RegionStats):
    code = models.CharField(_("kode wilayah"), max_length=2, unique=True)
    name = models.CharField(_("nama"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("provinsi")
        verbose_name_plural = _("provinsi")

    def __str__(self) -> str:
        return self.name


class RegencyKind(models.TextChoices):
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")


class Regency(RegionStats):
    code = models.CharField(_("kode wilayah"), max_length=5, unique=True)
    province = models.ForeignKey(
        Province, verbose_name=_("provinsi"), on_delete=models.PROTECT, related_name="regencies"
    )
    name = models.CharField(_("nama"), max_length=100)
    kind = models.CharField(_("jenis"), max_length=10, choices=RegencyKind.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kabupaten/kota")
        verbose_name_plural = _("kabupaten/kota")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A kecamatan."""

    code = models.CharField(_("kode wilayah"), max_length=8, unique=True)
    regency = models.ForeignKey(
        Regency,
        verbose_name=_("kabupaten/kota"),
        on_delete=models.PROTECT,
        related_name="districts",
    )
    name = models.CharField(_("nama"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")
        constraints = [
            models.UniqueConstraint(fields=["regency", "slug"], name="district_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class VillageKind(models.TextChoices):
    DESA = "desa", _("Desa")
    KELURAHAN = "kelurahan", _("Kelurahan")


class Village(models.Model):
    """A desa or kelurahan (Kemendagri: last segment 2xxx = desa, 1xxx = kelurahan)."""

    code = models.CharField(_("kode wilayah"), max_length=13, unique=True)
    district = models.ForeignKey(
        District, verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="villages"
    )
    name = models.CharField(_("nama"), max_length=100)
    kind = models.CharField(_("jenis"), max_length=10, choices=VillageKind.choices)
    former_name = models.CharField(
        _("ejaan lama"),
        max_length=100,
        blank=True,
        help_text=_("Ejaan pada Kepmendagri 2022/2023, untuk pencarian dan alamat lama."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("desa/kelurahan")
        verbose_name_plural = _("desa/kelurahan")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """Name, with the kecamatan when the name occurs twice in the regency."""
        from pendopo.regions.selectors import village_label

        return village_label(self)


class GeographyPage(Page):
    """Geography and population of the regency, with the official figures shown automatically."""

    intro = models.TextField(_("pengantar"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("isi"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("halaman geografi dan kependudukan")
        verbose_name_plural = _("halaman geografi dan kependudukan")

    def get_context(self, request, *args, **kwargs):
        from pendopo.regions.selectors import regency_for_request, village_counts

        context = super().get_context(request, *args, **kwargs)
        regency = regency_for_request(request)
        context["regency"] = regency
        context["counts"] = village_counts(regency) if regency else None
        return context


class DistrictIndexPage(RoutablePageMixin, Page):
    """The kecamatan of the regency (``/profil/wilayah/``) and one page per kecamatan."""

    intro = models.TextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("halaman wilayah (kecamatan)")
        verbose_name_plural = _("halaman wilayah (kecamatan)")

    @path("")
    def district_list(self, request):
        from pendopo.regions.selectors import districts_with_counts, regency_for_request

        regency = regency_for_request(request)
        districts = districts_with_counts(regency) if regency else []
        return self.render(
            request,
            context_overrides={"regency": regency, "districts": districts},
        )

    @path("<slug:district_slug>/")
    def district_detail(self, request, district_slug):
        from pendopo.regions.selectors import regency_for_request, villages_of

        regency = regency_for_request(request)
        if regency is None:
            raise Http404
        district = get_object_or_404(District, regency=regency, slug=district_slug)
        return self.render(
            request,
            template="regions/district_detail.html",
            context_overrides={
                "regency": regency,
                "district": district,
                "villages": villages_of(district),
            },
        )
