"""API keys: settings hold only SHA-256 hashes; a presented key is hashed and compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

Role = Literal["read", "write"]
ROLES: tuple[Role, ...] = ("read", "write")


@dataclass(frozen=True)
class ApiKey:
    name: str
    role: Role
    sha256: str

    def __str__(self) -> str:
        return f"{self.name}:{self.role}:{self.sha256}"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key(name: str, role: Role) -> tuple[str, ApiKey]:
    """A fresh random key (shown once) and the settings entry that accepts it."""
    key = "kg_" + secrets.token_urlsafe(32)
    return key, ApiKey(name, role, hash_key(key))


def parse_keys(text: str) -> list[ApiKey]:
    """`name:role:sha256hex` entries separated by commas (the KG_API_KEYS format)."""
    keys = []
    for entry in filter(None, (part.strip() for part in text.split(","))):
        name, _, rest = entry.partition(":")
        role, _, digest = rest.partition(":")
        if not name or role not in ROLES or len(digest) != 64:
            raise ValueError(f"KG_API_KEYS entry {entry[:40]!r} is not name:read|write:<sha256 hex>")
        keys.append(ApiKey(name, role, digest.lower()))
    return keys


def find_key(keys: list[ApiKey], presented: str) -> ApiKey | None:
    digest = hash_key(presented)
    match = None
    for key in keys:
        if hmac.compare_digest(key.sha256, digest):
            match = key
    return match
