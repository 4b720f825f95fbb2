#!/usr/bin/env bash
# scale.sh [N] [DIR] — how tifa fares on N synthetic reports (default 20000, about 1 GB).
#
# Generates the reports with bench/gen into DIR (kept), or into a temporary folder (removed at the
# end unless KEEP=1); a DIR already holding a manifest.csv is reused as it is. Then times, each
# under /usr/bin/time -v (wall time and peak RSS):
#   tifa count + tifa trend                    target < 1 min together
#   tifa similar --space words --k 10          target < 5 min
#   tifa cluster --space words --k 8           target < 5 min
#   with a --cache flag in tifa: those run with --no-cache (cold), then similar on a fresh cache
#   (cold, then warm) and count and cluster warm
# every one with a peak RSS under 4 GB. Prints a table and says which targets were missed.
#
# Environment: CORPUS (the real corpus gen draws from, default ../shared/corpus), SEED (1),
# LIMIT (seconds after which a stage is stopped, default 1800), KEEP=1, TIFA (a tifa binary to
# time instead of building one from this tree). Needs Go and
# /usr/bin/time (apt-get install -y time). Exits 1 when a run failed (after timing the others).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-20000}
dir=${2:-}
corpus=${CORPUS:-$root/../shared/corpus}
limit=${LIMIT:-1800}

die() { echo "scale.sh: $*" >&2; exit 2; }
[[ $n =~ ^[0-9]+$ && $n -ge 1 ]] || die "N must be a positive number (got $n)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: apt-get install -y time"

work=$(mktemp -d "${TMPDIR:-/tmp}/tifa-scale.XXXXXX")
cleanup() { rm -rf "$work"; }
if [ -z "$dir" ]; then
	dir=$work/synth
	[ "${KEEP:-}" = 1 ] && cleanup() { echo "kept $work"; }
fi
trap cleanup EXIT
mkdir -p "$work/out"
times=$work/times.tsv # name, wall seconds, peak RSS in KB, status, CPU seconds (user + system)

# timed NAME CMD...: runs CMD under /usr/bin/time -v (stopped after $limit s), its stderr to
# $work/NAME.err, and records wall time, peak RSS and whether it finished. A CMD stopped by the
# limit is recorded; a failing one too (with its stderr), and the script exits 1 at the end.
failed=0
timed() {
	local name=$1 status=ok rc=0
	shift
	/usr/bin/time -v -o "$work/$name.time" timeout "$limit" "$@" >/dev/null 2>"$work/$name.err" || rc=$?
	if [ $rc = 124 ]; then
		status="stopped after ${limit} s"
	elif [ $rc != 0 ]; then
		status="failed, exit $rc$([ $rc = 137 ] && echo ': killed, out of memory?')"
		failed=1
		echo "scale.sh: $name failed (exit $rc): $*" >&2
		grep -v '^\s*Command' "$work/$name.err" | tail -5 >&2 || true
	fi
	awk -v n="$name" -v st="$status" -F': ' '
		/Elapsed \(wall clock\)/ { k = split($2, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i] }
		/(User|System) time \(seconds\)/ { cpu += $2 }
		/Maximum resident set size/ { rss = $2 }
		END { printf "%s\t%.1f\t%d\t%s\t%.1f\n", n, s, rss, st, cpu }' "$work/$name.time" >>"$times"
	printf '  %-14s %s\n' "$name" "$(tail -1 "$times" | awk -F'\t' '{ printf "%.1f s (%.1f s CPU), %.0f MB, %s", $2, $5, $3 / 1024, $4 }')"
}

echo "== building"
(cd "$root" && go build -o "$work/bin/gen" ./bench/gen)
tifa=${TIFA:-$work/bin/tifa}
[ -n "${TIFA:-}" ] || (cd "$root" && go build -o "$tifa" ./cmd/tifa)
commit=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(cd "$root" && git status --porcelain 2>/dev/null | grep -q . && echo " + uncommitted changes" || true)

