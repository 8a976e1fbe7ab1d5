"""ModelQueue: runs generation on one model, off the event loop, with bounded waiting and cancellation.

``concurrency`` requests generate at a time (one for the in-process binding, whose llama.cpp context is
single-threaded; a llama-server's slot count); up to ``capacity`` more wait in FIFO order;
beyond that the caller gets QueueFull (429 with Retry-After) at once instead of piling up. With ``shared`` slots
(Redis, when several gateway processes feed one model tier) the same bound holds for all processes together.
A consumer that stops iterating (client disconnect) stops the generation at the next token; the per-request
deadline does the same.
"""

from __future__ import annotations

import asyncio
import math
import sys
import threading
import time
from collections.abc import AsyncGenerator, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from gateway.errors import GenerationTimeout, QueueFull
from gateway.llm.protocol import ChatModel
from gateway.llm.types import Finished, GenerationEvent, Prompt, SamplingParams, StageTimer

_DONE = object()


class SharedSlots(Protocol):
    """Slots counted across gateway processes (``gateway.coordination``'s counters)."""

    def acquire(self, key: str, limit: int) -> str | None: ...

    def release(self, key: str, lease: str) -> None: ...


class ModelQueue:
    def __init__(
        self,
        model: ChatModel,
        *,
        capacity: int,
        timeout_s: float,
        concurrency: int = 1,
        on_depth: Callable[[int], None] | None = None,
        on_finished: Callable[[Finished], None] | None = None,
        shared: SharedSlots | None = None,
    ) -> None:
        self.model = model
        self.capacity = capacity
        self.timeout_s = timeout_s
        self.concurrency = concurrency
        self._admitted = 0
        self._lock = asyncio.Semaphore(concurrency)
        self._executor = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="generate")
        self._on_depth = on_depth or (lambda _depth: None)
        self._on_finished = on_finished or (lambda _finished: None)
        self._recent_seconds = 2.0
        self._shared = shared
        self._shared_key = f"queue:{model.model_id}"
        self._leases: list[str] = []

    @property
    def depth(self) -> int:
        """Requests admitted and not finished: those generating plus those waiting."""
        return self._admitted

    def admit(self) -> None:
        """Reserve a place, or raise QueueFull; call before any slow work so overload is refused cheaply."""
        if self._admitted >= self.capacity + self.concurrency:
            retry = max(1, math.ceil(self._recent_seconds * (self._admitted - self.capacity)))
            raise QueueFull("the model is busy; retry later", retry_after=retry)
        if self._shared is not None:  # every process's requests together (fails closed if Redis is gone)
            lease = self._shared.acquire(self._shared_key, self.capacity + self.concurrency)
            if lease is None:
                raise QueueFull("the model is busy; retry later", retry_after=max(1, math.ceil(self._recent_seconds)))
            self._leases.append(lease)
        self._admitted += 1
        self._on_depth(self._admitted)

    def release(self) -> None:
        self._admitted -= 1
        self._on_depth(self._admitted)
        if self._shared is not None and self._leases:
            self._shared.release(self._shared_key, self._leases.pop())

    async def generate(
        self, prompt: Prompt, params: SamplingParams, timer: StageTimer
    ) -> AsyncGenerator[GenerationEvent, None]:
        """Events of one generation. The caller must have called ``admit``; the place is given back here.

        The model slot and the admission are released when the worker thread has let go of the model, not when
        the consumer stops listening: a cancelled consumer (client gone) only sets the stop flag, so the next
        request can never start on a slot that is still generating.
        """
        deadline = time.monotonic() + self.timeout_s
        waited = time.monotonic()
        try:
            await asyncio.wait_for(self._lock.acquire(), timeout=self.timeout_s)
        except BaseException:
            self.release()
            if isinstance(sys.exc_info()[1], TimeoutError):
                raise GenerationTimeout("timed out waiting for the model") from None
            raise
        timer.add("queue", time.monotonic() - waited)

        loop = asyncio.get_running_loop()
        events: asyncio.Queue[object] = asyncio.Queue()
        stop = threading.Event()
        started = time.monotonic()

        def should_stop() -> bool:
            return stop.is_set() or time.monotonic() > deadline

        def work() -> None:
            try:
                for event in self.model.generate(prompt, params, should_stop):
                    if isinstance(event, Finished):
                        if event.reason == "cancelled" and not stop.is_set():
                            event = Finished("timeout", event.prompt_tokens, event.completion_tokens)
                        self._on_finished(event)  # counted even when nobody is listening any more
                    loop.call_soon_threadsafe(events.put_nowait, event)
            except BaseException as exc:  # handed to the consumer, which re-raises it on the loop
                loop.call_soon_threadsafe(events.put_nowait, exc)
            finally:
                loop.call_soon_threadsafe(events.put_nowait, _DONE)

        def finished(_future: object) -> None:
            self._recent_seconds = 0.7 * self._recent_seconds + 0.3 * (time.monotonic() - started)
            self._lock.release()
            self.release()

        worker = loop.run_in_executor(self._executor, work)
        worker.add_done_callback(finished)
        first = True
        try:
            while True:
                item = await events.get()
                if item is _DONE:
                    await worker  # its done-callback (release) runs before we resume: depth is exact on return
                    break
                if isinstance(item, BaseException):
                    raise item
                if first:
                    timer.add("prefill", time.monotonic() - started)
                    first = False
                yield item  # type: ignore[misc]
        finally:
            stop.set()
            timer.add("generate", time.monotonic() - started - timer.stages.get("prefill", 0.0))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
