# Only for old migrations naming pendopo.ppid.crypto.EncryptedTextField; the field is core's.
from pendopo.core.crypto import EncryptedTextField as EncryptedTextField  # noqa: F401
