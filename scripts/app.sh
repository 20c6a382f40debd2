#!/usr/bin/env bash
# Set up everything and start the Fieldwork desktop app. On first run it creates a vault and opens the
# built-in example study ("Mothers on the Margins"). With no screen (a server, CI), the app is started on
# a virtual screen (Xvfb) and a screenshot of it is saved, so the command still proves the app runs.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
bash scripts/setup.sh app
export PATH="$here/.venv/bin:$PATH"
python scripts/qtbuild.py build >/dev/null  # forms and translations changed since the install are compiled again
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  display=":97"
  if ! xdpyinfo -display "$display" >/dev/null 2>&1; then
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  export DISPLAY="$display"
  echo "app.sh: no screen here, so the app runs on the virtual screen $DISPLAY."
  echo "app.sh: a screenshot of it is written to ${FIELDWORK_SCREENSHOT:=$here/.fieldwork-screen.png} after 5 s."
  ( sleep 5; import -window root "$FIELDWORK_SCREENSHOT" 2>/dev/null || true ) &
fi
exec fieldwork gui "$@"
