"""Admin for the working-day calendar overrides; every change moves the open deadlines."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pendopo.core.models import CalendarOverride
from pendopo.core.services import recompute_open_deadlines


class CalendarOverrideViewSet(SnippetViewSet):
    model = CalendarOverride
    icon = "date"
    menu_label = gettext_lazy("Kalender kerja")
    menu_name = "kalender-kerja"
    add_to_settings_menu = True
    list_display = ["date", "name", Column("effect", label=gettext_lazy("Efek")), "reference"]
    list_filter = ["is_working_day"]
    ordering = ["-date"]


register_snippet(CalendarOverrideViewSet)


def _recompute(request, reason: str) -> None:
    report = recompute_open_deadlines(reason=reason, actor=request.user)
    messages.info(
        request,
        _("Tenggat %(moved)d dari %(checked)d kasus terbuka dihitung ulang.")
        % {"moved": len(report.moved), "checked": report.checked},
    )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def recompute_after_override_saved(request, instance):
    if isinstance(instance, CalendarOverride):
        _recompute(request, f"Kalender kerja diubah: {instance}")


@hooks.register("after_delete_snippet")
def recompute_after_override_deleted(request, instances):
    deleted = [obj for obj in instances if isinstance(obj, CalendarOverride)]
    if deleted:
        _recompute(request, "Kalender kerja dikembalikan: " + ", ".join(map(str, deleted)))


@hooks.register("register_image_operations")
def register_exact_fill():
    """``ogfill-WxH`` for Open Graph previews (pendopo.core.sharing)."""
    from pendopo.core.sharing import ExactFillOperation

    return [("ogfill", ExactFillOperation)]


def _fill_missing_slug(request, parent_page, page_class, page=None) -> None:
    """An empty slug (the admin's script makes none for Arabic or Javanese titles) gets a
    readable one on the server (pendopo.core.slugs) instead of a "required" error."""
    from pendopo.core.slugs import readable_slug

    if request.method != "POST" or request.POST.get("slug", "").strip():
        return
    title = request.POST.get("title", "")
    if not title.strip():
        return
    siblings = parent_page.get_children()
    if page is not None:
        siblings = siblings.exclude(pk=page.pk)
    post = request.POST.copy()
    post["slug"] = readable_slug(
        title,
        kind=str(page_class._meta.verbose_name),
        taken=lambda slug: siblings.filter(slug=slug).exists(),
    )
    request.POST = post


@hooks.register("before_create_page")
def fill_slug_on_create(request, parent_page, page_class):
    _fill_missing_slug(request, parent_page, page_class)


@hooks.register("before_edit_page")
def fill_slug_on_edit(request, page):
    parent = page.get_parent()
    if parent is not None:
        _fill_missing_slug(request, parent, type(page.specific_deferred), page=page)
