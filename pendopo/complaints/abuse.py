"""Defences of the public form: signed form key with a minimum fill time, honeypot, ALTCHA
proof-of-work, per-IP and per-session rate limits (in the cache: Redis when REDIS_URL is set),
and a link/gambling-keyword score that sends suspicious submissions to the spam status.

With JavaScript off the ALTCHA widget cannot run: the form still works and the other defences
apply, but the per-IP limit is lower without a solved proof-of-work, so a genuine reporter
behind a shared address (office NAT, mobile carrier NAT) still gets through when the widget ran.
"""

from __future__ import annotations

import datetime
import re
import secrets

import altcha
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

FORM_SALT = "pendopo.complaints.form"
MIN_FILL_SECONDS = 5  # a human needs longer than this to fill the form
MAX_FORM_AGE = 60 * 60 * 24  # seconds; an older form must be reloaded
RATE_WINDOW = 60 * 60  # seconds
IP_LIMIT_WITHOUT_POW = 10  # submissions per address per hour without a solved ALTCHA
IP_LIMIT_WITH_POW = 60  # a shared address (NAT) with real people solving the ALTCHA
SESSION_LIMIT = 5  # submissions per browser session per hour
SPAM_THRESHOLD = 3
ALTCHA_MAX_NUMBER = 50_000  # ~0.1–0.5 s on a mid-range Android phone
ALTCHA_TTL = 60 * 20  # seconds

GAMBLING_WORDS = (
    "slot",
    "gacor",
    "togel",
    "judi",
    "casino",
    "kasino",
    "maxwin",
    "scatter",
    "bandar",
    "taruhan",
    "poker",
    "jackpot",
    "rtp",
    "sbobet",
)
LINK = re.compile(r"(https?://|www\.|\b[a-z0-9-]+\.(?:com|net|xyz|top|site|online|vip)\b)", re.I)


def new_form_key() -> str:
    """A signed, timestamped random nonce (128 bits) put in the form as ``kunci``."""
    return signing.dumps(secrets.token_urlsafe(16), salt=FORM_SALT)


class FormKeyError(Exception):
    pass


def read_form_key(value: str, *, now: datetime.datetime | None = None) -> tuple[str, float]:
    """(nonce, seconds since the form was shown); FormKeyError when forged or too old."""
    try:
        nonce = signing.loads(value, salt=FORM_SALT, max_age=MAX_FORM_AGE)
        issued = signing.b62_decode(value.split(":")[-2])
    except (signing.BadSignature, ValueError, IndexError) as exc:
        raise FormKeyError(str(exc)) from exc
    if not isinstance(nonce, str) or len(nonce) < 20:
        raise FormKeyError("bad nonce")
    return nonce, (now or timezone.now()).timestamp() - issued


# --- ALTCHA proof-of-work ----------------------------------------------------------------------


def altcha_key() -> str:
    return "altcha:" + settings.SECRET_KEY


def new_challenge() -> dict:
    """A signed challenge for the widget: algorithm, challenge, maxnumber, salt, signature."""
    challenge = altcha.create_challenge_v1(
        hmac_key=altcha_key(),
        max_number=ALTCHA_MAX_NUMBER,
        expires=timezone.now() + datetime.timedelta(seconds=ALTCHA_TTL),
    )
    return {
        "algorithm": challenge.algorithm,
        "challenge": challenge.challenge,
        "maxnumber": challenge.max_number,
        "salt": challenge.salt,
        "signature": challenge.signature,
    }


def verify_altcha(payload: str) -> bool:
    """True for a correct, unexpired solution used for the first time (replays refused)."""
    if not payload or len(payload) > 2000:
        return False
    try:
        ok, _error = altcha.verify_solution_v1(payload, altcha_key(), check_expires=True)
    except Exception:  # malformed base64/JSON from the client is just "not solved"
        return False
    if not ok:
        return False
    return cache.add("altcha-used:" + payload[-64:], 1, ALTCHA_TTL)


# --- rate limits -------------------------------------------------------------------------------


def _hit(key: str) -> int:
    cache.add(key, 0, RATE_WINDOW)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, RATE_WINDOW)
        return 1


def over_rate_limit(*, ip: str, session_key: str, proof_of_work: bool) -> bool:
    """Count this submission; True when the address or the session is over its hourly limit."""
    per_ip = _hit(f"complaints-rate:ip:{ip}")
    per_session = _hit(f"complaints-rate:session:{session_key}") if session_key else 0
    limit = IP_LIMIT_WITH_POW if proof_of_work else IP_LIMIT_WITHOUT_POW
    return per_ip > limit or per_session > SESSION_LIMIT


# --- content score -----------------------------------------------------------------------------


def spam_score(*texts: str) -> int:
    """Links count 1 each (max 3), gambling words 2 each; SPAM_THRESHOLD or more is spam."""
    text = " ".join(texts).lower()
    links = min(len(LINK.findall(text)), 3)
    words = sum(1 for word in GAMBLING_WORDS if re.search(rf"\b{word}\b", text))
    return links + 2 * words
