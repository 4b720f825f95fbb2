package lexicon

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"
)

// Matcher finds every mention of every entry of a lexicon in a text, in one
// pass, with an Aho–Corasick automaton over the bytes of the UTF-8 text.
// Build it with Lexicon.Matcher; it is safe for concurrent use.
//
// Matching is exact on bytes, so case-sensitive: the text should be
// normalised the way forms are (see Normalize; the report cleaner does so).
// The automaton's patterns are the spellings of the forms (a compound
// form's variants), and the scan skips quotation marks (markAt), so a
// pattern matches across them; a mention's Start and End still enclose
// exactly its characters in the text as written. Since every form is
// valid UTF-8 and a mark is skipped only after a whole rune, a form can
// only match at rune boundaries, even in a text with invalid bytes. A form that starts (ends)
// with an ASCII letter or digit does not match right after (before) another
// one: "PPP" is not found in "PPPoE", nor "5G" in "15G".
//
// The exclusions of the entries (Entry.Exclude) are patterns of the same
// automaton, found by the same rules; an occurrence of a form lying inside
// an occurrence of one of its entry's exclusions is dropped before the
// mentions are chosen. Exclusions never make mentions of their own.
type Matcher struct {
	// Patterns are the distinct forms and exclusions.
	patEntry []int32 // pattern → entry whose form it is, or -1 (an exclusion only)
	patLen   []int32 // pattern → length in bytes
	patFlag  []uint8 // pattern → alnumStart|alnumEnd (where it needs a word boundary) | exclusion
	exclOff  []int32 // entries that pattern p is an exclusion of: exclEnt[exclOff[p]:exclOff[p+1]]
	exclEnt  []int32
	excluded []int32 // the entries that have exclusions

	// class maps a byte to its column (0 for the bytes no form uses),
	// plus markLead for the bytes a quotation mark starts with.
	class [256]uint16
	ncls  int // number of columns

	// States are numbered breadth first, so a state's failure state has a
	// smaller number. States [0, ndense) have a dense row of the full
	// transition function (dense[s*ncls+c]); the deeper ones keep only
	// their trie edges and fall back along their failure links, which end
	// in a dense state after a few steps. The rows are uint16 when the states fit, int32 otherwise: the
	// smaller table stays in the CPU caches.
	ndense  int32
	dense   []int32
	dense16 []uint16

	edgeOff []int32  // edges of state s: edgeOff[s] ≤ k < edgeOff[s+1]
	edgeCls []uint16 // column of edge k
	edgeTo  []int32  // target of edge k
	fail    []int32  // longest proper suffix of s that is a state
	out     []int32  // pattern spelled by s, or -1
	link    []int32  // nearest state on the failure chain with out ≥ 0, or -1
	emits   []bool   // out[s] ≥ 0 || link[s] ≥ 0

	// scratch holds *[]int of two halves, per entry: the end of its last
	// kept mention, and the largest end of its exclusions seen so far.
	scratch sync.Pool
}

// denseBudget caps the memory of the dense rows (bytes). About 1,000 Chinese
// forms (12,000 states, 100 columns, 2 bytes a cell) fit entirely.
const denseBudget = 4 << 20

// trieNode is a state while the automaton is built.
type trieNode struct {
	out  int32 // pattern ending here, or -1
	kids []trieEdge
}

// trieEdge is an edge of the trie under construction, labelled by a byte.
type trieEdge struct {
	b  byte
	to int32
}

// newMatcher builds the automaton for the forms and exclusions of entries.
// A form that occurs twice (only possible in a hand-built Lexicon) belongs
// to its first entry; empty forms and exclusions are skipped.
func newMatcher(entries []Entry) *Matcher {
	return buildMatcher(entries, denseBudget, true)
}

