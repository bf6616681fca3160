"""Upload forms for Wagtail images and documents that accept real-world file names.

Editors upload files named by office software: 200 characters, spaces, Indonesian or Arabic
letters. Django's file fields hold 100 characters of path, so a long name is shortened (the
extension and the start of the name kept) instead of refused; the full name stays in the
title. Messages are Indonesian; images over WAGTAILIMAGES_MAX_IMAGE_PIXELS are refused.
"""

from __future__ import annotations

import os

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

NAME_ROOM = 80  # characters left for the file name in a 100-character path ("documents/...")


def shortened_name(name: str, limit: int = NAME_ROOM) -> str:
    """``name`` cut to ``limit`` characters, keeping its extension (lower-cased)."""
    base = os.path.basename(name or "")
    stem, extension = os.path.splitext(base)
    extension = extension.lower()[:10]
    stem = stem.strip() or "berkas"
    return stem[: max(1, limit - len(extension))].rstrip(" .") + extension


class _ShortNameMixin:
    def _free_file_field(self) -> None:
        field = self.fields.get("file")
        if field is not None:
            field.max_length = None  # the name is shortened in clean_file instead
            field.error_messages.update(
                {
                    "required": _("Pilih berkas yang akan diunggah."),
                    "empty": _("Berkas yang diunggah kosong."),
                    "invalid": _("Berkas tidak dapat dibaca. Periksa lalu unggah ulang."),
                }
            )

    def _shorten(self, uploaded):
        if isinstance(uploaded, UploadedFile) and uploaded.name:
            uploaded.name = shortened_name(uploaded.name)
        return uploaded


class DocumentForm(_ShortNameMixin, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: long and non-ASCII file names are kept, shortened."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._free_file_field()

    def clean_file(self):
        return self._shorten(self.cleaned_data.get("file"))


class ImageForm(_ShortNameMixin, BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: as DocumentForm, plus Indonesian size/pixel messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._free_file_field()
        field = self.fields.get("file")
        if field is not None:
            field.error_messages.update(
                {
                    "file_too_many_pixels": _(
                        "Gambar terlalu besar: %(num_pixels)s piksel, paling banyak "
                        "%(max_pixels_count)s piksel. Perkecil gambar lalu unggah ulang."
                    ),
                    "file_too_large": _(
                        "Berkas terlalu besar (%(file_size)s), paling besar %(max_filesize)s."
                    ),
                    "invalid_image_extension": _(
                        "Jenis berkas tidak didukung. Gunakan JPG, PNG, GIF atau WebP."
                    ),
                }
            )

    def clean_file(self):
        return self._shorten(self.cleaned_data.get("file"))
