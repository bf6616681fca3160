"""Upload forms for Wagtail images and documents that accept real-world file names.

Editors upload files named by office software: 200 characters, spaces, Indonesian, Arabic or
Javanese letters. Django's file fields hold 100 characters of path and ext4 255 bytes per name,
so the name on disk is shortened (the extension and the start of the name kept) instead of the
upload being refused. A document keeps its full uploaded name in
``PortalDocument.original_filename`` and is downloaded under it; an image keeps it as its
default title. Messages are Indonesian; images over WAGTAILIMAGES_MAX_IMAGE_PIXELS are refused.
"""

from __future__ import annotations

import os
import re
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

NAME_ROOM = 80  # characters left for the file name in a 100-character path ("documents/...")
BYTE_ROOM = 160  # UTF-8 bytes: ext4 allows 255 per name, Django may add "_" + 7 characters
ORIGINAL_NAME_LENGTH = 255  # PortalDocument.original_filename


def shortened_name(name: str, limit: int = NAME_ROOM, byte_limit: int = BYTE_ROOM) -> str:
    """``name`` cut to ``limit`` characters and ``byte_limit`` UTF-8 bytes, keeping its
    extension (lower-cased); never cuts inside a character."""
    base = os.path.basename(name or "").strip()
    if base.startswith("."):  # ".pdf": an extension without a name
        base = "berkas" + base
    stem, extension = os.path.splitext(base)
    extension = extension.lower()[:10]
    if not re.search(r"\w", stem):  # storage keeps only letters, digits, "-", "_" and "."
        stem = "berkas"
    stem = stem[: max(1, limit - len(extension))]
    room = byte_limit - len(extension.encode())
    while len(stem.encode()) > room:
        stem = stem[:-1]
    return (stem.rstrip(" .") or "berkas") + extension


def original_name(name: str) -> str:
    """The uploaded name as the person's computer had it, safe to store and to send back in a
    header: no directory part, no control characters, at most 255 characters (the extension
    kept); "berkas" before a bare extension (".pdf"). Returns "" when nothing is left.

    Browsers send ``"`` as ``%22`` and line breaks as ``%0D``/``%0A`` in a multipart file
    name (HTML Living Standard, "multipart/form-data encoding algorithm"); they are turned
    back (line breaks into spaces). Django has already removed other non-printable characters.
    """
    base = re.sub(r"%0[DA]", " ", (name or "").replace("%22", '"'), flags=re.IGNORECASE)
    base = os.path.basename(base.replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    if base.startswith("."):
        base = "berkas" + base
    if len(base) > ORIGINAL_NAME_LENGTH:
        stem, extension = os.path.splitext(base)
        base = stem[: ORIGINAL_NAME_LENGTH - len(extension)] + extension
    return base


class _ShortNameMixin:
    # Provided by the Wagtail model form it is mixed into.
    fields: dict[str, forms.Field]
    instance: Any

    def _free_file_field(self) -> None:
        field = self.fields.get("file")
        if isinstance(field, forms.FileField):  # Wagtail: FileField or an ImageField
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
            if hasattr(self.instance, "original_filename"):
                self.instance.original_filename = original_name(uploaded.name)
            uploaded.name = shortened_name(uploaded.name)
        return uploaded


class DocumentForm(_ShortNameMixin, BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: a long or non-ASCII name is stored shortened on disk and
    in full as the document's ``original_filename`` (the download name)."""

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
