from pendopo.jdih.states import (
    LegalStatus,
    RelationKind,
    derive_status,
    jdihn_status,
    schema_legal_force,
)


def test_no_incoming_relation_means_in_force():
    assert derive_status([]) == LegalStatus.BERLAKU


def test_amendment_gives_diubah():
    assert derive_status([RelationKind.AMENDS, RelationKind.IMPLEMENTS]) == LegalStatus.DIUBAH


def test_revocation_wins_over_amendment_and_partial_revocation():
    kinds = [RelationKind.AMENDS, RelationKind.PARTIALLY_REVOKES, RelationKind.REVOKES]

    assert derive_status(kinds) == LegalStatus.DICABUT


def test_partial_revocation_wins_over_amendment():
    kinds = [RelationKind.AMENDS, RelationKind.PARTIALLY_REVOKES]

    assert derive_status(kinds) == LegalStatus.DICABUT_SEBAGIAN


def test_implementing_or_basis_relations_do_not_change_status():
    assert derive_status([RelationKind.IMPLEMENTS, RelationKind.LEGAL_BASIS]) == "berlaku"


def test_only_a_revoked_document_is_tidak_berlaku_for_jdihn():
    assert jdihn_status(LegalStatus.DICABUT) == "Tidak Berlaku"
    for status in (LegalStatus.BERLAKU, LegalStatus.DIUBAH, LegalStatus.DICABUT_SEBAGIAN):
        assert jdihn_status(status) == "Berlaku"


def test_schema_org_legal_force_follows_status():
    assert schema_legal_force("dicabut").endswith("NotInForce")
    assert schema_legal_force("dicabut_sebagian").endswith("PartiallyInForce")
    assert schema_legal_force("diubah").endswith("/InForce")
