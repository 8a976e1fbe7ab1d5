"""Limits shared by several gateway processes through a real Redis: slots and buckets hold across processes, a dead
process's slots come back after their lease, an unreachable Redis fails closed, and without Redis each process
counts alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

import pytest

from gateway.coordination.counters import LocalCounters, RedisCounters, counters_for
from gateway.coordination.settings import CoordinationSettings
from gateway.errors import ConcurrencyLimited, LimitsUnavailable, QueueFull, RateLimited
from gateway.llm.protocol import ChatModel
from gateway.llm.queue import ModelQueue
from gateway.llm.supervisor import free_loopback_port
from gateway.paths import PROJECT_ROOT
from gateway.policy.limits import LimitSettings, RequestLimits

REDIS_URL = os.environ.get("GATEWAY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def prefix() -> str:
    return f"gwtest-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {type(exc).__name__}")
    return REDIS_URL


def counters(url: str, prefix: str, lease_s: float = 60.0) -> RedisCounters:
    return RedisCounters.connect(url, prefix=prefix, lease_s=lease_s, timeout_s=2.0)


CHILD = """
import json, sys
from gateway.coordination.counters import RedisCounters
c = RedisCounters.connect(sys.argv[1], prefix=sys.argv[2], lease_s=60, timeout_s=2)
got = [c.acquire("open:alice", 5) for _ in range(3)]
print(json.dumps(sum(1 for g in got if g)))
"""


def test_four_processes_share_one_principals_slots(redis_url: str, prefix: str) -> None:
    children = [subprocess.Popen([sys.executable, "-c", CHILD, redis_url, prefix], stdout=subprocess.PIPE,
                                 cwd=PROJECT_ROOT, text=True) for _ in range(4)]
    taken = [json.loads(child.communicate(timeout=60)[0]) for child in children]
    assert sum(taken) == 5  # 12 asked, 5 allowed, whichever process asked
    assert counters(redis_url, prefix).held("open:alice") == 5


def test_two_processes_limits_count_together_and_give_back(redis_url: str, prefix: str) -> None:
    settings = LimitSettings(max_concurrent_per_principal=2, mask_per_minute=3)
    one, two = (RequestLimits(settings, counters=counters(redis_url, prefix)) for _ in range(2))
    release = one.enter("alice")
    two.enter("alice")
    with pytest.raises(ConcurrencyLimited):
        one.enter("alice")
    two.enter("bob")  # another principal is not affected
    release()
    release()  # giving back twice frees one slot, not two
    assert two.open_requests("alice") == 1
    two.enter("alice")
    for limits in (one, two, one):
        limits.take_mask("alice")
    with pytest.raises(RateLimited) as refused:
        two.take_mask("alice")
    assert refused.value.retry_after >= 1


def test_a_dead_processes_slots_come_back_after_their_lease(redis_url: str, prefix: str) -> None:
    store = counters(redis_url, prefix, lease_s=0.3)
    assert store.acquire("open:alice", 1) is not None  # its process then dies without giving it back
    assert store.acquire("open:alice", 1) is None
    time.sleep(0.5)
    assert store.acquire("open:alice", 1) is not None


def test_the_queue_admits_no_more_than_its_bound_across_processes(redis_url: str, prefix: str,
                                                                  chat_model: ChatModel) -> None:
    first, second = (ModelQueue(chat_model, capacity=1, timeout_s=5, shared=counters(redis_url, prefix))
                     for _ in range(2))
    first.admit()
    second.admit()  # one generating and one waiting: the bound for the whole deployment
    with pytest.raises(QueueFull):
        first.admit()
    with pytest.raises(QueueFull):
        second.admit()
    assert first.depth == 1 and second.depth == 1  # a refused admission leaves no trace
    first.release()
    second.admit()
    first.close()
    second.close()


def test_an_unreachable_redis_fails_closed(prefix: str) -> None:
    settings = CoordinationSettings(redis_url=f"redis://127.0.0.1:{free_loopback_port()}/0", key_prefix=prefix,
                                    timeout_s=0.5)
    with pytest.raises(LimitsUnavailable):
        counters_for(settings)


def test_a_redis_lost_after_start_refuses_requests(prefix: str) -> None:
    import redis

    gone = redis.Redis(port=free_loopback_port(), socket_timeout=0.5, socket_connect_timeout=0.5)
    limits = RequestLimits(LimitSettings(), counters=RedisCounters(gone, prefix=prefix, lease_s=60))
    with pytest.raises(LimitsUnavailable):
        limits.enter("alice")
    with pytest.raises(LimitsUnavailable):
        limits.take_mask("alice")


def test_without_redis_each_process_counts_alone() -> None:
    assert isinstance(counters_for(CoordinationSettings()), LocalCounters)
    one, two = (RequestLimits(LimitSettings(max_concurrent_per_principal=1)) for _ in range(2))
    one.enter("alice")
    two.enter("alice")  # separate processes, separate counts
    with pytest.raises(ConcurrencyLimited):
        one.enter("alice")


def test_keys_never_hold_the_principals_name(redis_url: str, prefix: str) -> None:
    import redis

    counters(redis_url, prefix).acquire("open:alice.smith@bank.example", 3)
    keys = [k.decode() for k in redis.Redis.from_url(redis_url).keys(f"{prefix}:*")]
    assert keys and not any("alice" in k for k in keys)
