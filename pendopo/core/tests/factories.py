"""Factories for the kernel's models (factory-boy); the regency's pages are in portal's.

``PageFactory`` is the base of every Wagtail page factory in the project: it places the new page
under ``parent`` (default: the tree's root, depth 1) with ``parent.add_child(instance=...)``, the
way Wagtail wants a page created. ``PageFactory.build()`` makes an unsaved page without a parent.

SiteSettings (a kernel model) is built in ``pendopo/portal/tests/factories.py`` because its site
is rooted at a portal home page.
"""

from __future__ import annotations

import datetime
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from pendopo.core.models import CalendarOverride, Event, PortalDocument


def root_page() -> Page:
    """The tree's root (depth 1), created by Wagtail's migrations."""
    root = Page.get_first_root_node()
    assert root is not None, "Wagtail's migrations create the root page"
    return root


class PageFactory(factory.django.DjangoModelFactory):
    """Base for page factories: ``parent`` (a page) is where the new page is added."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Halaman {n}")
    slug = factory.Sequence(lambda n: f"halaman-{n}")
    parent = None

    @classmethod
    def _build(cls, model_class: type[Page], *args: Any, **kwargs: Any) -> Page:
        kwargs.pop("parent", None)
        return model_class(*args, **kwargs)

    @classmethod
    def _create(cls, model_class: type[Page], *args: Any, **kwargs: Any) -> Page:
        parent = kwargs.pop("parent", None) or root_page()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page


class PlainPageFactory(PageFactory):
    """A bare ``wagtail.models.Page``: for tests that need *a* page, not a kind of page."""

    class Meta:
        model = Page


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("x")


class CalendarOverrideFactory(factory.django.DjangoModelFactory):
    """A day off by default (``working_day`` trait: a working Saturday)."""

    class Meta:
        model = CalendarOverride

    # Far from the built-in calendar's years, so no clash with a real holiday.
    date = factory.Sequence(lambda n: datetime.date(2090, 1, 1) + datetime.timedelta(days=n))
    is_working_day = False
    name = "Libur daerah"

    class Params:
        working_day = factory.Trait(is_working_day=True, name="Hari kerja pengganti")


class EventFactory(factory.django.DjangoModelFactory):
    """An event-log row about a user (any model would do)."""

    class Meta:
        model = Event

    content_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(get_user_model()))
    object_id = "1"
    kind = "core.test"


class PortalDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalDocument

    title = factory.Sequence(lambda n: f"Dokumen {n}")
    file = factory.django.FileField(filename="dokumen.pdf", data=b"%PDF-1.4\n%%EOF\n")
