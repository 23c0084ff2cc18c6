#!/bin/sh
# The dev container's start command (postAttachCommand): the site and the web editor, as
# `make edit` runs them, reachable at the address a Codespace forwards port 8000 to.
# That address is a host name the editor's back end must accept: KIN_EDIT_ALLOWED_HOSTS.
set -eu
cd "$(dirname "$0")/.."
if [ -n "${CODESPACE_NAME:-}" ] && [ -n "${GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN:-}" ]; then
    host="$CODESPACE_NAME-8000.$GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN"
    KIN_EDIT_ALLOWED_HOSTS="$host${KIN_EDIT_ALLOWED_HOSTS:+,$KIN_EDIT_ALLOWED_HOSTS}"
    export KIN_EDIT_ALLOWED_HOSTS
    address="https://$host"
else
    address="http://127.0.0.1:8000"
fi
# Once the site answers, print where the editor is (the forwarded port opens at the site's root).
python3 .devcontainer/announce.py "$$" "$address" &
exec make edit
