"""Admin wiring of publishing: the withdraw screen and button, the log actions.

The scheduler warning is on every admin page through ``context_processors.scheduler_warning``.
"""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from pendopo.publishing import admin_views
from pendopo.publishing.permissions import can_withdraw


@hooks.register("register_admin_urls")
def publishing_admin_urls():
    return [
        path(
            "penerbitan/tarik/<int:page_id>/",
            admin_views.withdraw,
            name="publishing_withdraw",
        )
    ]


class WithdrawButton(PageMenuItem):
    label = _("Tarik dengan pemberitahuan")
    icon_name = "warning"
    priority = 62

    @property
    def url(self):
        return reverse("publishing_withdraw", args=[self.page.pk])

    def is_shown(self, user):
        return self.page.live and can_withdraw(user, self.page)


@hooks.register("register_page_header_buttons")
def withdraw_header_button(page, user, view_name, next_url=None):
    yield WithdrawButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def withdraw_listing_button(page, user, next_url=None):
    yield WithdrawButton(page=page)


@hooks.register("register_log_actions")
def register_publishing_log_actions(actions):
    actions.register_action(
        "pendopo.withdraw", _("Tarik dengan pemberitahuan"), _("Ditarik dengan pemberitahuan")
    )
    actions.register_action(
        "pendopo.withdraw_cancel", _("Batalkan penarikan"), _("Pemberitahuan penarikan dihapus")
    )
