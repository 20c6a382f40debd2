#!/usr/bin/env bash
# Check the frozen Linux bundle the way a researcher's laptop would run it: no Python, no venv, no PortAudio.
#   bash packaging/check-linux.sh [dist/fieldwork-linux-x86_64.tar.gz]
#
# 1. unpacks the tarball into a fresh folder (the bundle must be relocatable);
# 2. lists the shared libraries the bundle expects from the system and fails on any outside the desktop baseline;
# 3. runs `fieldwork selftest` on the virtual microphone with a clean environment (env -i, a PATH with no
#    python3, PYTHONHOME/PYTHONPATH unset) and, where it can (root + unshare), in a private mount namespace in
#    which the system's Python library, the project's .venv and the system's libportaudio are hidden;
# 4. starts `fieldwork gui` on a virtual X screen (Xvfb :96, QT_QPA_PLATFORM=xcb), measures the time from launch
#    to the first-run window and, with a vault created by `fieldwork init`, to the unlock window; takes
#    screenshots (dist/check/*.png).
# Needs: xvfb, x11-utils (xwininfo, xdpyinfo), imagemagick (import), pulseaudio + pulseaudio-utils +
# libasound2-plugins (the virtual microphone); scripts/setup.sh test installs them.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
arch="$(uname -m)"
tarball="${1:-dist/fieldwork-linux-$arch.tar.gz}"
[ -f "$tarball" ] || { echo "check: $tarball not found; run packaging/build-linux.sh first" >&2; exit 1; }
out="$here/dist/check"
mkdir -p "$out"
work="$(mktemp -d /tmp/fieldwork-check-XXXXXX)"
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check: FAILED: $*" >&2; exit 1; }

echo "check: unpacking $tarball into $work"
tar -C "$work" -xzf "$tarball"
bundle="$work/fieldwork"
exe="$bundle/fieldwork"
[ -x "$exe" ] || fail "no executable $exe"

# --- 2. libraries the bundle takes from the system ------------------------------------------------------------
# glibc, the GPU/OpenGL stack (it must match the laptop's drivers), fontconfig's fonts, ALSA (its plugins and
# configuration are the distribution's), libxcb (PyInstaller leaves it to the system: the GL drivers link it too),
# the Wayland client libraries. Anything else must be inside the bundle.
baseline='^(libc|libm|libdl|libpthread|librt|libutil|libresolv|ld-linux-x86-64|ld-linux-aarch64|libGL|libEGL|libOpenGL|libGLX|libGLdispatch|libasound|libxcb|libvulkan|libwayland-(client|cursor|egl)|libdrm|libgbm)\.so'
bundled_names="$work/bundled.txt"
find "$bundle" \( -type f -o -type l \) -name '*.so*' -printf '%f\n' | sort -u >"$bundled_names"
from_system="$work/from-system.txt"
: >"$from_system"
while IFS= read -r -d '' f; do
  if head -c 4 "$f" 2>/dev/null | grep -q 'ELF'; then
    readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
  fi
done < <(find "$bundle" -type f \( -name '*.so*' -o -name fieldwork \) -print0) | sort -u | while read -r lib; do
  grep -qxF "$lib" "$bundled_names" || echo "$lib"
done >"$from_system"
echo "check: libraries taken from the system: $(tr '\n' ' ' <"$from_system")"
unexpected="$(grep -Ev "$baseline" "$from_system" || true)"
[ -z "$unexpected" ] || fail "the bundle needs libraries it does not carry: $unexpected"
for lib in libportaudio.so.2 libpython3.11.so.1.0; do
  [ -e "$bundle/_internal/$lib" ] || fail "$lib is not in the bundle"
done
ls "$bundle"/_internal/_soundfile_data/libsndfile* >/dev/null || fail "libsndfile is not in the bundle"
ls "$bundle"/_internal/sqlcipher3/_sqlite3* >/dev/null || fail "the SQLCipher extension is not in the bundle"
ls "$bundle"/_internal/PySide6/Qt/plugins/platforms/libqxcb.so \
  "$bundle"/_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so >/dev/null || fail "Qt platform plugins missing"
