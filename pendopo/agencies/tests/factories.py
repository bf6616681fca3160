"""Factories for agencies (perangkat daerah) and their pages.

``AgencyFactory(regency=r, slug="dinkes")`` gets or creates the agency with that slug, so a test
can name the agencies the services route to (a category's ``agency_slug``).
"""

from __future__ import annotations

import factory

from pendopo.agencies.models import Agency, AgencyIndexPage, AgencyKind, AgencyPage
from pendopo.core.tests.factories import PageFactory
from pendopo.regions.tests.factories import RegencyFactory


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("regency", "slug")

    regency = factory.SubFactory(RegencyFactory)
    slug = factory.Sequence(lambda n: f"dinas-uji-{n}")
    name = factory.LazyAttribute(lambda o: f"Dinas {o.slug.replace('-', ' ').title()}")
    kind = AgencyKind.DINAS


class AgencyIndexPageFactory(PageFactory):
    class Meta:
        model = AgencyIndexPage

    title = "Perangkat Daerah"


class AgencyPageFactory(PageFactory):
    class Meta:
        model = AgencyPage

    agency = factory.SubFactory(AgencyFactory)
    title = factory.LazyAttribute(lambda o: o.agency.name)
