#!/bin/sh
# Runs store's real Secret Service tests (build tag "keyring") against
# gnome-keyring on a private D-Bus session, so they never touch the user's
# own keyring. Needs gnome-keyring, libsecret-tools and dbus-user-session
# (not dbus-x11, which lets go-keyring start stray daemons):
#   apt-get install -y gnome-keyring libsecret-tools dbus-user-session
set -eu
cd "$(dirname "$0")/.."

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
	command -v "$tool" >/dev/null || { echo "keyring-tests: $tool is missing; install gnome-keyring and dbus-user-session" >&2; exit 1; }
done

# A fresh data dir every run: an old login collection would stay locked.
data_home=$(mktemp -d)
trap 'rm -rf "$data_home"' EXIT INT TERM

XDG_DATA_HOME=$data_home dbus-run-session -- sh -c '
	set -u
	printf %s test | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
	daemon=$!
	owned=false
	for _ in $(seq 100); do
		if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
			org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
			owned=true
			break
		fi
		sleep 0.1
	done
	if [ "$owned" != true ]; then
		echo "keyring-tests: gnome-keyring did not take org.freedesktop.secrets within 10s" >&2
		kill "$daemon" 2>/dev/null
		exit 1
	fi
	status=0
	MPS_TEST_KEYRING_PID=$daemon go test -race -count=1 -tags keyring ${KEYRING_TEST_FLAGS:-} ./store/... || status=$?
	kill "$daemon" 2>/dev/null
	wait "$daemon" 2>/dev/null
	exit "$status"
'
