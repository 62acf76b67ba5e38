#!/usr/bin/env bash
# Fetches the Kafka broker's jars from Maven Central once into the ignored .cache/servers/kafka/lib.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
LIB="$ROOT/.cache/servers/kafka/lib"
HERE="$ROOT/scripts/servers/kafka"

# The marker is written last, so a fetch cut short is done again rather than trusted.
if [[ -f "$LIB/.complete" && "$LIB/.complete" -nt "$HERE/pom.xml" ]]; then
  exit 0
fi
command -v mvn >/dev/null || { echo "fetch.sh: Maven (mvn) is required to fetch the Kafka broker" >&2; exit 1; }
command -v java >/dev/null || { echo "fetch.sh: Java 17+ is required to run the Kafka broker" >&2; exit 1; }
rm -rf "$LIB"
mkdir -p "$LIB"
echo "fetch.sh: fetching Apache Kafka jars from Maven Central into $LIB" >&2
# outputDirectory must be absolute: Maven resolves a relative one against the pom's folder.
mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB" -DincludeScope=runtime
touch "$LIB/.complete"
