"""Factories for public-service standards (Permenpan-RB 15/2014 components, all filled)."""

from __future__ import annotations

import datetime

import factory

from pendopo.core.tests.factories import PageFactory
from pendopo.services.models import ServiceStandardIndexPage, ServiceStandardPage


class ServiceStandardIndexPageFactory(PageFactory):
    class Meta:
        model = ServiceStandardIndexPage

    title = "Standar Pelayanan"


class ServiceStandardPageFactory(PageFactory):
    class Meta:
        model = ServiceStandardPage

    title = factory.Sequence(lambda n: f"Layanan {n}")
    summary = "Ringkasan layanan."
    decree_number = "188/1/KEP/429.011/2026"
    decree_date = datetime.date(2026, 1, 5)
    legal_basis = "Isi komponen legal_basis."
    requirements = "Isi komponen requirements."
    procedure = "Isi komponen procedure."
    completion_time = "Isi komponen completion_time."
    fee = "Isi komponen fee."
    product = "Isi komponen product."
    facilities = "Isi komponen facilities."
    staff_competence = "Isi komponen staff_competence."
    internal_supervision = "Isi komponen internal_supervision."
    complaint_handling = "Isi komponen complaint_handling."
    staff_count = "Isi komponen staff_count."
    service_guarantee = "Isi komponen service_guarantee."
    safety_guarantee = "Isi komponen safety_guarantee."
    performance_evaluation = "Isi komponen performance_evaluation."
    maklumat = "Isi komponen maklumat."
