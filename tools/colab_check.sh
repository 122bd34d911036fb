#!/usr/bin/env bash
# Run notebooks the way a Colab reader does: a fresh venv, the package installed from the wheel built here (not this
# checkout), each notebook copied alone into an empty folder and executed there (slow/gpu cells skipped).
# Usage: bash tools/colab_check.sh [NOTEBOOK ...]   (default: the fast ones CI runs). Prints "colab: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
nbs=("$@"); [ ${#nbs[@]} = 0 ] && nbs=(nbs/00_core.ipynb nbs/02_splits.ipynb nbs/05a_style.ipynb nbs/05b_store.ipynb nbs/07e_tracking.ipynb)
PY=${PYTHON:-python3}
pip_() {   # run a pip command, hiding the "Location ... is ignored" lines this machine's pip config prints
  local out rc; if out=$("$@" 2>&1); then rc=0; else rc=$?; fi
  printf '%s\n' "$out" | grep -v -e '^WARNING: Location' -e '^$' || true; return "$rc"; }
set -e
pip_ .venv/bin/python -m pip wheel -q --no-deps --no-build-isolation -w "$work/dist" .
"$PY" -m venv "$work/venv"
pip_ "$work/venv/bin/python" -m pip install -q --upgrade pip
pip_ "$work/venv/bin/python" -m pip install -q torch==2.13.0          # the CPU wheel (Colab keeps its own CUDA build)
whl=$(ls "$work"/dist/cl_ml-*.whl)
pip_ "$work/venv/bin/python" -m pip install -q "$whl[demo,track,analysis,codecs]" "nbdev==2.4.14" "execnb==0.1.18" "ghapi<2" ipykernel
set +e
passed=0; failed=0
for nb in "${nbs[@]}"; do
  d=$(mktemp -d -p "$work"); cp "$nb" "$d/"
  where=$(cd "$d" && "$work/venv/bin/python" -c "import cl_ml; print(cl_ml.__file__)")
  case "$where" in "$work/venv/"*) ;; *) echo "colab: $nb imports cl_ml from $where, not the wheel"; failed=$((failed+1)); continue;; esac
  if (cd "$d" && MPLBACKEND=Agg timeout 900 "$work/venv/bin/python" -c "
import sys; from pathlib import Path; from nbdev.test import test_nb
ok, t = test_nb(Path(sys.argv[1]).absolute(), skip_flags=['slow', 'gpu'], do_print=False)
print(f'{sys.argv[1]}: {t:.0f} s'); sys.exit(0 if ok else 1)" "$(basename "$nb")"); then
    passed=$((passed+1)); else echo "colab: $nb FAILED outside the repository"; failed=$((failed+1)); fi
done
echo "colab: $passed passed, $failed failed"
[ "$failed" = 0 ]
