"""Admin screens of publishing: withdraw a page with notice, or take the notice off."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from pendopo.core.errors import DomainError
from pendopo.publishing.forms import WithdrawForm
from pendopo.publishing.permissions import can_withdraw
from pendopo.publishing.selectors import withdrawal_of
from pendopo.publishing.services import cancel_withdrawal, withdraw_page


def withdraw(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_withdraw(request.user, page):
        raise PermissionDenied
    current = withdrawal_of(page)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST":
        try:
            if "cancel" in request.POST:
                cancel_withdrawal(page=page, by=request.user)
                messages.success(request, _("Pemberitahuan penarikan dihapus."))
                return redirect("wagtailadmin_explore", page.get_parent().pk)
            if form.is_valid():
                withdraw_page(page=page, by=request.user, reason=form.cleaned_data["reason"])
                messages.success(request, _("Halaman ditarik dengan pemberitahuan."))
                return redirect("wagtailadmin_explore", page.get_parent().pk)
        except DomainError as error:
            form.add_error(None, str(error))
    return TemplateResponse(
        request,
        "publishing/admin/withdraw.html",
        {"page": page, "form": form, "current": current},
        status=400 if request.method == "POST" else 200,
    )
