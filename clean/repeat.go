package clean

// Repeated copies.

// repeatAnchors is how many of the first prose lines are tried as the
// start of a second copy.
const repeatAnchors = 3

// repeatRun is how many prose lines in a row must repeat, from an anchor,
// to take the rest for a copy.
const repeatRun = 5

// repeatShare is the share of the prose lines after the cut that must
// also stand before it.
const repeatShare = 0.8

// DropRepeat removes a second copy of the text: a scraped page may hold
// the whole report twice (the page and its print or mobile view), with the
// site's footer and link lists between the two. A copy is taken to start
// where one of the first repeatAnchors prose lines (a line of at least 30
// Chinese characters with a comma or full stop, see isProse) comes again,
// after the first run, followed by the same repeatRun − 1 prose lines as
// the first time, all of them different. The
// text is cut after the last prose line before that point — dropping the
// footer between the copies, the copy and whatever follows it — but only
// when at least repeatShare of the prose lines after the cut also stand
// before it. Texts without such a repeat come back unchanged. It returns
// the text and the number of Chinese characters dropped (0: none).
func DropRepeat(text string) (string, int) {
	lines := splitLines(text)
	var prose []int // indices of prose lines
	for i, l := range lines {
		if isProse(l) {
			prose = append(prose, i)
		}
	}
	if len(prose) < 2*repeatRun {
		return text, 0
	}
	for a := range min(repeatAnchors, len(prose)) {
		if !distinctRun(lines, prose[a:a+repeatRun]) {
			continue
		}
		for b := a + repeatRun; b+repeatRun <= len(prose); b++ {
			if !sameRun(lines, prose[a:], prose[b:], repeatRun) {
				continue
			}
			cut := prose[b-1] + 1
			if !mostlyRepeated(lines, prose[:b], prose[b:]) {
				break // the anchor repeats, the rest does not: not a copy
			}
			kept := joinLines(lines[:cut])
			return kept, HanCount(text) - HanCount(kept)
		}
	}
	return text, 0
}

// distinctRun reports whether the lines listed in run all differ: a
// paragraph repeated in a row is filler, not the start of a copy.
func distinctRun(lines []string, run []int) bool {
	seen := make(map[string]bool, len(run))
	for _, i := range run {
		if seen[lines[i]] {
			return false
		}
		seen[lines[i]] = true
	}
	return true
}

// sameRun reports whether the first n prose lines listed in x and in y
// are equal, line by line.
func sameRun(lines []string, x, y []int, n int) bool {
	for k := range n {
		if lines[x[k]] != lines[y[k]] {
			return false
		}
	}
	return true
}

// mostlyRepeated reports whether at least repeatShare of the prose lines
// listed in after also stand among those listed in before.
func mostlyRepeated(lines []string, before, after []int) bool {
	seen := make(map[string]bool, len(before))
	for _, i := range before {
		seen[lines[i]] = true
	}
	hit := 0
	for _, i := range after {
		if seen[lines[i]] {
			hit++
		}
	}
	return float64(hit) >= repeatShare*float64(len(after))
}
