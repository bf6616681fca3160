"""Admin for the legal bureau: document types and relations between legal documents.

Relation views write through ``pendopo.jdih.services.relations`` so that the status of the documents
concerned follows every change; a refused change is shown as a form error, never a 500.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.models import CreateView, DeleteView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from pendopo.core.errors import DomainError
from pendopo.jdih.models import DocumentType, LegalDocumentRelation
from pendopo.jdih.services.relations import add_relation, change_relation, remove_relation


class _ServiceFormMixin:
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)


class RelationCreateView(_ServiceFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return add_relation(
            source=data["source"].specific,
            target=data["target"].specific,
            kind=data["kind"],
            note=data.get("note", ""),
            actor=self.request.user,
        )


class RelationEditView(_ServiceFormMixin, EditView):
    def save_instance(self):
        data = self.form.cleaned_data
        original = LegalDocumentRelation.objects.get(pk=self.object.pk)
        return change_relation(
            relation=original,
            source=data["source"].specific,
            target=data["target"].specific,
            kind=data["kind"],
            note=data.get("note", ""),
            actor=self.request.user,
        )


class RelationDeleteView(DeleteView):
    def delete_action(self):
        remove_relation(relation=self.object, actor=self.request.user)


class RelationViewSet(ModelViewSet):
    model = LegalDocumentRelation
    icon = "link"
    menu_label = _("Hubungan produk hukum")
    add_to_admin_menu = False
    list_display = ["source", "kind", "target", "created_at"]
    list_filter = ["kind"]
    search_fields = ["source__title", "target__title", "note"]
    add_view_class = RelationCreateView
    edit_view_class = RelationEditView
    delete_view_class = RelationDeleteView
    panels = [FieldPanel("source"), FieldPanel("kind"), FieldPanel("target"), FieldPanel("note")]
    copy_view_enabled = False


class DocumentTypeViewSet(ModelViewSet):
    model = DocumentType
    icon = "tag"
    menu_label = _("Jenis produk hukum")
    add_to_admin_menu = False
    list_display = ["name", "abbreviation", "publication", "sort_order"]
    form_fields = ["name", "abbreviation", "publication", "sort_order"]
    copy_view_enabled = False


class JdihViewSetGroup(ViewSetGroup):
    menu_label = _("JDIH")
    menu_icon = "doc-full"
    items = (RelationViewSet("jdih_relations"), DocumentTypeViewSet("jdih_types"))


@hooks.register("register_admin_viewset")
def register_jdih_viewsets():
    return JdihViewSetGroup()