if [ -f "$dir/manifest.csv" ]; then
	echo "== reusing $dir"
else
	echo "== generating $n reports into $dir"
	"$work/bin/gen" -corpus "$corpus" -n "$n" -out "$dir" -seed "${SEED:-1}"
fi
docs=$(($(wc -l <"$dir/manifest.csv") - 1))
mb=$(du -sm --apparent-size "$dir" | cut -f1)

when="$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== tifa $commit$dirty on $docs reports, $mb MB ($when)"
help=$("$tifa" similar --help)
nocache=() # with a cache (tifa --cache DIR), the main stages run without it, so each starts cold
grep -q -- --no-cache <<<"$help" && nocache=(--no-cache)
timed count "$tifa" count "$dir" "${nocache[@]}" -f csv -q -o "$work/out/count.csv"
timed trend "$tifa" trend "$dir" "${nocache[@]}" -f csv -q -o "$work/out/trend.csv"
timed similar "$tifa" similar "$dir" --space words --k 10 "${nocache[@]}" -f csv -q -o "$work/out/similar.csv"
timed cluster "$tifa" cluster "$dir" --space words --k 8 "${nocache[@]}" -f csv -q -o "$work/out/cluster.csv"
if grep -q -- '--cache ' <<<"$help"; then
	cache=(--cache)
	grep -qE -- '--cache (string|dir)' <<<"$help" && cache=(--cache "$work/cache")
	timed similar_cold "$tifa" similar "$dir" --space words --k 10 "${cache[@]}" -f csv -q -o "$work/out/similar_cold.csv"
	timed similar_warm "$tifa" similar "$dir" --space words --k 10 "${cache[@]}" -f csv -q -o "$work/out/similar_warm.csv"
	timed count_warm "$tifa" count "$dir" "${cache[@]}" -f csv -q -o "$work/out/count_warm.csv"
	timed cluster_warm "$tifa" cluster "$dir" --space words --k 8 "${cache[@]}" -f csv -q -o "$work/out/cluster_warm.csv"
fi

awk -F'\t' -v docs="$docs" -v mb="$mb" -v commit="$commit$dirty" -v when="$when" '
	{ s[$1] = $2; rss[$1] = $3; st[$1] = $4; cpu[$1] = $5 }
	function row(name, secs, c, mem, target, status,   ok) {
		ok = (status == "ok" && (target == "" || secs < target) && mem < 4 * 1024 * 1024) ? "ok" : "MISSED"
		if (status != "ok") ok = ok " (" status ")"
		printf "%-22s %9.1f %9.1f %9.0f %9s   %s\n", name, secs, c, mem / 1024, target == "" ? "–" : "< " target, ok
		if (ok != "ok") missed++
	}
	function stage(name, target) { row(name, s[name], cpu[name], rss[name], target, st[name]) }
	END {
		printf "\n== %d reports, %d MB, tifa %s (started %s)\n", docs, mb, commit, when
		printf "%-22s %9s %9s %9s %9s\n", "stage", "wall s", "CPU s", "RSS MB", "target s"
		stage("count", "")
		stage("trend", "")
		row("count + trend", s["count"] + s["trend"], cpu["count"] + cpu["trend"], rss["count"] > rss["trend"] ? rss["count"] : rss["trend"], 60, st["count"] == "ok" ? st["trend"] : st["count"])
		row("similar words k10", s["similar"], cpu["similar"], rss["similar"], 300, st["similar"])
		row("cluster words k8", s["cluster"], cpu["cluster"], rss["cluster"], 300, st["cluster"])
		if ("similar_warm" in s) {
			stage("similar_cold", "")
			stage("similar_warm", "")
			stage("count_warm", "")
			stage("cluster_warm", "")
		}
		printf "(targets: count + trend < 60 s, similar and cluster < 300 s each, peak RSS < 4096 MB; throughput of count: %.0f MB/s)\n", mb / (s["count"] > 0 ? s["count"] : 1)
		if (missed) printf "%d target(s) missed\n", missed
	}' "$times"
exit $failed