// buildMatcher is newMatcher with a given budget for the dense rows and a
// choice of uint16 rows when the states fit (tests use a tiny budget and
// int32 rows to exercise every path).
func buildMatcher(entries []Entry, budget int, narrow bool) *Matcher {
	m := &Matcher{}
	ps := &patterns{m: m, ids: make(map[string]int32), nodes: []trieNode{{out: -1}}}
	for i := range entries {
		for _, f := range spellings(&entries[i]) {
			if _, ok := ps.ids[f]; f != "" && !ok {
				ps.add(f, int32(i))
			}
		}
	}
	m.addExclusions(ps, entries)
	nentries := len(entries)
	m.scratch.New = func() any { s := make([]int, 2*nentries); return &s }
	m.setClasses(ps.list)
	narrow = narrow && len(ps.nodes) <= 1<<16
	m.layout(ps.nodes, budget, narrow)
	m.computeLinks()
	if narrow {
		m.dense16 = make([]uint16, len(m.dense))
		for i, t := range m.dense {
			m.dense16[i] = uint16(t)
		}
		m.dense = nil
	}
	for _, b := range []byte{'"', '\'', 0xE2, 0xE3} {
		m.class[b] |= markLead
	}
	return m
}

// exclusionSpellings returns the variants of each of e's exclusions.
func exclusionSpellings(e *Entry) []string {
	var out []string
	for _, x := range e.Exclude {
		out = append(out, variants(x)...)
	}
	return out
}

// Flags of patFlag.
const (
	alnumStart = 1 << iota // the pattern starts with an ASCII letter or digit
	alnumEnd               // the pattern ends with one
	exclusion              // the pattern is an exclusion of some entry
)

// patterns collects the distinct patterns of a matcher under construction
// and their trie.
type patterns struct {
	m     *Matcher
	ids   map[string]int32 // pattern → its number
	list  []string         // number → pattern
	nodes []trieNode
}

// add makes f pattern number len(list), a form of entry (-1: none), and
// returns that number.
func (ps *patterns) add(f string, entry int32) int32 {
	id := int32(len(ps.list))
	ps.ids[f] = id
	ps.list = append(ps.list, f)
	ps.nodes = insert(ps.nodes, f, id)
	m := ps.m
	m.patEntry = append(m.patEntry, entry)
	m.patLen = append(m.patLen, int32(len(f)))
	m.patFlag = append(m.patFlag, edges(f))
	return id
}

// addExclusions makes every exclusion of entries a pattern, sharing the
// pattern of an equal form or exclusion, tags each pattern with the
// entries it is an exclusion of, and flags it.
func (m *Matcher) addExclusions(ps *patterns, entries []Entry) {
	tags := make(map[int32][]int32) // pattern → entries it is an exclusion of
	for i := range entries {
		for _, x := range exclusionSpellings(&entries[i]) {
			if x == "" {
				continue
			}
			id, ok := ps.ids[x]
			if !ok {
				id = ps.add(x, -1)
			}
			if !slices.Contains(tags[id], int32(i)) {
				tags[id] = append(tags[id], int32(i))
			}
			if !slices.Contains(m.excluded, int32(i)) {
				m.excluded = append(m.excluded, int32(i))
			}
		}
	}
	m.exclOff = make([]int32, len(m.patLen)+1)
	for p := range m.patLen {
		m.exclEnt = append(m.exclEnt, tags[int32(p)]...)
		m.exclOff[p+1] = int32(len(m.exclEnt))
		if len(tags[int32(p)]) > 0 {
			m.patFlag[p] |= exclusion
		}
	}
}

// edges returns the alnumStart and alnumEnd flags of pattern f.
func edges(f string) uint8 {
	var e uint8
	if isAlnum(f[0]) {
		e |= alnumStart
	}
	if isAlnum(f[len(f)-1]) {
		e |= alnumEnd
	}
	return e
}

