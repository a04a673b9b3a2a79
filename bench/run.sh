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
# Indicators in the store, on H2 and on PostgreSQL (a server of the benchmark's own, see PgServer): the data is
# loaded by one JVM, the measuring JVMs get 256 MB of heap. PostgreSQL needs Debian's package postgresql.
ind="$(mktemp -d)"
big=1000000; imports=10000
if [ -n "$quick" ]; then big=100000; imports=2000; fi
for db in h2 postgresql; do
  run "IndicatorBenchmark $db load" "3 GB heap" -Xmx3g -cp "$cp" no.tilskudd.bench.IndicatorBenchmark $db load "$ind/$db-big" $big
  run "IndicatorBenchmark $db goals" "256 MB heap" -Xmx256m -cp "$cp" no.tilskudd.bench.IndicatorBenchmark $db goals "$ind/$db-big" $big
  run "IndicatorBenchmark $db load" "3 GB heap" -Xmx3g -cp "$cp" no.tilskudd.bench.IndicatorBenchmark $db load "$ind/$db-100k" 100000
  run "IndicatorBenchmark $db report" "256 MB heap" -Xmx256m -cp "$cp" no.tilskudd.bench.IndicatorBenchmark $db report "$ind/$db-100k" 100000
  if [ "$db" = postgresql ]; then
    # The same report through the console: bin/tilskudd serve of the distribution on that database, over HTTP.
    run "ConsolePageBenchmark" "host as bin/tilskudd starts it" -cp "$cp" no.tilskudd.bench.ConsolePageBenchmark "$dist" "$ind/$db-100k" 100000
  fi
  run "IndicatorBenchmark $db each" "256 MB heap" -Xmx256m -cp "$cp" no.tilskudd.bench.IndicatorBenchmark $db each "$ind/$db-100k" 100000
  run "ImportBenchmark $db" "1 GB heap" -Xmx1g -cp "$cp" no.tilskudd.bench.ImportBenchmark $db $imports 1000 "$ind/import-$db"
done
rm -rf "$ind"
for b in XlsxExportBenchmark PdfExportBenchmark TemplateImportBenchmark; do
  if [ -f "bench/src/main/java/no/tilskudd/bench/$b.java" ]; then
    run "$b" "see its header" -Xmx1g -cp "$cp" "no.tilskudd.bench.$b"
  fi
done
