"""Statuses and the transitions tables of PPID cases (UU 14/2008 Pasal 22, 35–37).

Each table has the one kernel shape ``(from status, action) -> to status``
(``pendopo.core.workflow``); services move a case only through ``next_status``, and models
and templates ask the tables (``allowed_actions``), so no status literal appears elsewhere::

    request:   (new) ─submit─▶ diterima ─process─▶ diproses
               diterima/diproses ─extend─▶ diperpanjang (once, ≤ 7 HK, Pasal 22(8))
               diterima/diproses/diperpanjang ─grant|grant_partly|refuse|not_held|
                   not_documented─▶ <decision> ─deliver─▶ selesai
    objection: (new) ─file─▶ diterima ─overrule─▶ dikabulkan | ─uphold─▶ menguatkan
    dispute:   (new) ─register─▶ terdaftar ─decide─▶ diputus
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from pendopo.core.workflow import Transitions


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


class RequestAction(models.TextChoices):
    """What can happen to an information request."""

    SUBMIT = "submit", _("daftarkan")
    PROCESS = "process", _("tandai diproses")
    EXTEND = "extend", _("perpanjang")
    GRANT = "grant", _("kabulkan seluruhnya")
    GRANT_PARTLY = "grant_partly", _("kabulkan sebagian")
    REFUSE = "refuse", _("tolak")
    NOT_HELD = "not_held", _("nyatakan tidak dikuasai")
    NOT_DOCUMENTED = "not_documented", _("nyatakan belum didokumentasikan")
    DELIVER = "deliver", _("catat penyampaian")


# The action that records each decision (the written notice, Pasal 22(7)).
DECISION_ACTIONS: dict[str, str] = {
    RequestStatus.GRANTED: RequestAction.GRANT,
    RequestStatus.PARTLY_GRANTED: RequestAction.GRANT_PARTLY,
    RequestStatus.REFUSED: RequestAction.REFUSE,
    RequestStatus.NOT_HELD: RequestAction.NOT_HELD,
    RequestStatus.NOT_DOCUMENTED: RequestAction.NOT_DOCUMENTED,
}

NEW = None  # the "from" status of a case that does not exist yet

# (from status, action) -> to status. Nothing else may change InformationRequest.status.
REQUEST_TRANSITIONS: Transitions = {
    (NEW, RequestAction.SUBMIT): RequestStatus.RECEIVED,
    (RequestStatus.RECEIVED, RequestAction.PROCESS): RequestStatus.PROCESSING,
    (RequestStatus.RECEIVED, RequestAction.EXTEND): RequestStatus.EXTENDED,
    (RequestStatus.PROCESSING, RequestAction.EXTEND): RequestStatus.EXTENDED,
    **{
        (source, action): decision
        for source in OPEN_REQUEST_STATUSES
        for decision, action in DECISION_ACTIONS.items()
    },
    **{(decision, RequestAction.DELIVER): RequestStatus.DONE for decision in DECISIONS},
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


class ObjectionAction(models.TextChoices):
    """What can happen to a keberatan (UU 14/2008 Pasal 35–36)."""

    FILE = "file", _("ajukan")
    OVERRULE = "overrule", _("kabulkan keberatan")
    UPHOLD = "uphold", _("kuatkan keputusan PPID")


# Objections still waiting for the atasan PPID's answer (Pasal 36(2)).
OPEN_OBJECTION_STATUSES = (ObjectionStatus.RECEIVED,)

OBJECTION_TRANSITIONS: Transitions = {
    (NEW, ObjectionAction.FILE): ObjectionStatus.RECEIVED,
    (ObjectionStatus.RECEIVED, ObjectionAction.OVERRULE): ObjectionStatus.OVERRULED,
    (ObjectionStatus.RECEIVED, ObjectionAction.UPHOLD): ObjectionStatus.UPHELD,
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


class DisputeAction(models.TextChoices):
    """What the PPID records about a sengketa at the Komisi Informasi (Pasal 37–38)."""

    REGISTER = "register", _("catat registrasi")
    DECIDE = "decide", _("catat putusan")


DISPUTE_TRANSITIONS: Transitions = {
    (NEW, DisputeAction.REGISTER): DisputeStatus.REGISTERED,
    (DisputeStatus.REGISTERED, DisputeAction.DECIDE): DisputeStatus.DECIDED,
}
