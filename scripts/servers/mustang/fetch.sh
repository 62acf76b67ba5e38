#!/usr/bin/env bash
# Fetches Mustang's command line (the Factur-X / ZUGFeRD / EN 16931 validator, VeraPDF inside) from Maven Central
# once, into the ignored .cache/servers/mustang/, checked by its SHA-256. Prints the jar's path on stdout.
#
#   jar="$(bash scripts/servers/mustang/fetch.sh)"
#   java -jar "$jar" --action validate --no-notices --disable-file-logging --source facture.pdf
#
# Environment: MUSTANG_JAR  a jar already on this machine (then nothing is fetched).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
VERSION="2.26.0"
SHA256="42d7868cb68264874a7b8cab4c3587b03b23ccc7cd72373da917f66758bb9736"
CACHE="$ROOT/.cache/servers/mustang"
JAR="$CACHE/Mustang-CLI-$VERSION.jar"
URL="https://repo1.maven.org/maven2/org/mustangproject/Mustang-CLI/$VERSION/Mustang-CLI-$VERSION.jar"

if [[ -n "${MUSTANG_JAR:-}" ]]; then
  [[ -f "$MUSTANG_JAR" ]] || { echo "fetch.sh: MUSTANG_JAR=$MUSTANG_JAR is not a file" >&2; exit 1; }
  echo "$MUSTANG_JAR"
  exit 0
fi
checked() { [[ -f "$1" ]] && echo "$SHA256  $1" | sha256sum --check --status; }
if ! checked "$JAR"; then
  command -v curl >/dev/null || { echo "fetch.sh: curl is required to fetch Mustang" >&2; exit 1; }
  mkdir -p "$CACHE"
  echo "fetch.sh: fetching Mustang-CLI $VERSION from Maven Central into $CACHE" >&2
  # Into a temporary name, moved once checked: a fetch cut short is never trusted.
  curl -fsSL --retry 3 -o "$JAR.part" "$URL"
  checked "$JAR.part" || { rm -f "$JAR.part"; echo "fetch.sh: $URL does not have the expected SHA-256" >&2; exit 1; }
  mv "$JAR.part" "$JAR"
fi
echo "$JAR"
