#!/usr/bin/env bash
# Builds our FerretDB 1.24.2 launcher (scripts/ferretdb-launcher) into .cache/bin.
# Idempotent: with --if-missing it does nothing when the binary is newer than its sources.
set -euo pipefail
cd "$(dirname "$0")/.."

src=scripts/ferretdb-launcher
out=.cache/bin/ferretdb-launcher

if [[ "${1:-}" == "--if-missing" && -x "$out" ]]; then
  if [[ "$out" -nt "$src/main.go" && "$out" -nt "$src/go.mod" && "$out" -nt "$src/go.sum" ]]; then
    exit 0
  fi
fi

if ! command -v go >/dev/null 2>&1; then
  for candidate in /usr/local/go/bin /usr/lib/go/bin; do
    [[ -x "$candidate/go" ]] && PATH="$candidate:$PATH"
  done
fi
if ! command -v go >/dev/null 2>&1; then
  echo "error: Go is not installed. The embedded database (FerretDB) is built from Go modules." >&2
  echo "       Install Go 1.24 or newer (https://go.dev/dl or 'apt-get install golang-go'), or set" >&2
  echo "       MONGODB_URI to use a MongoDB server you already have." >&2
  exit 1
fi

echo "Building the FerretDB 1.24.2 launcher with $(go version | cut -d' ' -f3)."
echo "The first build downloads about 95 modules and compiles them: this takes a few minutes."
mkdir -p .cache/bin
# -x would be too noisy; -v prints each package as it compiles, which shows progress.
( cd "$src" && go build -v -trimpath -o "../../$out" . 2>&1 | awk '{ printf "  compiling %s\n", $0; fflush() }' )
test -x "$out"
echo "Built $out"
