"""What higher apps add to every agency sub-site, registered from their ``AppConfig.ready()``.

``agencies`` sits below the editorial apps, so it never imports them: news, agenda and
services register the list pages an agency sub-site gets (``register_agency_child``) and its
front-page items (``register_front_page_item``); publishing registers the editors' grants and
moderation workflow (``register_agency_setup``). Registration order is ``INSTALLED_APPS``
order, which is also the order the child pages are created in (the sub-site's menu order).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from wagtail.models import Page

if TYPE_CHECKING:
    from pendopo.agencies.models import Agency, AgencyPage

ChildBuilder = Callable[[Page], Page]
AgencySetup = Callable[["Agency", "AgencyPage"], object]
FrontPageItem = Callable[["AgencyPage"], Any]

_agency_children: list[ChildBuilder] = []
_regency_children: list[ChildBuilder] = []
_agency_setups: list[AgencySetup] = []
_front_page_items: dict[str, FrontPageItem] = {}


def register_agency_child(build: ChildBuilder) -> None:
    """``build(agency_page)`` creates (once) a list page below every agency sub-site."""
    _agency_children.append(build)


def register_regency_child(build: ChildBuilder) -> None:
    """``build(home)`` creates (once) a page below the regency home when agencies are imported."""
    _regency_children.append(build)


def register_agency_setup(setup: AgencySetup) -> None:
    """``setup(agency, page)`` runs once the sub-site has its collection and editors group."""
    _agency_setups.append(setup)


def register_front_page_item(key: str, read: FrontPageItem) -> None:
    """``read(agency_page)`` gives the agency profile page's context item ``key``."""
    _front_page_items[key] = read


def agency_children() -> list[ChildBuilder]:
    return list(_agency_children)


def regency_children() -> list[ChildBuilder]:
    return list(_regency_children)


def agency_setups() -> list[AgencySetup]:
    return list(_agency_setups)


def front_page_items() -> dict[str, FrontPageItem]:
    return dict(_front_page_items)