echo "check: PortAudio, libsndfile, SQLCipher, Qt xcb/offscreen plugins are in the bundle"

# --- the virtual microphone ----------------------------------------------------------------------------------
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xdg-runtime}"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
if ! pactl info >/dev/null 2>&1; then
  pulseaudio -D -n --exit-idle-time=-1 --load=module-native-protocol-unix \
    --load="module-null-sink sink_name=virt" \
    --load="module-sine-source source_name=sine440 frequency=440 rate=48000"
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
fi
pactl list short sources | grep -q sine440 || pactl load-module module-sine-source source_name=sine440 \
  frequency=440 rate=48000 >/dev/null
pactl set-default-source sine440
echo "check: virtual microphone: default source $(pactl get-default-source)"

# A clean environment: no Python anywhere on PATH, no PYTHON* variables, a fresh HOME.
nopy="$work/bin"
mkdir -p "$nopy" "$work/home"
clean_env=(env -i "PATH=$nopy" "HOME=$work/home" "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR" "LANG=C.UTF-8" "TMPDIR=$work")

# In a private mount namespace (root only), hide every Python and the system PortAudio from the frozen app.
hide=()
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
  pyhome=""
  [ -x "$here/.venv/bin/python" ] && pyhome="$("$here/.venv/bin/python" -c 'import sys; print(sys.base_prefix)')"
  hide_script='set -e
    for d in /usr/lib/python3* /usr/local/lib/python3* '"$here"'/.venv '"${pyhome:+$pyhome/lib/python3*}"'; do
      [ -d "$d" ] && mount -t tmpfs -o ro,size=1k none "$d"
    done
    for f in /usr/lib/*-linux-gnu/libportaudio.so* /usr/lib64/libportaudio.so* /usr/lib/libportaudio.so*; do
      [ -e "$f" ] && [ ! -L "$f" ] && mount --bind /dev/null "$f"
    done
    exec "$@"'
  hide=(unshare -m /bin/sh -c "$hide_script" hide)
  echo "check: hiding /usr/lib/python3*, ${pyhome:+$pyhome/lib/python3*, }$here/.venv and the system libportaudio" \
    "in a private mount namespace"
else
  echo "check: (not root or no unshare: the system Python and PortAudio stay visible, only PATH is cleaned)"
fi

probe='if command -v python3 >/dev/null 2>&1 || command -v python >/dev/null 2>&1; then
         echo "python is reachable: $(command -v python3 python)"; exit 97; fi
       echo "check: inside: command -v python3 fails; PYTHONHOME=${PYTHONHOME-unset} PYTHONPATH=${PYTHONPATH-unset}"
       ls /usr/lib/python3*/os.py >/dev/null 2>&1 && echo "check: inside: the system Python library is visible" \
         || echo "check: inside: no Python library outside the bundle"'

echo "check: fieldwork --version / selftest --help"
"${hide[@]}" "${clean_env[@]}" /bin/sh -c "$probe" || fail "Python is reachable in the clean environment"
"${hide[@]}" "${clean_env[@]}" "$exe" --version
"${hide[@]}" "${clean_env[@]}" "$exe" selftest --help >/dev/null || fail "selftest --help"

echo "check: fieldwork selftest (frozen, clean environment)"
t0=$(date +%s.%N)
if ! "${hide[@]}" "${clean_env[@]}" /bin/sh -c "$probe"' && exec "$0" selftest' "$exe" | tee "$out/selftest.txt"; then
  fail "the frozen selftest did not pass"
fi
t1=$(date +%s.%N)
echo "check: selftest took $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}") s"

