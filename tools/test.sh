#!/usr/bin/env bash
# Run every notebook's tests (nbdev_test; cells flagged slow/gpu are skipped) and check cl_ml/ is what nbdev_export makes.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH" OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} MPLBACKEND=Agg
nbs=$(ls nbs/*.ipynb | wc -l)
log=$(mktemp)
nbdev_test --n_workers 2 --timing "$@" 2>&1 | tee "$log" | grep -v '^Note: '
rc=${PIPESTATUS[0]}
failed=$(awk '/Failed On The Following Notebooks/{f=1;next} f && /ipynb/{n++} END{print n+0}' "$log")
[ "$rc" != 0 ] && [ "$failed" = 0 ] && failed=1
# the package must be exactly what the notebooks export
sum_cl() { find cl_ml -name '*.py' -print0 | sort -z | xargs -0 md5sum | md5sum; }
before=$(sum_cl); nbdev_export; if [ "$before" != "$(sum_cl)" ]; then echo "cl_ml/ was out of sync with nbs/ (nbdev_export changed it: commit the result)"; failed=$((failed+1)); rc=1; fi
# the fast notebooks once more the way a Colab reader runs them: fresh venv, the built wheel, outside the repository
if [ "${CL_ML_COLAB_CHECK:-1}" = 1 ]; then
  bash tools/colab_check.sh; crc=$?
  [ "$crc" != 0 ] && { echo "the outside-the-repository check failed (tools/colab_check.sh)"; failed=$((failed+1)); rc=1; }
fi
echo "notebooks: $((nbs-failed)) passed, $failed failed"
exit $rc
