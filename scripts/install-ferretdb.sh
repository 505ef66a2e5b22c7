#!/usr/bin/env bash
# Builds FerretDB 1.24.2 from the Go module proxy into $(go env GOPATH)/bin/ferretdb.
#
# Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`:
# - some module proxies refuse the version list that `go install pkg@version` reads for
#   deprecation notices (403), and
# - a binary built that way panics at start on newer Go toolchains, because the module
#   zip lacks the generated build/version/version.txt.
# So: download the pinned module, add version.txt, and build it as its own main module.
set -euo pipefail

version="${FERRETDB_VERSION:-v1.24.2}"
gobin="$(go env GOPATH)/bin"
target="$gobin/ferretdb"

if [[ -x "$target" ]] && "$target" --version >/dev/null 2>&1; then
  echo "ferretdb already installed: $target"
  exit 0
fi

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

dir="$(go mod download -json "github.com/FerretDB/FerretDB@$version" |
  sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
[[ -n "$dir" ]] || { echo "could not download FerretDB $version from the Go module proxy" >&2; exit 1; }

cp -r "$dir/." "$work/src"
chmod -R u+w "$work/src"
echo "$version" >"$work/src/build/version/version.txt"
mkdir -p "$gobin"
(cd "$work/src" && GOFLAGS=-mod=mod go build -trimpath -o "$target.tmp" ./cmd/ferretdb)
mv "$target.tmp" "$target"
echo "ferretdb $version installed: $target"
