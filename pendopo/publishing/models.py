"""Editorial machinery shared by every page type: approval tasks, the scheduler heartbeat,
withdrawal notices and the record of removed addresses (answered with 410 Gone)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState


class PortalFrontPageTask(AbstractGroupApprovalTask):
    """Portal editors' approval, needed only when a revision asks for the regency front page.

    A revision that does not request ``portal_feature_requested`` skips this step, so an
    agency's moderator alone publishes the agency's own items.
    """

    def start(self, workflow_state, user=None):
        revision = workflow_state.content_object.get_latest_revision()
        obj = revision.as_object() if revision else workflow_state.content_object
        if getattr(obj, "portal_feature_requested", False) or getattr(
            obj, "featured_on_portal", False
        ):
            return super().start(workflow_state, user=user)
        return TaskState.objects.create(
            workflow_state=workflow_state,
            revision=revision,
            task=self,
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
        )

    @classmethod
    def get_description(cls):
        return _(
            "Editor portal menyetujui item yang diusulkan tampil di beranda kabupaten; "
            "item lain melewati langkah ini."
        )

    class Meta:
        verbose_name = _("persetujuan beranda portal")
        verbose_name_plural = _("persetujuan beranda portal")
        permissions = [("feature_on_portal", _("Dapat menampilkan item di beranda portal"))]


class SchedulerHeartbeat(models.Model):
    """When ``run_scheduled`` last finished (one row per job runner name, normally one)."""

    name = models.CharField(_("nama"), max_length=60, unique=True, default="run_scheduled")
    last_run_at = models.DateTimeField(_("terakhir berjalan"))
    last_ok = models.BooleanField(_("berhasil"), default=True)
    summary = models.TextField(_("ringkasan"), blank=True)

    class Meta:
        verbose_name = _("detak penjadwal")
        verbose_name_plural = _("detak penjadwal")

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_run_at:%Y-%m-%d %H:%M}"


class Withdrawal(models.Model):
    """A page withdrawn with notice: it stays readable with a banner saying when and why."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        on_delete=models.CASCADE,
        related_name="withdrawal",
    )
    withdrawn_at = models.DateTimeField(_("ditarik pada"), default=timezone.now)
    reason = models.TextField(_("alasan penarikan"), max_length=1000)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditarik oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("penarikan halaman")
        verbose_name_plural = _("penarikan halaman")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.reason[:40]}"


class RemovedPath(models.Model):
    """A page address that once served content and was removed (unpublished or deleted).

    ``url_path`` is Wagtail's tree path (``/<home-slug>/berita/x/``), the same for every host
    the page was served on. A 404 there becomes 410 Gone unless a redirect answers first.
    """

    url_path = models.CharField(_("jalur"), max_length=1000, unique=True)
    title = models.CharField(_("judul terakhir"), max_length=255, blank=True)
    removed_at = models.DateTimeField(_("dihapus pada"), default=timezone.now)

    class Meta:
        verbose_name = _("alamat yang dihapus")
        verbose_name_plural = _("alamat yang dihapus")

    def __str__(self) -> str:
        return self.url_path
