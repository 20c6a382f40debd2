#!/usr/bin/env bash
# Set up everything and run the whole test suite: lint, types, import contracts, the core without Qt,
# then every test (real SQLCipher, PulseAudio virtual microphone, SFTP/WebDAV/S3 servers on 127.0.0.1,
# Qt offscreen). The tests start the services they need themselves.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
bash scripts/setup.sh test || { echo "test.sh: setup failed"; exit 1; }
export PATH="$here/.venv/bin:$PATH"
export FIELDWORK_KDF=fast FIELDWORK_TEST_SUITE=1 FIELDWORK_REQUIRE_AUDIO=1 FIELDWORK_REQUIRE_SERVERS=1 QT_QPA_PLATFORM=offscreen
export PYTHONDONTWRITEBYTECODE=1
fail=0
step() { echo "== $* ($(date +%T))"; }
# The editable install compiled the forms and translations; a .ui or .ts changed since is compiled again.
step "forms and translations"; python scripts/qtbuild.py build >/dev/null || fail=1
# The project's own modules compiled once: the tests start the command line in a fresh process hundreds of
# times, and with no bytecode written (PYTHONDONTWRITEBYTECODE) each would compile them again (0.1 s apiece).
step "bytecode"; python -m compileall -q -j 0 fieldwork_app tests scripts benchmarks >/dev/null || fail=1
# pyside6-lupdate over the sources: the .ts files must hold every translatable string as it is now.
step "translation sources current"; python scripts/qtbuild.py check-ts || fail=1
step "ruff";          ruff check fieldwork_app tests benchmarks scripts setup.py || fail=1
# mypy is strict on the core and the GUI alike (the forms pyside6-uic generates are left out).
step "mypy (core and GUI)"; mypy fieldwork_app/domain fieldwork_app/studypack fieldwork_app/vault fieldwork_app/audio \
  fieldwork_app/sync fieldwork_app/services fieldwork_app/cli fieldwork_app/errors.py fieldwork_app/paths.py \
  fieldwork_app/settings.py fieldwork_app/i18n.py fieldwork_app/log.py fieldwork_app/fsutil.py fieldwork_app/hardening.py \
  fieldwork_app/analysis \
  fieldwork_app/gui || fail=1
step "import contracts"; lint-imports || fail=1
# The tests run on every core (at most 4), one pytest-xdist worker each: every worker starts its own PulseAudio
# server and study-store servers (ports reserved per process, tests/support/servers.py); a module that builds one
# costly fixture for all its tests stays on one worker (xdist_group); tests marked `serial` run alone.
# FIELDWORK_TEST_WORKERS=1 runs them in one process.
workers="${FIELDWORK_TEST_WORKERS:-$(nproc)}"
[ "$workers" -gt 4 ] && workers=4
xdist=(-n "$workers" --dist loadgroup)
[ "$workers" -le 1 ] && xdist=(-n 0)
# The unit tests run here only, with PySide6 unimportable (none needs Qt: tests/support/noqt.py fails one that
# would be skipped for want of it); the last step runs every other test.
step "core without Qt"
python -m pytest -q -p no:pytest-qt -p tests.support.noqt "${xdist[@]}" tests/unit -p no:cacheprovider || fail=1
step "integration, GUI and packaging tests ($workers workers)"
pytest -q --durations=25 "${xdist[@]}" --ignore=tests/unit tests "$@"
rc=$?
if [ "$rc" = "5" ]; then echo "test.sh: no tests were collected"; rc=1; fi
[ "$rc" = "0" ] || fail=1
if [ "$fail" = "0" ]; then echo "test.sh: all checks passed"; else echo "test.sh: FAILED"; fi
exit "$fail"
