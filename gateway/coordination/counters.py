"""Counters: concurrency slots (leases) and token buckets, in this process or in Redis.

A slot is a lease in a sorted set scored by its expiry, so a slot held by a process that died is freed after
``lease_s`` instead of forever; a live process removes its lease when the request ends. A bucket is a hash of
(tokens, time) updated by one Lua script with Redis's own clock, so processes on hosts whose clocks differ agree.
Keys carry the principal's name hashed (never the name itself) under the deployment's prefix.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from gateway.coordination.settings import CoordinationSettings
from gateway.errors import LimitsUnavailable


class Counters(Protocol):
    """Slots and buckets by key; every method is safe to call from any thread."""

    def acquire(self, key: str, limit: int) -> str | None:
        """A lease on one of ``limit`` slots of ``key``, or None when all are taken."""
        ...

    def release(self, key: str, lease: str) -> None: ...

    def held(self, key: str) -> int: ...

    def take(self, key: str, per_minute: int) -> float:
        """Take one token from ``key``'s bucket (``per_minute`` tokens, bursts of as many): 0.0 when taken,
        else the seconds until one is there."""
        ...


@dataclass(slots=True)
class _Bucket:
    tokens: float
    at: float


class LocalCounters:
    """The counters of one process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._slots: dict[str, set[str]] = {}
        self._buckets: dict[str, _Bucket] = {}

    def acquire(self, key: str, limit: int) -> str | None:
        with self._lock:
            held = self._slots.setdefault(key, set())
            if len(held) >= limit:
                return None
            lease = uuid.uuid4().hex
            held.add(lease)
            return lease

    def release(self, key: str, lease: str) -> None:
        with self._lock:
            held = self._slots.get(key)
            if held is not None:
                held.discard(lease)
                if not held:
                    del self._slots[key]

    def held(self, key: str) -> int:
        with self._lock:
            return len(self._slots.get(key, ()))

    def take(self, key: str, per_minute: int) -> float:
        now = self._clock()
        rate = per_minute / 60.0
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(float(per_minute), now)
            bucket.tokens = min(float(per_minute), bucket.tokens + (now - bucket.at) * rate)
            bucket.at = now
            if bucket.tokens < 1.0:
                return (1.0 - bucket.tokens) / rate
            bucket.tokens -= 1.0
            return 0.0


_ACQUIRE = """
local now = redis.call('TIME')
local t = tonumber(now[1]) + tonumber(now[2]) / 1e6
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], t + tonumber(ARGV[2]), ARGV[3])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2])) + 1)
return 1
"""

_HELD = """
local now = redis.call('TIME')
local t = tonumber(now[1]) + tonumber(now[2]) / 1e6
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t)
return redis.call('ZCARD', KEYS[1])
"""

_TAKE = """
local now = redis.call('TIME')
local t = tonumber(now[1]) + tonumber(now[2]) / 1e6
local capacity = tonumber(ARGV[1])
local rate = capacity / 60.0
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or t
tokens = math.min(capacity, tokens + math.max(0, t - at) * rate)
local wait = 0
if tokens < 1 then wait = (1 - tokens) / rate else tokens = tokens - 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(t))
redis.call('EXPIRE', KEYS[1], 120)
return tostring(wait)
"""


class RedisCounters:
    """The counters of every gateway process sharing one Redis and key prefix. Fails closed: a Redis error is a
    503 (``LimitsUnavailable``), never a request let through uncounted."""

    def __init__(self, client: Any, *, prefix: str, lease_s: float) -> None:
        self._redis = client
        self._prefix = prefix
        self._lease_s = lease_s
        self._acquire = client.register_script(_ACQUIRE)
        self._held = client.register_script(_HELD)
        self._take = client.register_script(_TAKE)

    @classmethod
    def connect(cls, url: str, *, prefix: str, lease_s: float, timeout_s: float,
                password: str | None = None) -> RedisCounters:
        import redis

        client = redis.Redis.from_url(url, password=password, socket_timeout=timeout_s,
                                      socket_connect_timeout=timeout_s)
        try:
            client.ping()
        except redis.RedisError as exc:
            raise LimitsUnavailable("the shared limit store (Redis) cannot be reached") from exc
        return cls(client, prefix=prefix, lease_s=lease_s)

    def _key(self, key: str) -> str:
        kind, _, name = key.partition(":")
        return f"{self._prefix}:{kind}:{hashlib.sha256(name.encode()).hexdigest()[:32]}"

    def _call(self, script: Any, key: str, *args: object) -> Any:
        import redis

        try:
            return script(keys=[self._key(key)], args=list(args))
        except redis.RedisError as exc:
            raise LimitsUnavailable("the shared limit store (Redis) cannot be reached") from exc

    def acquire(self, key: str, limit: int) -> str | None:
        lease = uuid.uuid4().hex
        return lease if int(self._call(self._acquire, key, limit, self._lease_s, lease)) else None

    def release(self, key: str, lease: str) -> None:
        import redis

        with contextlib.suppress(redis.RedisError):  # the lease expires by itself; the answer has been given
            self._redis.zrem(self._key(key), lease)

    def held(self, key: str) -> int:
        return int(self._call(self._held, key))

    def take(self, key: str, per_minute: int) -> float:
        wait = float(self._call(self._take, key, per_minute))
        return 0.0 if wait <= 0 else max(wait, 1e-3)


def counters_for(settings: CoordinationSettings) -> Counters:
    """Redis counters when ``coordination.redis_url`` is set (checked reachable now), else this process's own."""
    if settings.redis_url is None:
        return LocalCounters()
    password = settings.redis_password_file.read_text().strip() if settings.redis_password_file else None
    return RedisCounters.connect(settings.redis_url, prefix=settings.key_prefix, lease_s=settings.lease_s,
                                 timeout_s=settings.timeout_s, password=password)


def retry_after(wait_s: float) -> int:
    return max(1, math.ceil(wait_s))
