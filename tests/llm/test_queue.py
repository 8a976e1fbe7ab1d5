"""ModelQueue with the real model on both llama.cpp backends: bounded waiting, timeouts, cancellation; one generation
at a time in process, several at once on llama-server's slots (and a cancelled one frees its slot there)."""

from __future__ import annotations

import asyncio

import pytest

from gateway.errors import ContextLengthExceeded, QueueFull
from gateway.llm.protocol import ChatModel
from gateway.llm.queue import ModelQueue
from gateway.llm.types import ChatMessage, Finished, SamplingParams, StageTimer, TextDelta
from tests.support import BACKENDS, chat_model_for


@pytest.fixture(params=BACKENDS)
def model(request: pytest.FixtureRequest, chat_model: ChatModel) -> ChatModel:
    return chat_model_for(request, chat_model)


def prompt(model: ChatModel, text: str = "Tell me a long story about a hospital.") -> object:
    return model.prepare([ChatMessage("user", text)])


async def collect(queue: ModelQueue, p: object, params: SamplingParams) -> list[object]:
    return [e async for e in queue.generate(p, params, StageTimer())]  # type: ignore[arg-type]


def test_the_queue_refuses_beyond_its_capacity_and_frees_places(model: ChatModel) -> None:
    async def scenario() -> None:
        queue = ModelQueue(model, capacity=1, timeout_s=60)
        queue.admit()
        queue.admit()
        with pytest.raises(QueueFull) as refused:
            queue.admit()
        assert refused.value.retry_after >= 1
        params = SamplingParams(max_tokens=4, temperature=0)
        results = await asyncio.gather(collect(queue, prompt(model), params), collect(queue, prompt(model), params))
        assert all(isinstance(r[-1], Finished) for r in results)
        assert queue.depth == 0
        queue.admit()  # room again
        queue.release()

    asyncio.run(scenario())


def test_generation_stops_at_the_deadline(model: ChatModel) -> None:
    async def scenario() -> None:
        queue = ModelQueue(model, capacity=1, timeout_s=0.05)  # far less than the answer takes on any host
        queue.admit()
        events = await collect(queue, prompt(model), SamplingParams(max_tokens=2000, temperature=0.8))
        assert isinstance(events[-1], Finished) and events[-1].reason == "timeout"
        assert events[-1].completion_tokens < 2000

    asyncio.run(scenario())


def test_a_consumer_that_stops_listening_frees_the_model(model: ChatModel) -> None:
    finished: list[Finished] = []

    async def scenario() -> None:
        queue = ModelQueue(model, capacity=0, timeout_s=60, on_finished=finished.append)
        queue.admit()
        events = queue.generate(prompt(model), SamplingParams(max_tokens=500, temperature=0.8), StageTimer())
        async for event in events:
            assert isinstance(event, TextDelta)
            break
        await events.aclose()
        for _ in range(100):
            if queue.depth == 0:
                break
            await asyncio.sleep(0.02)
        assert queue.depth == 0
        assert finished and finished[0].reason == "cancelled" and finished[0].completion_tokens < 500

    asyncio.run(scenario())


def test_a_prompt_that_does_not_fit_the_context_is_refused(model: ChatModel) -> None:
    with pytest.raises(ContextLengthExceeded):
        model.prepare([ChatMessage("user", "token " * 5000)])


def test_llama_server_slots_generate_at_once_and_a_cancelled_answer_frees_its_slot(
    served_chat_model: ChatModel,
) -> None:
    model = served_chat_model
    assert model.concurrency == 2

    async def scenario() -> None:
        queue = ModelQueue(model, capacity=0, timeout_s=60, concurrency=model.concurrency)
        streams = []
        for text in ("Tell me a long story about a hospital.", "Tell me a long story about a bank."):
            queue.admit()
            streams.append(queue.generate(prompt(model, text), SamplingParams(max_tokens=400, temperature=0.8),
                                          StageTimer()))
        with pytest.raises(QueueFull):
            queue.admit()  # both slots taken, no waiting room
        firsts = [await anext(stream) for stream in streams]  # both answers are under way at the same time
        assert all(isinstance(first, TextDelta) for first in firsts)
        assert model.busy_slots() == 2  # type: ignore[attr-defined]
        for stream in streams:
            await stream.aclose()
        for _ in range(200):
            if queue.depth == 0 and model.busy_slots() == 0:  # type: ignore[attr-defined]
                break
            await asyncio.sleep(0.05)
        assert queue.depth == 0
        assert model.busy_slots() == 0  # type: ignore[attr-defined]  # llama-server stopped both slots
        queue.close()

    asyncio.run(scenario())
