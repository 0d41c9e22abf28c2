#!/usr/bin/env bash
# Proves dist/ is exactly what `npm run build` makes from src/ (GitHub runs dist/, not src/).
# Builds into a temporary copy so the working tree is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r dist "$work/committed" 2>/dev/null || mkdir -p "$work/committed"
npm run -s build >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
if ! diff -r "$work/committed" dist >"$work/diff.txt"; then
  echo "dist/ is stale: it is not what 'npm run build' makes from src/. Run 'npm run build' and commit dist/." >&2
  head -n 40 "$work/diff.txt" >&2
  rm -rf dist && cp -r "$work/committed" dist
  exit 1
fi
echo "dist/ matches a fresh build of src/"
