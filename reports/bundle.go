package reports

import (
	"sort"
	"strings"

	"github.com/tifa-project/tifa/clean"
)

// bundleMinHan is the number of Chinese characters each part of a bundle
// must hold: a list of titles or a table of contents is not a bundle.
const bundleMinHan = 200

// bundleTitleMax bounds, in characters, a line that introduces a part.
const bundleTitleMax = 80

// SplitBundle splits cleaned text holding several reports (a scraped page
// listing 篇1, 篇2 …) into its parts. Text holding one report comes back as
// a single part.
//
// A part is introduced by a marker line (see bundleMarker): a title ending
// in 篇N ("2023年政府部门工作汇报多篇篇1"), or a line that is 篇N, 范文N or
// 第N篇 alone (optionally in brackets, 篇N and 范文N optionally followed by
// "：" and a title), N in ASCII digits or Chinese numerals (第N篇 in digits
// only: 第一篇 heads a part of a plan). The text is split
// only at a run of at least two markers of one kind numbered 1, 2, 3 … in
// order (a marker numbered 1 starts a new run) whose parts all hold at
// least bundleMinHan Chinese characters — the longest such run, the later
// of two as long, so that a table of contents listing the parts is passed
// over; otherwise the text is a single report. Headings of a single report (一、, 第一篇 总体要求 …) are
// therefore never split on. The text before the first marker (the page's
// introduction) and the marker lines themselves are dropped; each part is
// trimmed.
func SplitBundle(text string) []string {
	lines := strings.Split(text, "\n")
	for _, run := range markerRuns(lines) {
		if parts := splitAt(lines, run); parts != nil {
			return parts
		}
	}
	return []string{text}
}

// splitAt cuts lines at the markers of run, or returns nil when a part is
// shorter than bundleMinHan Chinese characters.
func splitAt(lines []string, run []marker) []string {
	parts := make([]string, 0, len(run))
	for i, m := range run {
		end := len(lines)
		if i+1 < len(run) {
			end = run[i+1].line
		}
		part := strings.TrimSpace(strings.Join(lines[m.line+1:end], "\n"))
		if clean.HanCount(part) < bundleMinHan {
			return nil
		}
		parts = append(parts, part)
	}
	return parts
}

// marker is a line introducing a part of a bundle.
type marker struct {
	line int    // index of the line
	num  int    // its number N
	kind string // "suffix" (…篇N), "篇", "范文" or "第篇"
}

// markerRuns returns the runs of at least two markers of one kind numbered
// 1, 2, 3 … in the order of lines (a marker numbered 1 starts a new run),
// longest first and, among runs of equal length, the later first: a table
// of contents comes before the parts it lists.
func markerRuns(lines []string) [][]marker {
	open := map[string][]marker{}
	var runs [][]marker
	closeRun := func(r []marker) {
		if len(r) >= 2 {
			runs = append(runs, r)
		}
	}
	for i, l := range lines {
		m, ok := bundleMarker(l)
		if !ok {
			continue
		}
		m.line = i
		r := open[m.kind]
		switch {
		case m.num == 1:
			closeRun(r)
			r = []marker{m}
		case len(r) > 0 && m.num == r[len(r)-1].num+1:
			r = append(r, m)
		default:
			continue
		}
		open[m.kind] = r
	}
	for _, kind := range []string{"suffix", "篇", "范文", "第篇"} {
		closeRun(open[kind])
	}
	sort.SliceStable(runs, func(i, j int) bool {
		if len(runs[i]) != len(runs[j]) {
			return len(runs[i]) > len(runs[j])
		}
		return runs[i][0].line > runs[j][0].line
	})
	return runs
}

// bundleMarker reports whether line introduces a part of a bundle, and
// its number and kind.
func bundleMarker(line string) (marker, bool) {
	s := strings.TrimSpace(line)
	if s == "" || clean.MoreRunes(s, bundleTitleMax) {
		return marker{}, false
	}
	s = strings.TrimSpace(strings.Trim(s, "【】[]〔〕"))
	// 第N篇, alone, N in digits (第一篇 heads a part of a plan).
	if rest, ok := strings.CutPrefix(s, "第"); ok && rest != "" && '0' <= rest[0] && rest[0] <= '9' {
		if n, tail, ok := leadingNumber(rest); ok && tail == "篇" {
			return marker{num: n, kind: "第篇"}, true
		}
	}
	// 篇N / 范文N, alone or followed by a colon and a title.
	for _, kind := range []string{"篇", "范文"} {
		if rest, ok := strings.CutPrefix(s, kind); ok {
			if n, tail, ok := leadingNumber(rest); ok && (tail == "" || strings.IndexAny(tail, "：:】] ") == 0) {
				return marker{num: n, kind: kind}, true
			}
		}
	}
	// A title ending in 篇N.
	if i := strings.LastIndex(s, "篇"); i > 0 {
		if n, tail, ok := leadingNumber(s[i+len("篇"):]); ok && tail == "" {
			return marker{num: n, kind: "suffix"}, true
		}
	}
	return marker{}, false
}

// leadingNumber reads the number at the start of s — ASCII digits, or
// Chinese numerals up to 99 (一 … 九十九) — and returns it with the rest.
func leadingNumber(s string) (n int, rest string, ok bool) {
	d := len(s) - len(strings.TrimLeft(s, "0123456789"))
	if d > 0 {
		if d > 3 {
			return 0, s, false
		}
		for _, c := range s[:d] {
			n = n*10 + int(c-'0')
		}
		return n, s[d:], n > 0
	}
	d = len(s) - len(strings.TrimLeft(s, "一二三四五六七八九十"))
	if d == 0 {
		return 0, s, false
	}
	n, ok = hanNumber(s[:d])
	return n, s[d:], ok
}

// hanNumber parses a Chinese numeral from 1 to 99: 一 … 九, 十, 十一,
// 二十, 二十三.
func hanNumber(s string) (int, bool) {
	digit := func(r rune) int { return strings.IndexRune("零一二三四五六七八九", r) / 3 }
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		return digit(rs[0]), true
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit(rs[1]), rs[1] != '十'
	case len(rs) == 2 && rs[1] == '十':
		return 10 * digit(rs[0]), rs[0] != '十'
	case len(rs) == 3 && rs[1] == '十' && rs[0] != '十' && rs[2] != '十':
		return 10*digit(rs[0]) + digit(rs[2]), true
	}
	return 0, false
}
