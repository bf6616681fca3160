import pytest
from wagtail.models import Site

from pendopo.core.models import SiteSettings
from pendopo.portal.services import ensure_portal


@pytest.mark.django_db
def test_a_second_regency_gets_its_own_site_and_leaves_the_default_one_alone():
    default_before = Site.objects.get(is_default_site=True)

    portal = ensure_portal(regency_code="32.04", hostname="bandungkab.localhost", port=8000)
    again = ensure_portal(regency_code="32.04", hostname="bandungkab.localhost", port=8000)

    default_after = Site.objects.get(is_default_site=True)
    assert default_after.pk == default_before.pk
    assert default_after.root_page_id == default_before.root_page_id
    assert SiteSettings.objects.get(site=default_after).regency.code == "35.10"
    assert (portal.site.hostname, portal.site.port) == ("bandungkab.localhost", 8000)
    assert not portal.site.is_default_site
    assert portal.site.site_name == "Kabupaten Bandung"
    assert again.site.pk == portal.site.pk
