"""The audit trail: `log_action` appends, `verify_chain` checks.

Each entry's hash covers its own fields and the previous entry's hash, so a
changed, inserted or deleted row breaks the chain from that point on. SM3 (the
national standard hash) is used where the platform's OpenSSL provides it, else
SHA-256; the algorithm is recorded per entry so a chain can mix both.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.http import HttpRequest
from django.utils import timezone

from tuwei.core.models import AuditChainHead, AuditEntry

GENESIS_HASH = "0" * 64
SECRET_MARKERS = ("password", "secret", "token", "otp", "key")
MASK = "***"


def preferred_algorithm() -> str:
    return "sm3" if "sm3" in hashlib.algorithms_available else "sha256"


def mask_secrets(data: Any) -> Any:
    """Replace the value of every key that names a secret, at any depth."""
    if isinstance(data, dict):
        return {
            key: MASK
            if any(marker in str(key).lower() for marker in SECRET_MARKERS)
            else mask_secrets(value)
            for key, value in data.items()
        }
    if isinstance(data, list | tuple):
        return [mask_secrets(item) for item in data]
    return data


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def compute_hash(entry: AuditEntry) -> str:
    payload = _canonical(
        {
            "seq": entry.seq,
            "created_at": entry.created_at.isoformat(),
            "actor_id": entry.actor_id,
            "actor_repr": entry.actor_repr,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "object_repr": entry.object_repr,
            "data": entry.data,
            "ip": entry.ip,
            "prev_hash": entry.prev_hash,
        }
    )
    return hashlib.new(entry.algorithm, payload.encode("utf-8")).hexdigest()


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def log_action(
    obj: models.Model | None,
    action: str,
    *,
    actor: Any = None,
    data: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEntry:
    """Append one entry. Call it inside the service's transaction so the entry
    commits or rolls back with the change it describes."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        user = actor if actor is not None and getattr(actor, "pk", None) else None
        # JSON round trip so the stored value is exactly what was hashed
        clean = json.loads(_canonical(mask_secrets(data or {})))
        entry = AuditEntry(
            seq=head.seq + 1,
            created_at=timezone.now(),
            actor=user,
            actor_repr=user.get_username() if user else "",
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
            object_repr=str(obj)[:200] if obj is not None else "",
            data=clean,
            ip=client_ip(request),
            prev_hash=head.hash or GENESIS_HASH,
            algorithm=preferred_algorithm(),
        )
        entry.hash = compute_hash(entry)
        entry.save()
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
    return entry


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str


def verify_chain(batch_size: int = 2000) -> list[ChainProblem]:
    """Walk the chain in order; report every entry that does not verify."""
    problems: list[ChainProblem] = []
    expected_seq = 1
    prev_hash = GENESIS_HASH
    last_seen = 0
    while True:
        batch = list(AuditEntry.objects.filter(seq__gt=last_seen).order_by("seq")[:batch_size])
        if not batch:
            break
        for entry in batch:
            if entry.seq != expected_seq:
                problems.append(
                    ChainProblem(entry.seq, f"entries {expected_seq}..{entry.seq - 1} are missing")
                )
            if entry.prev_hash != prev_hash:
                problems.append(ChainProblem(entry.seq, "does not link to the entry before it"))
            if compute_hash(entry) != entry.hash:
                problems.append(ChainProblem(entry.seq, "content does not match its hash"))
            prev_hash = entry.hash
            expected_seq = entry.seq + 1
            last_seen = entry.seq
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.seq != last_seen:
        problems.append(
            ChainProblem(
                head.seq, f"the newest entries after {last_seen} up to {head.seq} are missing"
            )
        )
    elif head is not None and head.seq and head.hash != prev_hash:
        problems.append(ChainProblem(head.seq, "the newest entry does not match the chain head"))
    return problems
