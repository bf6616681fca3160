"""Factories for the regency's own pages, its Wagtail site and the site's settings (factory-boy)."""

from __future__ import annotations

import factory
from wagtail.models import Site

from pendopo.core.models import SiteSettings
from pendopo.core.tests.factories import PageFactory
from pendopo.portal.models import HomePage, LeadersPage, Official, StandardPage


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Beranda"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


class LeadersPageFactory(PageFactory):
    class Meta:
        model = LeadersPage

    title = "Pimpinan Daerah"


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    page = factory.SubFactory(LeadersPageFactory)
    position = "Bupati"
    name = factory.Sequence(lambda n: f"Pejabat {n}")


class SiteFactory(factory.django.DjangoModelFactory):
    """A Wagtail site on its own host name, rooted at a new home page."""

    class Meta:
        model = Site

    hostname = factory.Sequence(lambda n: f"situs{n}.localhost")
    port = 80
    root_page = factory.SubFactory(HomePageFactory)
    site_name = factory.Sequence(lambda n: f"Situs {n}")


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteSettings

    site = factory.SubFactory(SiteFactory)
    regency = factory.SubFactory("pendopo.regions.tests.factories.RegencyFactory")
