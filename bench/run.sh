#!/usr/bin/env bash
# Runs every benchmark, each in a JVM of its own, and prints their tables.
#   bash bench/run.sh            all benchmarks with their default sizes
#   bash bench/run.sh quick      smaller sizes, for a first look
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -q install -DskipTests
mvn -B -q -Pbench -pl bench package -DskipTests
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
dist="$(ls -d "$root"/distribution/target/tilskudd-*/ | grep -v zip | head -n 1)"
quick=${1:-}
run() { echo; echo "== $1 (${2})"; shift 2; java "$@"; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | sed -n 1p)"
run HostBenchmark "default heap" -cp "$cp" no.tilskudd.bench.HostBenchmark "$dist" 50 ${quick:+10}
run HostBenchmark "default heap" -cp "$cp" no.tilskudd.bench.HostBenchmark "$dist" 250 ${quick:+10}
run ValidationBenchmark "1 GB heap" -Xmx1g -cp "$cp" no.tilskudd.bench.ValidationBenchmark ${quick:+50000}
run IndicatorBenchmark "2 GB heap" -Xmx2g -cp "$cp" no.tilskudd.bench.IndicatorBenchmark ${quick:+200000}
for b in XlsxExportBenchmark PdfExportBenchmark TemplateImportBenchmark; do
  if [ -f "bench/src/main/java/no/tilskudd/bench/$b.java" ]; then
    run "$b" "see its header" -Xmx1g -cp "$cp" "no.tilskudd.bench.$b"
  fi
done
