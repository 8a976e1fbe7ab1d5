"""``GET /v1/models``: the chat model this gateway serves."""

from __future__ import annotations

from litestar import get

from gateway.api.guards import permission
from gateway.api.openai_schema import ModelCard, ModelList
from gateway.chat.service import ChatService
from gateway.services import Services


@get("/v1/models", opt=permission("chat"))
async def list_models(chat: ChatService, services: Services) -> ModelList:
    return ModelList(data=[ModelCard(id=chat.model_id, created=services.started_at, owned_by="gateway")])
