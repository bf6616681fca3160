"""Statuses and the one transitions table of PPID cases (UU 14/2008 Pasal 22, 35–37).

No status literal appears anywhere else: services check ``can_move`` before every change.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """The four categories of public information (UU 14/2008 Pasal 9, 10, 11, 17).

    Order and numbering follow OpenSID's ``KategoriPublik`` enum (1–4)."""

    BERKALA = "berkala", _("Informasi berkala")
    SERTA_MERTA = "serta_merta", _("Informasi serta-merta")
    SETIAP_SAAT = "setiap_saat", _("Informasi setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Informasi dikecualikan")


class ExemptionGround(models.TextChoices):
    """Grounds of exemption, UU 14/2008 Pasal 17 huruf a–j."""

    A = "a", _("Pasal 17 huruf a: menghambat proses penegakan hukum")
    B = "b", _("Pasal 17 huruf b: mengganggu hak kekayaan intelektual dan persaingan usaha")
    C = "c", _("Pasal 17 huruf c: membahayakan pertahanan dan keamanan negara")
    D = "d", _("Pasal 17 huruf d: mengungkapkan kekayaan alam Indonesia")
    E = "e", _("Pasal 17 huruf e: merugikan ketahanan ekonomi nasional")
    F = "f", _("Pasal 17 huruf f: merugikan kepentingan hubungan luar negeri")
    G = "g", _("Pasal 17 huruf g: isi akta otentik atau wasiat seseorang")
    H = "h", _("Pasal 17 huruf h: mengungkap rahasia pribadi")
    I = "i", _("Pasal 17 huruf i: memorandum atau surat antar/intra badan publik")  # noqa: E741
    J = "j", _("Pasal 17 huruf j: dikecualikan menurut undang-undang lain")


class Channel(models.TextChoices):
    ONLINE = "online", _("Daring (formulir situs)")
    EMAIL = "email", _("E-mail")
    WALK_IN = "langsung", _("Datang langsung")
    POST = "pos", _("Pos")


class ObtainMethod(models.TextChoices):
    """How the requester wants to obtain the information (Perki 1/2021 form)."""

    SEE = "melihat", _("Melihat/membaca/mendengarkan/mencatat")
    COPY_SOFT = "salinan_softcopy", _("Mendapatkan salinan (softcopy)")
    COPY_HARD = "salinan_hardcopy", _("Mendapatkan salinan (hardcopy)")


class ReceiveMethod(models.TextChoices):
    """How the requester wants to receive the copy (Perki 1/2021 form)."""

    PICK_UP = "ambil", _("Mengambil langsung")
    COURIER = "kurir", _("Kurir")
    POST = "pos", _("Pos")
    FAX = "faksimili", _("Faksimili")
    EMAIL = "email", _("E-mail")


class RequesterKind(models.TextChoices):
    PERSON = "perorangan", _("Perorangan (NIK)")
    LEGAL_ENTITY = "badan_hukum", _("Badan hukum (SK pengesahan)")


class RequestStatus(models.TextChoices):
    """States of an information request (docs/rules.md#ppid-request-states, UU 14/2008 Pasal 22)."""

    RECEIVED = "diterima", _("Diterima")
    PROCESSING = "diproses", _("Diproses")
    EXTENDED = "diperpanjang", _("Diperpanjang")
    GRANTED = "dikabulkan", _("Dikabulkan seluruhnya")
    PARTLY_GRANTED = "dikabulkan_sebagian", _("Dikabulkan sebagian")
    REFUSED = "ditolak", _("Ditolak")
    NOT_HELD = "tidak_dikuasai", _("Tidak dikuasai")
    NOT_DOCUMENTED = "belum_didokumentasikan", _("Belum didokumentasikan")
    DONE = "selesai", _("Selesai")


OPEN_REQUEST_STATUSES = (RequestStatus.RECEIVED, RequestStatus.PROCESSING, RequestStatus.EXTENDED)
DECISIONS = (
    RequestStatus.GRANTED,
    RequestStatus.PARTLY_GRANTED,
    RequestStatus.REFUSED,
    RequestStatus.NOT_HELD,
    RequestStatus.NOT_DOCUMENTED,
)
# Decisions that must name a Pasal 17 ground and carry a consequence test (rule 4).
NEEDS_EXEMPTION_GROUND = (RequestStatus.PARTLY_GRANTED, RequestStatus.REFUSED)

REQUEST_TRANSITIONS: dict[str, tuple[str, ...]] = {
    RequestStatus.RECEIVED: (RequestStatus.PROCESSING, RequestStatus.EXTENDED, *DECISIONS),
    RequestStatus.PROCESSING: (RequestStatus.EXTENDED, *DECISIONS),
    RequestStatus.EXTENDED: DECISIONS,
    **dict.fromkeys(DECISIONS, (RequestStatus.DONE,)),
    RequestStatus.DONE: (),
}


class ObjectionGround(models.TextChoices):
    """The seven grounds of an objection, UU 14/2008 Pasal 35(1) huruf a–g."""

    A = "a", _("a. Penolakan atas dasar pengecualian Pasal 17")
    B = "b", _("b. Informasi berkala tidak disediakan")
    C = "c", _("c. Permintaan informasi tidak ditanggapi")
    D = "d", _("d. Permintaan ditanggapi tidak sebagaimana yang diminta")
    E = "e", _("e. Permintaan informasi tidak dipenuhi")
    F = "f", _("f. Pengenaan biaya yang tidak wajar")
    G = "g", _("g. Penyampaian informasi melebihi waktu yang diatur")


class ObjectionStatus(models.TextChoices):
    RECEIVED = "diterima", _("Diterima, menunggu tanggapan atasan PPID")
    OVERRULED = "dikabulkan", _("Dikabulkan: keputusan PPID dibatalkan")
    UPHELD = "menguatkan", _("Ditolak: keputusan PPID dikuatkan")


OBJECTION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ObjectionStatus.RECEIVED: (ObjectionStatus.OVERRULED, ObjectionStatus.UPHELD),
    ObjectionStatus.OVERRULED: (),
    ObjectionStatus.UPHELD: (),
}


class DisputeStatus(models.TextChoices):
    REGISTERED = "terdaftar", _("Terdaftar di Komisi Informasi")
    DECIDED = "diputus", _("Diputus")


class DisputeOutcome(models.TextChoices):
    MEDIATION = "mediasi", _("Selesai melalui mediasi")
    GRANTED = "dikabulkan", _("Permohonan dikabulkan (informasi dibuka)")
    PARTLY = "dikabulkan_sebagian", _("Dikabulkan sebagian")
    REJECTED = "ditolak", _("Permohonan ditolak (keputusan badan publik dikuatkan)")
    WITHDRAWN = "dicabut", _("Dicabut oleh pemohon")


DISPUTE_TRANSITIONS: dict[str, tuple[str, ...]] = {
    DisputeStatus.REGISTERED: (DisputeStatus.DECIDED,),
    DisputeStatus.DECIDED: (),
}


def can_move(table: dict[str, tuple[str, ...]], current: str, target: str) -> bool:
    """True when ``table`` allows ``current`` → ``target``."""
    return target in table.get(current, ())
