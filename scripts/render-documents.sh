#!/usr/bin/env bash
# For a person reviewing the official documents' layout: every page of the PDFs given (default: those the browser
# test test/browser/documents.test.ts downloaded into test-results/documents/) as PNG beside them, with pdftoppm from
# Debian's poppler-utils. Nothing checks these images; the tests read the files' text and structure.
#   bash scripts/render-documents.sh [file.pdf …]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdftoppm >/dev/null; then
  echo "pdftoppm is missing: install it (Debian/Ubuntu: sudo apt-get install poppler-utils)." >&2
  exit 1
fi
shopt -s nullglob
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(test-results/documents/*.pdf)
if [ ${#files[@]} -eq 0 ]; then
  echo "no PDF given and none in test-results/documents/ (run: npx vitest run test/browser/documents.test.ts)" >&2
  exit 1
fi
for pdf in "${files[@]}"; do
  pdftoppm -r 100 -png "$pdf" "${pdf%.pdf}"
  echo "[render] ${pdf%.pdf}-*.png"
done
