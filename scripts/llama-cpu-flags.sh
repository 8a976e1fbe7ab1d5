# Sourced by build-llama-wheel.sh and build-llama-server.sh: the portable CMake flags for this CPU, so the Python
# wheel and llama-server are built from the same source with the same instruction sets.
#
# The native build (GGML_NATIVE=ON) crashes on some of our CPUs (Intel with AMX: SIGSEGV on first decode), and a
# fixed AVX-512 build dies with SIGILL on CPUs without AVX-512 (AMD EPYC hosts here report AVX2 only). So the
# flags are the instruction sets this CPU reports in /proc/cpuinfo, never AMX.
LLAMA_CPP_PYTHON_VERSION="${LLAMA_CPP_PYTHON_VERSION:-0.3.36}"
llama_cpu_flags() {
  local have flags="-DGGML_NATIVE=OFF"
  have=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
  has() { [[ "$have" == *" $1 "* ]]; }
  has avx && flags+=" -DGGML_AVX=ON"
  has avx2 && flags+=" -DGGML_AVX2=ON"
  has fma && flags+=" -DGGML_FMA=ON"
  has f16c && flags+=" -DGGML_F16C=ON"
  if has avx512f && has avx512bw && has avx512vl && has avx512dq; then
    flags+=" -DGGML_AVX512=ON"
    has avx512_vnni && flags+=" -DGGML_AVX512_VNNI=ON"
  fi
  printf '%s' "$flags"
}
LLAMA_FLAGS="${LLAMA_CMAKE_ARGS:-$(llama_cpu_flags)}"
LLAMA_FLAGS_HASH="$(printf '%s' "$LLAMA_FLAGS" | sha256sum | cut -c1-12)"
