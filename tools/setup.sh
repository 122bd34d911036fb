#!/usr/bin/env bash
# Set up cl_ml on a fresh Debian machine: system packages for the demo music, a venv, the CPU torch wheel, the package.
# Safe to rerun: every step is skipped or fast when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
APT_PKGS="fluidsynth fluid-soundfont-gm supertux-data hedgewars-data"
# CL_ML_BENCH_DATA=1: also the music of `cl-ml bench style` (training packages and the three held-out games, ~1.5 GB)
[ "${CL_ML_BENCH_DATA:-0}" = 1 ] && APT_PKGS="$APT_PKGS supertuxkart-data colobot-common-sounds xmoto-data fillets-ng-data asc-music widelands-data freedroidrpg-data openclonk-data"
missing=""
for p in $APT_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages:$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "setup: missing Debian packages:$missing -- run: sudo apt-get install -y$missing" >&2
  fi
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# The CPU wheel of torch (an unpinned torch would pull several GB of CUDA libraries).
.venv/bin/python -c "import torch" 2>/dev/null || .venv/bin/python -m pip install -q torch==2.13.0
.venv/bin/python -m pip install -q -e '.[all,dev]'   # every extra: the tests exercise them all
echo "setup: ok ($(.venv/bin/python -c 'import torch, cl_ml; print("torch", torch.__version__, "cl_ml", cl_ml.__version__)'))"
