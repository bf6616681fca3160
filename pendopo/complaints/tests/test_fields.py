from cryptography.fernet import Fernet

from pendopo.complaints import fields


def test_values_written_with_an_old_key_are_read_after_rotation(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PENDOPO_FIELD_ENCRYPTION_KEY = old
    token = fields.encrypt("081234567890")

    settings.PENDOPO_FIELD_ENCRYPTION_KEY = f"{new},{old}"

    assert fields.decrypt(token) == "081234567890"
    assert Fernet(new.encode()).decrypt(fields.encrypt("x").encode()) == b"x"
