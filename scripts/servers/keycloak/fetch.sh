#!/usr/bin/env bash
# Fetches the Keycloak server distribution from Maven Central once, unpacked into the ignored .cache/servers/keycloak/dist.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
CACHE="$ROOT/.cache/servers/keycloak"
DIST="$CACHE/dist"
HERE="$ROOT/scripts/servers/keycloak"

# The marker is written last, so a fetch cut short is done again rather than trusted.
if [[ -f "$DIST/.complete" && "$DIST/.complete" -nt "$HERE/pom.xml" ]]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "fetch.sh: Maven (mvn) is required to fetch Keycloak" >&2; exit 1; }
rm -rf "$DIST" "$CACHE/archive"
mkdir -p "$DIST" "$CACHE/archive"
echo "fetch.sh: fetching the Keycloak distribution from Maven Central into $DIST" >&2
# outputDirectory must be absolute: Maven resolves a relative one against the pom's folder.
mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy -DoutputDirectory="$CACHE/archive"
# GNU tar, not dependency:unpack: Maven's unarchiver truncates the archive's long (PAX) file names.
tar -xzf "$CACHE"/archive/keycloak-quarkus-dist-*.tar.gz -C "$DIST"
rm -rf "$CACHE/archive"
shopt -s nullglob
homes=("$DIST"/keycloak-*/bin/kc.sh)
((${#homes[@]} == 1)) || { echo "fetch.sh: expected one keycloak-*/bin/kc.sh in $DIST, found ${#homes[@]}" >&2; exit 1; }
touch "$DIST/.complete"
