#!/usr/bin/env bash
# Build llama-cpp-python once, with portable CPU flags, into a wheelhouse keyed by version and flags.
#
# The flags are the instruction sets this CPU reports, never AMX (scripts/llama-cpu-flags.sh, shared with
# build-llama-server.sh). pip's wheel cache does not key on
# CMAKE_ARGS, so we never let pip build it implicitly: we build the wheel here, name the folder after the version
# and a hash of the flags, and install from that folder with --no-index.
#
# Prints the wheelhouse directory on stdout. A user cache (~/.cache/llm-gateway/wheels) is consulted first and
# filled afterwards, so a fresh clone on the same machine does not rebuild.
#
# GPU build: LLAMA_CMAKE_ARGS="-DGGML_CUDA=on" scripts/build-llama-wheel.sh  (needs the CUDA toolkit; see README).
set -euo pipefail

# shellcheck source=scripts/llama-cpu-flags.sh
source "$(dirname "$0")/llama-cpu-flags.sh"
VERSION="$LLAMA_CPP_PYTHON_VERSION"
FLAGS="$LLAMA_FLAGS"
PYTHON="${PYTHON:-python3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

KEY="llama_cpp_python-${VERSION}-${LLAMA_FLAGS_HASH}"
LOCAL="$ROOT/.wheelhouse/$KEY"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/llm-gateway/wheels/$KEY"

have_wheel() { compgen -G "$1/llama_cpp_python-${VERSION}-*.whl" >/dev/null; }

if have_wheel "$LOCAL"; then echo "$LOCAL"; exit 0; fi
mkdir -p "$LOCAL"
if have_wheel "$CACHE"; then
  cp "$CACHE"/llama_cpp_python-"${VERSION}"-*.whl "$LOCAL"/
  echo "$LOCAL"; exit 0
fi

echo "building llama-cpp-python $VERSION with: $FLAGS (several minutes on 2 cores)" >&2
BUILD_DIR="$(mktemp -d)"
trap 'rm -rf "$BUILD_DIR"' EXIT
CMAKE_ARGS="$FLAGS" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
  "$PYTHON" -m pip wheel --no-deps --no-cache-dir --no-binary llama-cpp-python \
  -w "$BUILD_DIR" "llama-cpp-python==$VERSION" >&2
cp "$BUILD_DIR"/llama_cpp_python-*.whl "$LOCAL"/
mkdir -p "$CACHE" && cp "$BUILD_DIR"/llama_cpp_python-*.whl "$CACHE"/ || true
echo "$LOCAL"
