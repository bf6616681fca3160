"""What the kernel knows of the page tree without importing the apps that build it.

Higher apps fill these registries once from their ``AppConfig.ready()`` (the way case apps
register open deadlines in ``pendopo.core.calendar``), so the kernel never imports them:

- ``portal`` registers the regency's home page model and the portal builder (``ensure_portal``);
- content apps register the sections they add below a regency home (``register_section``);
- ``agencies`` registers the sub-site page model and the lookup of a page's owner
  (``register_subsite``), used by the navigation, the ``portal`` context processor and tags.

Registration order is ``INSTALLED_APPS`` order, which is also the order sections are created
in (and so the order of the main menu).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from wagtail.models import Page, Site


@dataclass
class Portal:
    """A regency portal: its Site, home page and section pages by key (``"berita"`` …)."""

    site: Site
    home: Page
    sections: dict[str, Page] = field(default_factory=dict)


class PortalBuilder(Protocol):
    def __call__(self, *, regency_code: str, hostname: str = ..., port: int = ...) -> Portal: ...


@dataclass(frozen=True)
class Section:
    """A section page an app adds to every regency portal.

    ``build(parent)`` returns the page (created once, e.g. with ``core.services.ensure_child``);
    ``parent`` is the section keyed ``parent_key`` (``"profil"``), or the home when empty.
    """

    key: str
    build: Callable[[Page], Page]
    parent_key: str = ""


@dataclass(frozen=True)
class Subsite:
    """A kind of sub-site (an agency's): its root page model and the owner of a path.

    ``owner_for_path(path, request)`` returns the owning object (an Agency) of the page at
    ``path`` or None; ``owner_attribute`` names the root page's attribute holding the owner.
    """

    page_model: type[Page]
    owner_for_path: Callable[[str, HttpRequest | None], Any]
    owner_attribute: str


_home_page_model: type[Page] | None = None
_portal_builder: PortalBuilder | None = None
_sections: dict[str, Section] = {}
_subsite: Subsite | None = None


def register_home_page_model(model: type[Page]) -> None:
    """The page model that is a regency's home (``portal.HomePage``)."""
    global _home_page_model
    _home_page_model = model


def home_page_model() -> type[Page]:
    """The registered home page model; ImproperlyConfigured when no app registered one."""
    if _home_page_model is None:
        raise ImproperlyConfigured("No home page model registered (is pendopo.portal installed?)")
    return _home_page_model


def is_home_page(page: Page | None) -> bool:
    """True when ``page`` (specific or deferred-specific) is a regency home page."""
    return page is not None and isinstance(page, home_page_model())


def register_portal_builder(builder: PortalBuilder) -> None:
    """The function that creates a regency's Site, home and sections (``portal.services``)."""
    global _portal_builder
    _portal_builder = builder


def ensure_portal(*, regency_code: str, hostname: str = "localhost", port: int = 80) -> Portal:
    """Create (once) the regency's portal with the registered builder; returns it.

    Raises DomainError when the regency has not been imported, ImproperlyConfigured when no
    builder is registered.
    """
    if _portal_builder is None:
        raise ImproperlyConfigured("No portal builder registered (is pendopo.portal installed?)")
    return _portal_builder(regency_code=regency_code, hostname=hostname, port=port)


def register_section(section: Section) -> None:
    """Add ``section`` to every regency portal (idempotent per key)."""
    _sections[section.key] = section


def sections() -> list[Section]:
    """Registered sections, in registration order."""
    return list(_sections.values())


def register_subsite(subsite: Subsite) -> None:
    """The sub-site kind (agencies): its root page model and owner lookup."""
    global _subsite
    _subsite = subsite


def subsite() -> Subsite | None:
    """The registered sub-site kind, or None when no app registered one."""
    return _subsite


def is_subsite_root(page: Page | None) -> bool:
    """True when ``page`` (specific) is the root page of a sub-site (an AgencyPage)."""
    kind = _subsite
    return kind is not None and isinstance(page, kind.page_model)


def subsite_owner_of_root(root: Page | None) -> Any:
    """The owner (an Agency) when ``root`` is a sub-site's root page, else None."""
    kind = _subsite
    if kind is None or not isinstance(root, kind.page_model):
        return None
    return getattr(root, kind.owner_attribute)


def owner_for_path(path: str, request: HttpRequest | None) -> Any:
    """The owner (an Agency) of the sub-site containing the page at ``path``, or None."""
    kind = _subsite
    return kind.owner_for_path(path, request) if kind is not None else None
