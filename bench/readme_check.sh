#!/usr/bin/env bash
# readme_check.sh — do two builds of tifa print the same bytes for the README's commands?
#
# Usage: bench/readme_check.sh [BASE [NEW]]
#   BASE  a git revision (default: HEAD)
#   NEW   a git revision (default: the working tree, uncommitted changes included)
#
# Builds tifa at both, runs the commands of the README's examples (and one of each command and
# output format besides) on ../shared/corpus with --no-cache and a fixed SOURCE_DATE_EPOCH, and
# compares every byte each run writes: standard output, standard error, the exit status and every
# file it writes (-o, --events, --as-lexicon, --plot). Prints a line per command and a summary;
# exits 1 when an output differs, 0 when all are the same, and 0 with "skipped" when
# ../shared/corpus is not beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(cd .. && pwd)/shared/corpus
if [ ! -f "$corpus/manifest.csv" ]; then
	echo "readme_check: skipped: $corpus is not present"
	exit 0
fi
base=${1:-HEAD}
new=${2:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/readme_check.XXXXXX")
trap 'rm -rf "$work"' EXIT

# build NAME REV: tifa at REV (the working tree when REV is empty) into $work/NAME/tifa.
build() {
	mkdir -p "$work/$1"
	if [ -z "$2" ]; then
		go build -o "$work/$1/tifa" ./cmd/tifa
		echo "built $1: the working tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ', with changes'))"
		return
	fi
	local rev
	rev=$(git rev-parse --short "$2^{commit}")
	mkdir -p "$work/src-$1"
	git archive "$rev" | tar -x -C "$work/src-$1"
	(cd "$work/src-$1" && go build -o "$work/$1/tifa" ./cmd/tifa)
	echo "built $1: $rev"
}
build base "$base"
build new "$new"

# The commands, one a line, tab-free; C is the corpus. The README's examples first.
C=$corpus
commands=$(cat <<EOF
docs $C -f csv -o docs.csv
trend $C/national --wide --value mentions -f csv --slogan 科学发展观 --slogan 新常态 --slogan 供给侧结构性改革 --slogan 乡村振兴 --slogan 六稳 --slogan 新质生产力
compare $C/national --a year=2013..2017 --b year=2021..2025 --top 6 -f md
similar $C/provincial --by region --k 2 -f md
cluster $C/provincial --by region --k auto -f md
similar $C/hebei_baoding --space words -f csv
trend $C/national --where year=1990.. --slogan 科学发展观 --slogan 新常态 --slogan 供给侧结构性改革 --slogan 乡村振兴 --value mentions --plot trend.svg -f csv
diffusion $C/hebei_baoding $C/national --slogan 乡村振兴 --slogan 河长制 --slogan 营商环境 --plot diffusion.svg -f csv
similar $C/provincial --by region --plot similar.svg -f csv
cluster $C/provincial --by region --k auto --plot map.svg -f csv
cluster $C/hebei_baoding --by region --method average --k 3 --plot tree.svg -f csv
compare $C/national --a year=2013..2017 --b year=2021..2025 --top 25 --plot keyness.svg -f csv
report $C/hebei_baoding -o hebei.html
count $C -f csv
count $C --wide --section plan -f tsv --bom
count $C/national --provenance -o counts.xlsx
trend $C --by level --top 10 -f json --provenance
kwic $C/national 新常态 -f csv
terms $C/provincial --by region -f csv
cluster $C/provincial --by region --method ward --k 4 --table members,profile,terms,tree -f csv
diffusion $C --table curve --top 5 -f csv --events events.csv
diffusion $C --table regions --top 5 -f csv
targets $C -f csv
targets $C/national --headline -f csv
discover $C -f csv --as-lexicon discovered.txt
reuse $C -f csv
reuse $C --passages --against level=national --same-year --top 20 -f csv
lexicon list -f csv
demo -f md
EOF
)

export SOURCE_DATE_EPOCH=1700000000 # provenance and xlsx dates
n=0 same=0 differ=0
while IFS= read -r line; do
	[ -z "$line" ] && continue
	n=$((n + 1))
	read -r -a args <<<"$line"
	case ${args[0]} in
	lexicon | demo) ;;
	*) args+=(--no-cache) ;;
	esac
	times=""
	for b in base new; do
		dir="$work/out-$b/$n"
		mkdir -p "$dir"
		start=$(date +%s%N)
		status=0
		(cd "$dir" && "$work/$b/tifa" "${args[@]}" >stdout 2>stderr) || status=$?
		echo "$status" >"$dir/status"
		tenths=$((($(date +%s%N) - start) / 100000000))
		times+=" $b $((tenths / 10)).$((tenths % 10))s"
	done
	shown=${line//$C/C}
	if diff -r "$work/out-base/$n" "$work/out-new/$n" >/dev/null; then
		same=$((same + 1))
		out="$work/out-new/$n"
		files=$(cd "$out" && ls | grep -vx 'status\|stderr\|stdout' | tr '\n' ' ' || true)
		printf 'same     tifa %s  [exit %s, stdout %s B, stderr %s B%s;%s]\n' "$shown" "$(cat "$out/status")" \
			"$(wc -c <"$out/stdout")" "$(wc -c <"$out/stderr")" "${files:+, files ${files% }}" "$times"
	else
		differ=$((differ + 1))
		printf 'DIFFERS  tifa %s  [%s]\n' "$shown" "$times"
		diff -r "$work/out-base/$n" "$work/out-new/$n" | head -20 | sed 's/^/         /'
	fi
done <<<"$commands"
echo "readme_check: $n commands on $corpus (C above), base $base against ${new:-the working tree}: $same same, $differ differ"
[ "$differ" -eq 0 ]