# The network transports load in the frozen app (botocore's trimmed models, httpx, paramiko): each must get as
# far as connecting to a closed port and report the store as unreachable, not fail on a missing module or model.
"${hide[@]}" "${clean_env[@]}" "$exe" study keygen --out "$work/study" >/dev/null || fail "study keygen"
for url in s3://bucket/prefix webdav://127.0.0.1:9/store sftp://fw@127.0.0.1:9/store; do
  msg=$("${hide[@]}" "${clean_env[@]}" S=secret "$exe" store verify "$url" --endpoint http://127.0.0.1:9 \
        --username fw --secret-env S --key "$work/study/study.key" 2>&1 || true)
  case "$msg" in
    *"cannot reach the study store"*) echo "check: ${url%%://*} transport loads (closed port reported as unreachable)" ;;
    *) fail "the ${url%%://*} transport in the frozen app: $msg" ;;
  esac
done

# Every screen of the frozen GUI (the app's own tour, offscreen): imports, forms, icons and styles are all there.
"${hide[@]}" "${clean_env[@]}" QT_QPA_PLATFORM=offscreen "$exe" gui --tour "$out/tour" >"$out/tour.log" 2>&1 \
  || { tail -5 "$out/tour.log" >&2; fail "the frozen app's screen tour"; }
echo "check: screen tour (offscreen): $(find "$out/tour" -name '*.png' | wc -l) screens saved in $out/tour"

# --- 4. the desktop app on a virtual screen -------------------------------------------------------------------
display=":96"
if ! xdpyinfo -display "$display" >/dev/null 2>&1; then
  # -noreset: without it the server resets when its last client leaves and refuses the next one meanwhile.
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.05; done
fi
xdpyinfo -display "$display" >/dev/null 2>&1 || fail "Xvfb did not start on $display"

# Start the GUI with a data directory, wait until the "Fieldwork" window is viewable, print the seconds.
launch_gui() {  # $1 data dir, $2 screenshot name
  local data="$1" shot="$2" start now elapsed=""
  for _ in $(seq 100); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; sleep 0.05; done
  sleep 0.5  # a server without -noreset resets after xdpyinfo leaves
  start=$(date +%s%N)
  "${hide[@]}" "${clean_env[@]}" "DISPLAY=$display" QT_QPA_PLATFORM=xcb "FIELDWORK_DATA_DIR=$data" \
    "$exe" gui >"$out/$shot.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 600); do
    if xwininfo -display "$display" -name Fieldwork 2>/dev/null | grep -q 'Map State: IsViewable'; then
      now=$(date +%s%N)
      elapsed=$(( (now - start) / 1000000 ))
      break
    fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.02
  done
  if [ -z "$elapsed" ]; then
    cat "$out/$shot.log" >&2
    fail "the Fieldwork window did not appear ($shot)"
  fi
  sleep 1.5  # let the first frame settle before the screenshot
  import -display "$display" -window root "$out/$shot.png"
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  echo "$elapsed"
}

fresh="$work/data-first-run"
ms_first=$(launch_gui "$fresh" gui-first-run)
ms_first2=$(launch_gui "$work/data-first-run-2" gui-first-run-warm)
echo "check: launch to the first-run window: ${ms_first} ms (cold), ${ms_first2} ms (warm)"

vault="$work/data-unlock"
printf 'check passphrase for the unlock screen\n' >"$work/pp"
"${hide[@]}" "${clean_env[@]}" "FIELDWORK_DATA_DIR=$vault" "$exe" init --user researcher \
  --new-passphrase-file "$work/pp" >/dev/null || fail "fieldwork init"
ms_unlock=$(launch_gui "$vault" gui-unlock)
echo "check: launch to the unlock window: ${ms_unlock} ms"
echo "check: screenshots: $out/gui-first-run.png $out/gui-unlock.png"

{
  echo "selftest=passed"
  echo "first_run_ms_cold=$ms_first"
  echo "first_run_ms_warm=$ms_first2"
  echo "unlock_ms=$ms_unlock"
} >"$out/figures.txt"
echo "check: all passed"
