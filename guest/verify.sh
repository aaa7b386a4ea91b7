#!/usr/bin/env bash
# Rebuilds the guest from the pinned sources in a temporary folder and checks that the result
# is byte-identical to the committed public/guest/ (wrapper.wasm, python311-core.zip,
# python311-rest.zip, python311-source.zip, manifest.json).
# The source tarballs are cached (guest/.build/sources) so a rerun does not download again.
set -euo pipefail
GUEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$GUEST_DIR/.." && pwd)
COMMITTED=$REPO_DIR/public/guest
TMP=$(mktemp -d "${TMPDIR:-/tmp}/guest-verify.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

bash "$GUEST_DIR/build.sh" --build-dir "$TMP/build" --out "$TMP/out" \
  --source-cache "${GUEST_SOURCE_CACHE:-$GUEST_DIR/.build/sources}" "$@"

status=0
for f in wrapper.wasm python311-core.zip python311-rest.zip python311-source.zip manifest.json; do
  if ! cmp -s "$COMMITTED/$f" "$TMP/out/$f"; then
    echo "verify.sh: public/guest/$f differs from what the sources build" \
      "($(sha256sum < "$COMMITTED/$f" | cut -c1-16) committed, $(sha256sum < "$TMP/out/$f" | cut -c1-16) built)" >&2
    status=1
  fi
done
if [ "$status" != 0 ]; then
  echo "verify.sh: run \`npm run build:guest\` and commit public/guest/" >&2
  exit 1
fi
echo "verify.sh: public/guest/ matches a fresh build from the pinned sources"
