#!/usr/bin/env bash
# Check: the same precis-spark.jar (built against Spark 3.5) on other Spark versions, in local mode.
#
# For each Spark given, runs precis-spark predict and eval on the same file with that Spark's jars
# (bin/precis-spark --spark-lib) and compares them with precis predict and precis eval: the scores
# on every row byte for byte (six decimals, as precis prints them) and every figure of the eval
# report (bench/eval_diff.py, to 1e-9). Prints each run's wall time, rows/s over the wall and the
# job's own rows/s (from the predict summary). Exits 1 when any output differs.
#
# A Spark is a folder of its jars (a distribution's $SPARK_HOME/jars), or a version, whose
# spark-sql_2.13 jars Maven copies from Maven Central into WORK/spark-VERSION-lib on first use;
# "build" is the Spark the jar was built against (target/spark/target/spark-lib), the default.
#
# usage: bench/spark-versions.sh [--copies 25] [--master local[2]] [--work DIR] [SPARK ...]
#   e.g. bench/spark-versions.sh build 4.0.4 4.2.0
#        bench/spark-versions.sh --copies 1 build /opt/spark-4.0.1/jars
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
copies=25 master="local[2]" work=${TMPDIR:-/tmp}/precis-bench sparks=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --copies) copies=$2; shift 2 ;; --master) master=$2; shift 2 ;; --work) work=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) sparks+=("$1"); shift ;;
  esac
done
[[ ${#sparks[@]} -gt 0 ]] || sparks=(build)
source "$root/bench/lib.sh"
need_time
spark="$root/bin/precis-spark"
mkdir -p "$work"

# spark_lib SPARK: prints the folder of that Spark's jars, copying a version's from Maven Central.
spark_lib() {
  if [[ $1 == build ]]; then
    echo "$root/target/spark/target/spark-lib"
  elif [[ -d $1 ]]; then
    echo "$1"
  else
    local lib="$work/spark-$1-lib"
    if [[ ! -d $lib ]]; then
      echo "copying Spark $1's jars into $lib (Maven, from Maven Central)" >&2
      mkdir -p "$work/spark-$1-pom"
      cat > "$work/spark-$1-pom/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-jars</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.spark</groupId><artifactId>spark-sql_2.13</artifactId><version>$1</version>
    </dependency>
  </dependencies>
</project>
EOF
      mvn -q -B -Dstyle.color=never -f "$work/spark-$1-pom/pom.xml" \
        org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
        -DoutputDirectory="$lib.tmp" 2>&1 | sed 's/\x1b\[0m//g' >&2
      mv "$lib.tmp" "$lib"
    fi
    echo "$lib"
  fi
}

data="$root/sample-data/bank/bank-additional-full.csv"
big=$(bank_copies "$copies" "$work")
rows=$(($(wc -l < "$big") - 1))
model="$work/spark-versions.precis"
"$precis" train --config "$root/sample-data/bank/bank.yaml" --data "$data" --model logistic \
  --out "$model" --force --quiet
"$spark" --help >/dev/null   # builds precis-spark.jar if needed, so the build is not timed
libs=()
for s in "${sparks[@]}"; do libs+=("$(spark_lib "$s")"); done

rate() { awk -v r="$rows" -v s="$1" 'BEGIN { printf "%.0f", r / s }'; }
echo "$rows rows, logistic, $(nproc) cores here, Spark master $master"
timed "$work/precis-predict.time" "$precis" predict --model "$model" --data "$big" \
  --out "$work/precis-scores.csv" --force --quiet
printf '  %-22s predict %6.1f s %8s rows/s' "precis" "$wall" "$(rate "$wall")"
timed "$work/precis-eval.time" "$precis" eval --model "$model" --data "$big" \
  --out "$work/precis-eval.json" --force --quiet || true
printf '   eval %6.1f s %8s rows/s\n' "$wall" "$(rate "$wall")"

failed=0
for i in "${!libs[@]}"; do
  lib=${libs[$i]} out="$work/spark-${i}-scores"
  timed "$work/spark-$i-predict.time" "$spark" --master "$master" --spark-lib "$lib" predict \
    --model "$model" --data "$big" --out "$out" --force 2>/dev/null
  version=$(json "$out.summary.json" 'd["spark_version"]')
  job=$(json "$out.summary.json" 'd["rows_per_second"]')
  printf '  %-22s predict %6.1f s %8s rows/s' "precis-spark $version" "$wall" "$(rate "$wall")"
  timed "$work/spark-$i-eval.time" "$spark" --master "$master" --spark-lib "$lib" eval \
    --model "$model" --data "$big" --out "$work/spark-$i-eval.json" --force >/dev/null 2>&1 || true
  printf '   eval %6.1f s %8s rows/s   (predict job alone %.0f rows/s)\n' "$wall" \
    "$(rate "$wall")" "$job"
  if cmp -s <(tail -n +2 "$work/precis-scores.csv") \
    <(for part in "$out"/part-*.csv; do tail -n +2 "$part"; done); then
    echo "    scores: identical to precis predict's on all $rows rows"
  else
    echo "    scores: DIFFER (compare $work/precis-scores.csv with $out/)"
    failed=1
  fi
  /usr/bin/python3 "$root/bench/eval_diff.py" "$work/precis-eval.json" "$work/spark-$i-eval.json" \
    | sed 's/^  /    eval: /' || failed=1
done
exit "$failed"
