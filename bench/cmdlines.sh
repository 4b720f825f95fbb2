#!/usr/bin/env bash
# cmdlines.sh — how cmd/tifa's non-test lines split: help text, import lines, flag declarations, the rest.
#
# Usage: bench/cmdlines.sh [DIR]   (default: cmd/tifa)
#   help     lines inside the raw-string help (Long: `…`, const …Long = `…`, Example) and Short/Example/Use lines
#   imports  the import blocks (import ( … ) and single import lines)
#   flags    lines declaring a flag (f.StringVar, cmd.Flags().…Var, pf.…, .Lookup(…).NoOptDefVal/Usage/DefValue)
#   rest     everything else: types, wiring, checks, comments and blank lines
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-cmd/tifa}
files=$(ls "$dir"/*.go | grep -v '_test\.go$')
awk '
FNR == 1 { inraw = 0; inimp = 0 }
{
	line = $0
	kind = "rest"
	if (inimp) {
		kind = "imports"
		if (line ~ /^\)/) inimp = 0
	} else if (inraw) {
		kind = "help"
		if (line ~ /`/) inraw = 0
	} else if (line ~ /^import \(/) {
		kind = "imports"; inimp = 1
	} else if (line ~ /^import /) {
		kind = "imports"
	} else if (line ~ /(Long|Example|Short|Use):[ \t]*`/ || line ~ /^const [A-Za-z]+ = `/ || line ~ /^[ \t]*[A-Za-z]+Long[ \t]*=[ \t]*`/) {
		kind = "help"
		n = gsub(/`/, "`", line)
		if (n % 2 == 1) inraw = 1
	} else if (line ~ /^[ \t]*(Short|Example|Use):/) {
		kind = "help"
	} else if (line ~ /(^[ \t]*(f|pf)\.|Flags\(\)\.)[A-Za-z0-9]*(Var|VarP|P)?\(/ || line ~ /\.(NoOptDefVal|Usage|DefValue)[ ,=]/ || line ~ /MarkDeprecated|MarkHidden/) {
		kind = "flags"
	}
	count[kind]++
	total++
}
END {
	printf "%-8s %5d\n", "help", count["help"]
	printf "%-8s %5d\n", "imports", count["imports"]
	printf "%-8s %5d\n", "flags", count["flags"]
	printf "%-8s %5d\n", "rest", count["rest"]
	printf "%-8s %5d\n", "total", total
}' $files