// isAlnum reports whether b is an ASCII letter or digit.
func isAlnum(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// insert adds pattern p (number id) to the trie.
func insert(nodes []trieNode, p string, id int32) []trieNode {
	s := int32(0)
	for i := 0; i < len(p); i++ {
		next := int32(-1)
		for _, e := range nodes[s].kids {
			if e.b == p[i] {
				next = e.to
				break
			}
		}
		if next < 0 {
			next = int32(len(nodes))
			nodes = append(nodes, trieNode{out: -1})
			nodes[s].kids = append(nodes[s].kids, trieEdge{b: p[i], to: next})
		}
		s = next
	}
	nodes[s].out = id
	return nodes
}

// setClasses gives every byte used by some pattern its own column, in byte
// order; all other bytes share column 0, which always leads to the root.
func (m *Matcher) setClasses(pats []string) {
	var used [256]bool
	for _, f := range pats {
		for i := 0; i < len(f); i++ {
			used[f[i]] = true
		}
	}
	m.ncls = 1
	for b := range used {
		if used[b] {
			m.class[b] = uint16(m.ncls)
			m.ncls++
		}
	}
}

// layout numbers the trie's states breadth first (children by byte), lays
// out their edges, and computes failure links and dense rows.
func (m *Matcher) layout(nodes []trieNode, budget int, narrow bool) {
	n := len(nodes)
	order := make([]int32, 0, n) // BFS order of old numbers
	newID := make([]int32, n)
	order = append(order, 0)
	for q := 0; q < len(order); q++ {
		old := order[q]
		newID[old] = int32(q)
		kids := nodes[old].kids
		slices.SortFunc(kids, func(a, b trieEdge) int { return cmp.Compare(a.b, b.b) })
		for _, e := range kids {
			order = append(order, e.to)
		}
	}
	m.edgeOff = make([]int32, n+1)
	m.out = make([]int32, n)
	for s, old := range order {
		m.out[s] = nodes[old].out
		for _, e := range nodes[old].kids {
			m.edgeCls = append(m.edgeCls, m.class[e.b])
			m.edgeTo = append(m.edgeTo, newID[e.to])
		}
		m.edgeOff[s+1] = int32(len(m.edgeCls))
	}
	cell := 4
	if narrow {
		cell = 2
	}
	m.ndense = int32(min(n, max(1, budget/(cell*m.ncls))))
	m.dense = make([]int32, int(m.ndense)*m.ncls)
	m.fail = make([]int32, n)
	for s := int32(0); s < int32(n); s++ {
		m.fillRow(s)
		for k := m.edgeOff[s]; k < m.edgeOff[s+1]; k++ {
			if s != 0 {
				m.fail[m.edgeTo[k]] = m.step(m.fail[s], m.edgeCls[k])
			}
		}
	}
}

// fillRow computes the dense row of s, if s has one: its own edges, and
// elsewhere the row of its failure state (computed before, being smaller).
func (m *Matcher) fillRow(s int32) {
	if s >= m.ndense {
		return
	}
	row := m.dense[int(s)*m.ncls : int(s+1)*m.ncls]
	if s != 0 {
		f := m.fail[s]
		copy(row, m.dense[int(f)*m.ncls:int(f+1)*m.ncls])
	}
	for k := m.edgeOff[s]; k < m.edgeOff[s+1]; k++ {
		row[m.edgeCls[k]] = m.edgeTo[k]
	}
}

// computeLinks computes the output links in state order: a state's
// failure state is smaller, so its link is ready.
func (m *Matcher) computeLinks() {
	n := len(m.out)
	m.link = make([]int32, n)
	m.emits = make([]bool, n)
	m.link[0] = -1
	for s := 1; s < n; s++ {
		f := m.fail[s]
		if m.out[f] >= 0 {
			m.link[s] = f
		} else {
			m.link[s] = m.link[f]
		}
		m.emits[s] = m.out[s] >= 0 || m.link[s] >= 0
	}
}

// step is the transition function: from state s on a byte of column c.
func (m *Matcher) step(s int32, c uint16) int32 {
	for s >= m.ndense {
		for k := m.edgeOff[s]; k < m.edgeOff[s+1]; k++ {
			if m.edgeCls[k] == c {
				return m.edgeTo[k]
			}
		}
		s = m.fail[s]
	}
	if m.dense16 != nil {
		return int32(m.dense16[int(s)*m.ncls+int(c)])
	}
	return m.dense[int(s)*m.ncls+int(c)]
}

// Find returns the mentions of the lexicon's entries in text; see
// AppendFind.
func (m *Matcher) Find(text string) []Mention {
	return m.AppendFind(nil, text)
}

// AppendFind appends the mentions of the lexicon's entries in text to dst
// and returns the extended slice; pass dst[:0] to reuse a buffer.
//
// An occurrence of a form of entry E lying inside an occurrence of one of
// E's exclusions (starting at or after it, ending at or before it) is no
// occurrence: with the exclusion 创新发展理念, 新发展理念 is not found in
// 尊重发展规律，创新发展理念. Of the others, each entry counts every
// occurrence of any of its forms that does not overlap an earlier one of
// its own: scanning left to right, the leftmost occurrence wins, and of
// those starting there the longest. Mentions of
// different entries may overlap: in "六稳六保" the entries 六稳, 六保 and
// 六稳六保 are each mentioned once. A mention is Nested when it lies inside
// a strictly longer mention of another entry (六稳 and 六保 there).
//
// The mentions appended are sorted by Start ascending, then End descending,
// then Entry ascending, so an enclosing mention comes before the ones
// inside it. Start and End are byte offsets into text.
func (m *Matcher) AppendFind(dst []Mention, text string) []Mention {
	base := len(dst)
	if m.dense16 != nil {
		dst = scan(m, m.dense16, dst, text)
	} else {
		dst = scan(m, m.dense, dst, text)
	}
	found := dst[base:]
	if len(found) == 0 {
		return dst
	}
	sortPosition(found)
	found = m.ownFirst(found)
	markNested(found)
	return dst[:base+len(found)]
}

// scan runs the automaton over text, skipping quotation marks (markAt),
// and appends every occurrence of every pattern, in the order of their
// ends (see emit).
func scan[T uint16 | int32](m *Matcher, dense []T, dst []Mention, text string) []Mention {
	s, ndense, ncls, emits := int32(0), m.ndense, m.ncls, m.emits
	skipped := 0 // end of the last quotation mark skipped
	for i := 0; i < len(text); i++ {
		c := m.class[text[i]]
		if c&markLead != 0 {
			if n := markLen(text, i); n > 0 && (i == 0 || text[i-1] < utf8.RuneSelf || wholeRuneBefore(text, i)) { // markAt, inlined
				i += n - 1
				skipped = i + 1
				continue
			}
			c &^= markLead
		}
		if s < ndense {
			s = int32(dense[int(s)*ncls+int(c)])
		} else {
			s = m.step(s, c)
		}
		if emits[s] {
			dst = m.emit(dst, text, s, i+1, skipped)
		}
	}
	return dst
}

// emit appends one mention for every pattern that ends at byte end of
// text, state s having been reached there: s's own pattern and those along
// its output links, longest first. skipped is the end of the last
// quotation mark skipped before end: a pattern that starts after it has
// its bytes right before end, any other is measured back by startOf. An
// occurrence that would cut through an ASCII word or number (see wordCut)
// or a quotation (cutsQuote) is skipped. An occurrence of an exclusion of entry E is appended as a
// mention with Entry -1-E, for ownFirst to apply and remove.
func (m *Matcher) emit(dst []Mention, text string, s int32, end, skipped int) []Mention {
	if m.out[s] < 0 {
		s = m.link[s]
	}
	for ; s >= 0; s = m.link[s] {
		p := m.out[s]
		start := end - int(m.patLen[p])
		if start < skipped {
			start = startOf(text, end, int(m.patLen[p]))
			if start < skipped && cutsQuote(text, start, end) {
				continue
			}
		}
		if flag := m.patFlag[p]; flag == 0 {
			dst = append(dst, Mention{Entry: int(m.patEntry[p]), Start: start, End: end})
		} else if !wordCut(text, start, end, flag) {
			dst = m.emitFlagged(dst, p, start, end)
		}
	}
	return dst
}

// startOf returns where a pattern of n bytes that the scan found ending at
// end starts in text: n bytes back, not counting the quotation marks
// skipped among them.
func startOf(text string, end, n int) int {
	p := end
	for n > 0 {
		if k := markBefore(text, p); k > 0 {
			p -= k
			continue
		}
		p--
		n--
	}
	return p
}

// emitFlagged appends the occurrence [start,end) of a pattern with flags:
// a mention when it is a form, and one record per entry it is an exclusion
// of.
func (m *Matcher) emitFlagged(dst []Mention, p int32, start, end int) []Mention {
	if e := m.patEntry[p]; e >= 0 {
		dst = append(dst, Mention{Entry: int(e), Start: start, End: end})
	}
	for k := m.exclOff[p]; k < m.exclOff[p+1]; k++ {
		dst = append(dst, Mention{Entry: -1 - int(m.exclEnt[k]), Start: start, End: end})
	}
	return dst
}

// wordCut reports whether text[start:end], a form with the given patEdge
// flags, continues an ASCII letter-or-digit run on either side: "PPP" in
// "PPPoE", "TPP" in "CPTPP" or "5G" in "15G" is no mention. Chinese
// characters around a form never cut it.
func wordCut(text string, start, end int, edge uint8) bool {
	return edge&alnumStart != 0 && start > 0 && isAlnum(text[start-1]) ||
		edge&alnumEnd != 0 && end < len(text) && isAlnum(text[end])
}

// ownFirst drops the exclusion records and the occurrences they exclude,
// and keeps, entry by entry, the occurrences that do not overlap an earlier
// kept one of the same entry, compacting ms in place.
//
// ms is sorted by comparePosition, so each entry's occurrences come
// leftmost first, and of those starting together the longest first: the
// first that starts at or after the end of the entry's last kept mention is
// the one to keep. An exclusion covering an occurrence comes before it
// (it starts earlier, or with it and ends later, or ends with it too and
// has the smaller, negative, Entry), and every exclusion before it starts
// at or before it: the occurrence is excluded exactly when the largest end
// of its entry's exclusions so far reaches its end.
func (m *Matcher) ownFirst(ms []Mention) []Mention {
	p := m.scratch.Get().(*[]int) // all zero
	n := len(*p) / 2
	ends, excl := (*p)[:n], (*p)[n:]
	w := 0
	for _, x := range ms {
		e := x.Entry
		if e < 0 {
			excl[-1-e] = max(excl[-1-e], x.End)
			continue
		}
		if x.Start >= ends[e] && x.End > excl[e] {
			ms[w] = x
			w++
			ends[e] = x.End
		}
	}
	for _, x := range ms[:w] {
		ends[x.Entry] = 0 // cheaper than clearing every entry's
	}
	for _, e := range m.excluded {
		excl[e] = 0
	}
	m.scratch.Put(p)
	return ms[:w]
}

// sortPosition sorts ms by comparePosition. The scan appends occurrences in
// order of their ends, so they are nearly in order of their starts already:
// insertion sort costs one comparison a mention plus one a place moved. In
// a text where that grows past 8 moves a mention (many long overlapping
// forms), pdqsort takes over.
func sortPosition(ms []Mention) {
	moves := 0
	for i := 1; i < len(ms); i++ {
		x := ms[i]
		j := i
		for ; j > 0 && before(x, ms[j-1]); j-- {
			ms[j] = ms[j-1]
		}
		ms[j] = x
		if moves += i - j; moves > 8*len(ms) {
			slices.SortFunc(ms, comparePosition)
			return
		}
	}
}

// before reports whether a comes before b by comparePosition.
func before(a, b Mention) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End > b.End
	}
	return a.Entry < b.Entry
}

// comparePosition orders mentions by Start ascending, End descending, Entry
// ascending.
func comparePosition(a, b Mention) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(b.End, a.End), cmp.Compare(a.Entry, b.Entry))
}

// markNested sets Nested on mentions sorted by comparePosition. A mention m
// lies inside a strictly longer one exactly when an earlier-starting mention
// ends at or after m.End, or one starting with m ends after it (the first
// of m's start group ends last). The enclosing mention is of another entry:
// an entry's own mentions never overlap.
func markNested(ms []Mention) {
	reach := -1 // largest End among mentions starting before the group
	for i := 0; i < len(ms); {
		start, groupEnd := ms[i].Start, ms[i].End
		j := i
		for ; j < len(ms) && ms[j].Start == start; j++ {
			ms[j].Nested = reach >= ms[j].End || groupEnd > ms[j].End
		}
		reach = max(reach, groupEnd)
		i = j
	}
}
