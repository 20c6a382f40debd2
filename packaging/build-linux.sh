#!/usr/bin/env bash
# Build the Linux bundle in one command:  bash packaging/build-linux.sh
#   -> dist/fieldwork/                       (one folder: run dist/fieldwork/fieldwork)
#   -> dist/fieldwork-linux-x86_64.tar.gz    (that folder, for a researcher's laptop)
# Uses .venv (created by scripts/setup.sh) and installs the packaging extra into it. Needs the system PortAudio
# (libportaudio2) at build time: it is copied into the bundle, so the laptop does not need it.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
py="$here/.venv/bin/python"
if [ ! -x "$py" ]; then bash scripts/setup.sh app; fi
if ! "$py" -c "import PyInstaller" 2>/dev/null; then
  echo "build: installing the packaging extra"
  "$py" -m pip install -q -e ".[packaging]"
fi
if ! ldconfig -p | grep -q 'libportaudio.so.2'; then
  echo "build: libportaudio2 is missing (apt-get install libportaudio2)" >&2
  exit 1
fi

arch="$(uname -m)"
version="$("$py" -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')"
t0=$(date +%s)

echo "build: compiling the Designer forms and translations"
"$py" scripts/qtbuild.py build
echo "build: icons"
"$py" packaging/make_icons.py

echo "build: PyInstaller (fieldwork $version, $arch)"
rm -rf dist/fieldwork "dist/fieldwork-linux-$arch.tar.gz"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/fieldwork.spec

echo "build: tarball"
tar -C dist -czf "dist/fieldwork-linux-$arch.tar.gz" fieldwork
t1=$(date +%s)

folder_bytes=$(du -sb dist/fieldwork | cut -f1)
tar_bytes=$(stat -c %s "dist/fieldwork-linux-$arch.tar.gz")
files=$(find dist/fieldwork -type f | wc -l)
echo "build: dist/fieldwork/ $(numfmt --to=iec --suffix=B "$folder_bytes") ($folder_bytes bytes, $files files)"
echo "build: dist/fieldwork-linux-$arch.tar.gz $(numfmt --to=iec --suffix=B "$tar_bytes") ($tar_bytes bytes)"
echo "build: done in $((t1 - t0)) s; check it with: bash packaging/check-linux.sh"
