#!/bin/sh
# Runs a test the way a planner's desktop has it: in its own D-Bus session, with GNOME Keyring's
# Secret Service started and its login keyring unlocked, in a temporary home (keyring files and
# settings) that is removed afterwards. Fails, saying why, when dbus-run-session or
# gnome-keyring-daemon is missing (scripts/install-deps.sh installs them): never a skip.
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with_keyring.sh: $tool is not installed (scripts/install-deps.sh)" >&2; exit 1; }
done
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
# The daemon asks for the login keyring's password on stdin and creates the keyring with it.
dbus-run-session -- sh -c 'printf %s xiuhua-keyring-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' \
  with_keyring "$@"
