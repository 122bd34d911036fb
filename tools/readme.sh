#!/usr/bin/env bash
# README.md is made from nbs/index.ipynb (nbdev_readme needs Quarto; nbconvert gives the same Markdown here).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/jupyter nbconvert --to markdown --log-level WARN nbs/index.ipynb --output-dir . --output README
