"""The portal's one vocabulary of content blocks, shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class QuickLinkBlock(blocks.StructBlock):
    """A service shortcut on the home page: a title, a short help text and a target."""

    title = blocks.CharBlock(label=_("Judul"), max_length=60)
    description = blocks.CharBlock(label=_("Keterangan"), max_length=140, required=False)
    page = blocks.PageChooserBlock(label=_("Halaman"), required=False)
    url = blocks.URLBlock(label=_("Tautan luar"), required=False)

    class Meta:
        icon = "link"
        label = _("Tautan layanan")
        template = "core/blocks/quick_link.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Subjudul"), form_classname="title", template="core/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraf"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
    )
    image = ImageBlock(label=_("Gambar"), template="core/blocks/image.html")
    document = DocumentChooserBlock(label=_("Dokumen"), template="core/blocks/document.html")

    class Meta:
        label = _("Isi")
