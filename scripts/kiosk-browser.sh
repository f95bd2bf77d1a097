#!/usr/bin/env bash
# Starts Chromium full screen on the kiosk's address, for a Linux kiosk (see docs/kiosk-setup.md).
#
#   scripts/kiosk-browser.sh [URL]
#
# URL: the first argument, else $KIOSK_URL, else http://localhost:$KIOSK_PORT/ (npm start's
# kiosk port, 4173).
#
# The profile. The kiosk's own origin keeps its undelivered logs and its enrollment in
# IndexedDB, so a profile thrown away at every start would lose both at every reboot. By
# default the profile therefore persists (KIOSK_PROFILE=persistent, in $KIOSK_PROFILE_DIR,
# default ~/.local/share/hjalppunkt-kiosk/profile), and what may go is thrown away: each start
# gets a fresh scratch directory (mktemp -d) for the disk cache and crash dumps, removed on
# exit. Other sites' cookies and site data go through the browser's policies (DefaultCookiesSetting
# 4 with CookiesAllowedForUrls for the kiosk, in docs/kiosk-setup.md), at the nightly restart.
# KIOSK_PROFILE=throwaway puts the whole profile in the scratch directory: for demos, tests and
# a kiosk that is not enrolled, never for one whose logs matter.
#
# KIOSK_HEADLESS=1 adds --headless --no-sandbox and a DevTools port on 127.0.0.1
# ($KIOSK_DEBUG_PORT, default 9222), so a test can drive it. Never on a real kiosk: the
# DevTools port would let anyone on the machine control the browser.
# CHROMIUM_PATH names the browser; otherwise chromium, chromium-browser or google-chrome.
set -euo pipefail

url="${1:-${KIOSK_URL:-http://localhost:${KIOSK_PORT:-4173}/}}"

browser="${CHROMIUM_PATH:-}"
if [[ -z "$browser" ]]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then
      browser="$(command -v "$candidate")"
      break
    fi
  done
fi
if [[ -z "$browser" || ! -x "$browser" ]]; then
  echo "kiosk-browser: no Chromium found; install it (Debian: apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 127
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/hjalppunkt-kiosk.XXXXXXXX")"
case "${KIOSK_PROFILE:-persistent}" in
  persistent)
    profile="${KIOSK_PROFILE_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/hjalppunkt-kiosk/profile}"
    mkdir -p "$profile"
    ;;
  throwaway)
    profile="$scratch/profile"
    ;;
  *)
    echo "kiosk-browser: KIOSK_PROFILE must be persistent or throwaway" >&2
    rm -rf "$scratch"
    exit 2
    ;;
esac

child=""
cleanup() {
  # Chromium still writes to its profile while it closes: wait for it before removing anything.
  if [[ -n "$child" ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  # Its helper processes (storage, network) can outlive the browser by a moment and write a
  # last file while the folder is being removed ("Directory not empty"): try again briefly.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    rm -rf "$scratch" 2>/dev/null && [[ ! -e "$scratch" ]] && break
    sleep 0.2
  done
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP

flags=(
  --kiosk
  "--user-data-dir=$profile"
  "--disk-cache-dir=$scratch/cache"
  "--crash-dumps-dir=$scratch/crashes"
  --no-first-run
  --no-default-browser-check
  --noerrdialogs
  --disable-infobars
  --hide-crash-restore-bubble
  --disable-session-crashed-bubble
  --disable-translate
  --disable-features=TranslateUI,Translate
  --disable-pinch
  --overscroll-history-navigation=0
  --disable-sync
  --password-store=basic
  # A year: the kiosk's browser is updated by the system's packages, never by a prompt.
  --check-for-update-interval=31536000
)
if [[ "${KIOSK_HEADLESS:-0}" == "1" ]]; then
  flags+=(
    --headless
    --no-sandbox
    --disable-gpu
    --disable-quic
    --disable-background-networking
    --disable-component-update
    "--remote-debugging-address=127.0.0.1"
    "--remote-debugging-port=${KIOSK_DEBUG_PORT:-9222}"
  )
fi

echo "kiosk-browser: $url (profile: ${KIOSK_PROFILE:-persistent}, scratch: $scratch)" >&2
"$browser" "${flags[@]}" "$url" &
child=$!
# `wait` returns early when a trapped signal arrives; the EXIT trap then stops the browser.
wait "$child"
