"""The model runtime: chat models (local llama.cpp or a remote OpenAI-compatible upstream), the embedder, and the
queue that serialises generation off the event loop."""
