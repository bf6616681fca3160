"""Settings come from the environment through one helper, and .env.example lists them all."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_environment_variable_read_is_listed_in_env_example():
    read = set()
    for path in [*(ROOT / "config").rglob("*.py"), *(ROOT / "pendopo").rglob("*.py")]:
        read |= set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', path.read_text()))
    listed = set(re.findall(r"^([A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))

    assert len(read) >= 15
    assert read - listed == set()


def test_no_module_reads_os_environ_directly():
    offenders = [
        str(path.relative_to(ROOT))
        for path in [*(ROOT / "config").rglob("*.py"), *(ROOT / "pendopo").rglob("*.py")]
        if "os.environ" in path.read_text()
        and path.name not in {"env.py", "wsgi.py", "asgi.py", "demo_serve.py"}
    ]

    assert offenders == []


def test_an_empty_boolean_variable_keeps_its_default(monkeypatch):
    from config.env import env_bool

    monkeypatch.setenv("PENDOPO_TEST_FLAG", "")

    assert env_bool("PENDOPO_TEST_FLAG", True) is True
    assert env_bool("PENDOPO_TEST_FLAG", False) is False
