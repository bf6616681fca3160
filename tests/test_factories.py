"""Every concrete model of a pendopo app has a factory, and every factory and trait builds.

A new model needs a factory in ``pendopo/<app>/tests/factories.py`` (see tests/README.md).
The check is keyed on ``apps.get_app_configs()``, so it follows a model that moves app.
"""

from __future__ import annotations

import importlib
import inspect

import factory
import pytest
from django.apps import apps

pytestmark = pytest.mark.unit


def _pendopo_apps():
    return [cfg for cfg in apps.get_app_configs() if cfg.name.startswith("pendopo.")]


def _factories():
    found = {}
    for cfg in _pendopo_apps():
        try:
            module = importlib.import_module(f"{cfg.name}.tests.factories")
        except ModuleNotFoundError as error:
            if error.name != f"{cfg.name}.tests.factories":
                raise
            continue
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, factory.django.DjangoModelFactory)
                and obj.__module__ == module.__name__
                and not obj._meta.abstract
            ):
                found[obj] = obj._meta.model
    return found


FACTORIES = _factories()


def _traits(factory_class):
    params = getattr(factory_class._meta, "parameters", {})
    return sorted(name for name, value in params.items() if isinstance(value, factory.Trait))


def _concrete_models():
    return [
        model
        for cfg in _pendopo_apps()
        for model in cfg.get_models()
        if not model._meta.abstract and not model._meta.proxy
    ]


def test_every_concrete_model_of_a_pendopo_app_has_a_factory():
    covered = set(FACTORIES.values())
    missing = [model._meta.label for model in _concrete_models() if model not in covered]
    assert missing == [], f"write a factory in <app>/tests/factories.py for: {missing}"


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.PENDOPO_COMPLAINTS_PRIVATE_ROOT = str(tmp_path / "private")


CASES = [
    pytest.param(factory_class, trait, id=f"{factory_class.__name__}{'-' + trait if trait else ''}")
    for factory_class in FACTORIES
    for trait in [None, *_traits(factory_class)]
]


@pytest.mark.django_db
@pytest.mark.parametrize(("factory_class", "trait"), CASES)
def test_factory_builds_a_valid_row(factory_class, trait):
    instance = factory_class(**({trait: True} if trait else {}))

    assert instance.pk is not None
    model = factory_class._meta.model
    assert model.objects.filter(pk=instance.pk).exists()


STATUS_TRAITS = {
    "complaints.Case": {
        "on_hold",
        "assigned",
        "answered",
        "closed",
        "referred",
        "archived",
        "spam",
    },
    "ppid.InformationRequest": {
        "processing",
        "extended",
        "granted",
        "partly_granted",
        "refused",
        "not_held",
        "not_documented",
        "done",
    },
    "ppid.Objection": {"overruled", "upheld"},
    "ppid.Dispute": {"decided"},
    "procurement.Package": {"complete", "cancelled"},
    "jdih.LegalDocumentPage": {"diubah", "dicabut_sebagian", "dicabut"},
}


def test_models_with_a_status_have_a_trait_per_status():
    by_label = {model._meta.label: f for f, model in FACTORIES.items()}
    for label, traits in STATUS_TRAITS.items():
        assert traits <= set(_traits(by_label[label])), label


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("label", "trait"),
    [(label, trait) for label, traits in STATUS_TRAITS.items() for trait in sorted(traits)],
)
def test_a_status_trait_puts_the_row_in_that_status(label, trait):
    factory_class = {model._meta.label: f for f, model in FACTORIES.items()}[label]
    instance = factory_class(**{trait: True})
    instance.refresh_from_db()
    expected = {
        "partly_granted": "dikabulkan_sebagian",
        "not_held": "tidak_dikuasai",
        "not_documented": "belum_didokumentasikan",
        "processing": "diproses",
        "extended": "diperpanjang",
        "granted": "dikabulkan",
        "refused": "ditolak",
        "done": "selesai",
        "overruled": "dikabulkan",
        "upheld": "menguatkan",
        "decided": "diputus",
        "complete": "selesai",
        "cancelled": "gagal",
    }.get(trait, trait)
    assert instance.status == expected
