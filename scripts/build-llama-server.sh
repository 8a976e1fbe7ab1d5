#!/usr/bin/env bash
# Build llama.cpp's own `llama-server` once, from the llama.cpp that the pinned llama-cpp-python source distribution
# vendors (vendor/llama.cpp), with the same portable CPU flags as the Python wheel (scripts/llama-cpu-flags.sh).
#
# Prints the path of the binary on stdout. The binary is kept under a name made of the version and a hash of the
# flags, in the project (.wheelhouse/) and in the user cache (~/.cache/llm-gateway/bin/), so a second run - or a
# fresh clone on the same machine - rebuilds nothing. The sdist is fetched from the package index pip uses (PyPI's
# simple API) and checked against the index's sha256; it is cached beside the binary.
#
# The server is built without its web UI (no npm, no download of prebuilt assets) and without OpenSSL: the gateway
# talks to it on loopback only. GPU build: LLAMA_CMAKE_ARGS="-DGGML_CUDA=on" scripts/build-llama-server.sh.
set -euo pipefail

# shellcheck source=scripts/llama-cpu-flags.sh
source "$(dirname "$0")/llama-cpu-flags.sh"
VERSION="$LLAMA_CPP_PYTHON_VERSION"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
INDEX="${LLAMA_SDIST_INDEX:-https://pypi.org/simple}"

KEY="llama-server-${VERSION}-${LLAMA_FLAGS_HASH}"
LOCAL="$ROOT/.wheelhouse/$KEY/llama-server"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/llm-gateway"
CACHE="$CACHE_ROOT/bin/$KEY/llama-server"

if [[ -x "$LOCAL" ]]; then echo "$LOCAL"; exit 0; fi
if [[ -x "$CACHE" ]]; then
  mkdir -p "$(dirname "$LOCAL")" && cp "$CACHE" "$LOCAL.tmp" && mv "$LOCAL.tmp" "$LOCAL"
  echo "$LOCAL"; exit 0
fi

SDIST="$CACHE_ROOT/sources/llama_cpp_python-${VERSION}.tar.gz"
if [[ ! -s "$SDIST" ]]; then
  mkdir -p "$(dirname "$SDIST")"
  read -r URL SHA < <(curl -fsSL -H 'Accept: application/vnd.pypi.simple.v1+json' "$INDEX/llama-cpp-python/" |
    "$PYTHON" -c '
import json, sys
name = f"llama_cpp_python-{sys.argv[1]}.tar.gz"
for f in json.load(sys.stdin)["files"]:
    if f["filename"] == name:
        print(f["url"], f["hashes"]["sha256"]); break
else:
    sys.exit(f"{name} is not on the index")' "$VERSION")
  echo "fetching llama-cpp-python $VERSION source" >&2
  curl -fsSL -o "$SDIST.part" "$URL"
  echo "$SHA  $SDIST.part" | sha256sum -c --quiet - >&2
  mv "$SDIST.part" "$SDIST"
fi

echo "building llama-server $VERSION with: $LLAMA_FLAGS (several minutes on 2 cores)" >&2
BUILD_DIR="$(mktemp -d)"
trap 'rm -rf "$BUILD_DIR"' EXIT
tar -xzf "$SDIST" -C "$BUILD_DIR"
SRC="$BUILD_DIR/llama_cpp_python-${VERSION}/vendor/llama.cpp"
# shellcheck disable=SC2086  # the flags are a list of words
cmake -S "$SRC" -B "$BUILD_DIR/build" -G Ninja -DCMAKE_BUILD_TYPE=Release $LLAMA_FLAGS \
  -DBUILD_SHARED_LIBS=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_TESTS=OFF \
  -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
  -DLLAMA_OPENSSL=OFF >&2
cmake --build "$BUILD_DIR/build" --target llama-server -j "$(nproc)" >&2
BIN="$BUILD_DIR/build/bin/llama-server"
"$BIN" --version >&2
mkdir -p "$(dirname "$CACHE")" "$(dirname "$LOCAL")"
cp "$BIN" "$CACHE.tmp" && mv "$CACHE.tmp" "$CACHE" || true
cp "$BIN" "$LOCAL.tmp" && mv "$LOCAL.tmp" "$LOCAL"
echo "$LOCAL"
