# Source this file (as root, on a fresh Debian machine) to get a real headless
# browser for marsad's end-to-end web tests: it installs Debian's `chromium`
# and the Noto Arabic fonts with apt-get when they are missing, makes sure the Python
# `playwright` package (the driver only) is importable in .venv, and exports
# MARSAD_CHROMIUM for tests/web/browser.
#
#   . .ci/chromium.sh && .venv/bin/pytest tests/web/browser
#
# Playwright's own browser download (`playwright install`) is never run: the
# tests launch Debian's binary through its executable path, so nothing but
# the package registries is reached.

marsad_chromium_setup() {
    local chromium=/usr/bin/chromium
    local missing=()
    [ -x "$chromium" ] || missing+=(chromium)
    # The UI's stylesheet names Noto Naskh/Sans Arabic: without them the
    # screenshots show a fallback face, not what a reader's system would.
    [ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)
    if [ "${#missing[@]}" -gt 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
    fi
    # make test installs .[dev], which names playwright; this covers a .venv
    # that already existed before playwright joined the dev extra (make only
    # reinstalls when pyproject.toml is newer than .venv/bin/marsad).
    if [ -x .venv/bin/python ] && ! .venv/bin/python -c 'import playwright' 2>/dev/null; then
        .venv/bin/pip install --quiet playwright || return 1
    fi
    export MARSAD_CHROMIUM="$chromium"
    echo "Chromium ready: MARSAD_CHROMIUM=$MARSAD_CHROMIUM ($("$chromium" --version 2>/dev/null))" >&2
}

marsad_chromium_setup
