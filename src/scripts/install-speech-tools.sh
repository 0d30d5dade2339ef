#!/usr/bin/env bash
# Installs the pinned Debian speech synthesizers the spoken-words corpus and the spoken-digits benchmark are made
# with: espeak-ng (formant synthesis, ~130 voices and variants; the base's corpus) and flite (a second synthesizer
# with its own voices; only ever used for the target task). Idempotent: exits at once when both are installed at the
# pinned versions. Needs root (apt-get).
set -euo pipefail
PACKAGES=(espeak-ng=1.51+dfsg-10+deb12u2 espeak-ng-data=1.51+dfsg-10+deb12u2 flite=2.2-5)
installed() {
    for pinned in "${PACKAGES[@]}"; do
        [ "$(dpkg-query -W -f='${Version}' "${pinned%%=*}" 2>/dev/null)" = "${pinned#*=}" ] || return 1
    done
}
if installed; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null 2>&1 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null; }
installed || { echo "speech tools not at the pinned versions: ${PACKAGES[*]}" >&2; exit 1; }
