package reuse

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/tifa-project/tifa/reports"
)

// Options tune a Reuser. The zero value asks for the defaults.
type Options struct {
	Part     reports.Part // the text compared
	Shingle  int          // characters per shingle (default 8)
	MinChars int          // Han characters of the shortest passage reported (default 30)
	Seed     uint64       // seeds the shingle hash; the result does not depend on it
}

// Passage is a stretch of text two reports share.
type Passage struct {
	// StartA, EndA and StartB, EndB are byte offsets into each document's
	// Text; CharA and CharB are StartA and StartB counted in characters.
	StartA, EndA, StartB, EndB int
	CharA, CharB               int
	Chars                      int    // Han characters, the same on both sides
	Text                       string // document A's text of the passage, punctuation and figures included
}

// Pair is what two reports share: A is the first, B the second.
type Pair struct {
	A, B           int // indices of the documents in the order added
	IDA, IDB       string
	MetaA, MetaB   reports.Meta
	Shared         int     // Han characters of all passages
	CharsA, CharsB int     // Han characters of each document's compared text
	ShareA, ShareB float64 // Shared / CharsA, Shared / CharsB
	Passages       []Passage
}

// Longest returns the longest passage (the first in text order of the
// longest); the zero Passage when there is none.
func (p *Pair) Longest() Passage {
	var best Passage
	for _, x := range p.Passages {
		if x.Chars > best.Chars {
			best = x
		}
	}
	return best
}

// Reuser finds the passages reports share. Add the documents, then call
// Pairs.
//
// Each document's compared text is reduced to its Han characters (digits,
// Latin letters, punctuation and spaces are skipped, so a copied sentence
// whose figures were updated still counts as shared; the gap between two
// sections of a part is a break no passage crosses), and every run of
// Shingle characters is hashed (a polynomial hash, mixed with Seed). Of
// every window of w = MinChars − Shingle + 1 consecutive shingles, the one
// with the smallest hash is the window's fingerprint (winnowing: a MinHash
// of each window, the rightmost on ties). Two texts that share a passage of
// MinChars characters share all its windows, so they pick the same
// fingerprint at the same place in it: every such passage is found.
//
// Pairs of documents sharing a fingerprint are candidates; each shared
// fingerprint is a seed from which the match is extended character by
// character in both directions to the longest common stretch, and kept
// when it has at least MinChars characters. Overlapping matches (a passage
// that repeats in one report) are then resolved greedily, longest first:
// the part of a match that overlaps an accepted passage on either side is
// cut off and the rest kept if still long enough, so each character of
// either report is in at most one passage and Shared is the same for both.
//
// The result is exact — it does not depend on Seed, which only changes
// which shingles serve as fingerprints — with one exception that keeps
// memory and time linear in the length of the reports: a fingerprint that
// occurs more than RepeatCap times in one report (a run of one character,
// a phrase repeated dozens of times) seeds only from its first and last
// RepeatCap/2 occurrences there. Without the cap two reports holding a run
// of N identical characters give N² seeds (N = 5,000: 820 MB; N = 20,000:
// over 4 GB). With it, a passage inside such repetitive text is still
// found, but where it repeats more often than the cap, not every copy of
// it may be, and its ends may be off by up to MinChars characters.
type Reuser struct {
	opt  Options
	docs []reuseDoc
}

type reuseDoc struct {
	id    string
	meta  reports.Meta
	text  string
	han   []int32 // Han characters; a negative value, unique to the document, at a break
	off   []int32 // byte offset into text of each element of han
	chars int
	fps   []fingerprint
}

type fingerprint struct {
	hash uint64
	pos  int32 // index into han of the shingle's first character
}

// New returns a Reuser, or an error for options out of range.
func New(opt Options) (*Reuser, error) {
	if opt.Shingle == 0 {
		opt.Shingle = 8
	}
	if opt.MinChars == 0 {
		opt.MinChars = 30
	}
	if opt.Shingle < 2 || opt.Shingle > 64 {
		return nil, fmt.Errorf("shingle size must be 2..64 characters (got %d)", opt.Shingle)
	}
	if opt.MinChars < opt.Shingle {
		return nil, fmt.Errorf("shortest passage must be at least the shingle size, %d characters (got %d)", opt.Shingle, opt.MinChars)
	}
	return &Reuser{opt: opt}, nil
}

// Add records the compared part of d and returns its index.
func (r *Reuser) Add(d *reports.Document) int {
	i := len(r.docs)
	rd := reuseDoc{id: d.ID, meta: d.Meta, text: d.Text}
	brk := int32(-1 - i)
	for k, sp := range d.Spans(r.opt.Part) {
		if k > 0 && len(rd.han) > 0 && rd.han[len(rd.han)-1] != brk {
			rd.han = append(rd.han, brk)
			rd.off = append(rd.off, int32(sp[0]))
		}
		for j, c := range d.Text[sp[0]:sp[1]] {
			if unicode.Is(unicode.Han, c) {
				rd.han = append(rd.han, c)
				rd.off = append(rd.off, int32(sp[0]+j))
				rd.chars++
			}
		}
	}
	rd.fps = capRepeats(winnow(shingles(rd.han, r.opt.Shingle, r.opt.Seed), r.opt.MinChars-r.opt.Shingle+1))
	r.docs = append(r.docs, rd)
	return i
}

// noShingle marks a shingle that crosses a break.
const noShingle = math.MaxUint64

// shingles returns the hash of every run of k characters of han (noShingle
// for runs crossing a break).
func shingles(han []int32, k int, seed uint64) []uint64 {
	if len(han) < k {
		return nil
	}
	const base = 1000003
	var pow uint64 = 1 // base^(k−1)
	for i := 1; i < k; i++ {
		pow *= base
	}
	out := make([]uint64, len(han)-k+1)
	var h uint64
	lastBreak := -1
	for i, c := range han {
		if c < 0 {
			lastBreak = i
		}
		if i >= k {
			h -= uint64(han[i-k]) * pow
		}
		h = h*base + uint64(c)
		if s := i - k + 1; s >= 0 {
			out[s] = noShingle
			if lastBreak < s {
				out[s] = mix(h ^ seed)
			}
		}
	}
	return out
}

// mix is the finaliser of SplitMix64: a bijection that spreads the bits.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	x ^= x >> 31
	if x == noShingle {
		x--
	}
	return x
}

// winnow returns the fingerprints of hs: the smallest hash of every window
// of w consecutive hashes, the rightmost on ties, each position once, in
// order. Windows holding only noShingle give none.
func winnow(hs []uint64, w int) []fingerprint {
	if len(hs) < w {
		return nil
	}
	var out []fingerprint
	var dq []int32 // positions of increasing hashes: the window's minimum first
	for i, h := range hs {
		for len(dq) > 0 && hs[dq[len(dq)-1]] >= h {
			dq = dq[:len(dq)-1]
		}
		dq = append(dq, int32(i))
		start := i - w + 1
		if start < 0 {
			continue
		}
		for dq[0] < int32(start) {
			dq = dq[1:]
		}
		// dq[0] is the rightmost smallest: equal hashes were popped.
		m := dq[0]
		if hs[m] == noShingle {
			continue
		}
		if len(out) == 0 || out[len(out)-1].pos != m {
			out = append(out, fingerprint{hash: hs[m], pos: m})
		}
	}
	return out
}

// RepeatCap is the most occurrences of one fingerprint in one report that
// all seed passages; see Reuser.
const RepeatCap = 16

// capRepeats keeps, in place, of each hash occurring more than RepeatCap
// times in fps, only its first and last RepeatCap/2 occurrences.
func capRepeats(fps []fingerprint) []fingerprint {
	n := make(map[uint64]int32, len(fps))
	for _, f := range fps {
		n[f.hash]++
	}
	seen := make(map[uint64]int32, len(n))
	w := 0
	for _, f := range fps {
		k := seen[f.hash]
		seen[f.hash] = k + 1
		if total := n[f.hash]; total > RepeatCap && k >= RepeatCap/2 && k < total-RepeatCap/2 {
			continue
		}
		fps[w] = f
		w++
	}
	return fps[:w]
}

// PairFunc says whether documents a and b (indices in the order added) are
// compared, with a as the first of the pair.
type PairFunc func(a, b int) bool

// Pairs returns every pair of documents that shares at least one passage of
// MinChars characters, most shared characters first (then by the IDs).
// For documents i < j, keep(i, j) is asked first, then keep(j, i); the first
// true one gives the orientation, and the pair is skipped when both are
// false. A nil keep compares every pair with i first. No document is
// compared with itself.
func (r *Reuser) Pairs(keep PairFunc) []Pair {
	if keep == nil {
		keep = func(a, b int) bool { return a < b }
	}
	type posting struct{ doc, pos int32 }
	index := map[uint64][]posting{}
	for d := range r.docs {
		for _, f := range r.docs[d].fps {
			index[f.hash] = append(index[f.hash], posting{int32(d), f.pos})
		}
	}
	var out []Pair
	sc := newPassageScratch()
	for a := range r.docs {
		seeds := map[int32][][2]int32{} // other document → seeds (pos in a, pos in it)
		for _, f := range r.docs[a].fps {
			for _, p := range index[f.hash] {
				if int(p.doc) > a {
					seeds[p.doc] = append(seeds[p.doc], [2]int32{f.pos, p.pos})
				}
			}
		}
		others := make([]int32, 0, len(seeds))
		for b := range seeds {
			others = append(others, b)
		}
		slices.Sort(others)
		for _, b := range others {
			x, y, ss := a, int(b), seeds[b]
			switch {
			case keep(x, y):
			case keep(y, x):
				x, y = y, x
				for i := range ss {
					ss[i][0], ss[i][1] = ss[i][1], ss[i][0]
				}
			default:
				continue
			}
			if p, ok := r.pair(x, y, ss, sc); ok {
				out = append(out, p)
			}
		}
	}
	slices.SortFunc(out, func(p, q Pair) int {
		if c := cmp.Compare(q.Shared, p.Shared); c != 0 {
			return c
		}
		if c := cmp.Compare(p.IDA, q.IDA); c != 0 {
			return c
		}
		if c := cmp.Compare(p.IDB, q.IDB); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(p.A, q.A), cmp.Compare(p.B, q.B))
	})
	return out
}

// match is a common stretch: han[a:a+n] of one document equals han[b:b+n]
// of the other.
type match struct{ a, b, n int32 }

// passageScratch holds the coverage marks reused from pair to pair.
type passageScratch struct {
	coveredA, coveredB []bool
}

func newPassageScratch() *passageScratch { return &passageScratch{} }

// pair extends the seeds of documents a and b into matches and resolves
// them into passages; ok is false when none is long enough.
func (r *Reuser) pair(a, b int, seeds [][2]int32, sc *passageScratch) (Pair, bool) {
	da, db := &r.docs[a], &r.docs[b]
	ms := extendSeeds(da.han, db.han, seeds, int32(r.opt.MinChars))
	if len(ms) == 0 {
		return Pair{}, false
	}
	ms = resolve(ms, len(da.han), len(db.han), int32(r.opt.MinChars), sc)
	if len(ms) == 0 {
		return Pair{}, false
	}
	p := Pair{A: a, B: b, IDA: da.id, IDB: db.id, MetaA: da.meta, MetaB: db.meta, CharsA: da.chars, CharsB: db.chars}
	for _, m := range ms {
		p.Shared += int(m.n)
		p.Passages = append(p.Passages, r.passage(da, db, m))
	}
	p.ShareA = float64(p.Shared) / float64(da.chars)
	p.ShareB = float64(p.Shared) / float64(db.chars)
	return p, true
}

// passage turns a match into byte and character offsets and text.
func (r *Reuser) passage(da, db *reuseDoc, m match) Passage {
	end := func(d *reuseDoc, i int32) int {
		_, size := utf8.DecodeRuneInString(d.text[d.off[i]:])
		return int(d.off[i]) + size
	}
	p := Passage{StartA: int(da.off[m.a]), EndA: end(da, m.a+m.n-1), StartB: int(db.off[m.b]), EndB: end(db, m.b+m.n-1), Chars: int(m.n)}
	p.CharA = utf8.RuneCountInString(da.text[:p.StartA])
	p.CharB = utf8.RuneCountInString(db.text[:p.StartB])
	p.Text = da.text[p.StartA:p.EndA]
	return p
}

// extendSeeds grows every seed into the longest common stretch through it
// and returns the distinct ones of at least minChars characters, sorted.
func extendSeeds(ha, hb []int32, seeds [][2]int32, minChars int32) []match {
	found := map[int32][]match{} // diagonal a−b → matches on it
	var out []match
	for _, s := range seeds {
		i, j := s[0], s[1]
		diag := i - j
		if slices.ContainsFunc(found[diag], func(m match) bool { return m.a <= i && i < m.a+m.n }) {
			continue
		}
		lo := int32(0)
		for i-lo-1 >= 0 && j-lo-1 >= 0 && ha[i-lo-1] == hb[j-lo-1] {
			lo++
		}
		hi := int32(0)
		for int(i+hi) < len(ha) && int(j+hi) < len(hb) && ha[i+hi] == hb[j+hi] {
			hi++
		}
		m := match{a: i - lo, b: j - lo, n: lo + hi}
		found[diag] = append(found[diag], m)
		if m.n >= minChars {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(x, y match) int {
		return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return out
}

// resolve makes the matches one-to-one, longest first: of each match, the
// runs of at least minChars characters that overlap no accepted passage on
// either side are accepted. The result is sorted by position in A.
func resolve(ms []match, na, nb int, minChars int32, sc *passageScratch) []match {
	if cap(sc.coveredA) < na {
		sc.coveredA = make([]bool, na)
	}
	if cap(sc.coveredB) < nb {
		sc.coveredB = make([]bool, nb)
	}
	ca, cb := sc.coveredA[:na], sc.coveredB[:nb]
	var out []match
	for _, m := range ms {
		first := len(out)
		run := int32(0)
		flush := func(t int32) { // the free run ends before offset t
			if run >= minChars {
				out = append(out, match{a: m.a + t - run, b: m.b + t - run, n: run})
			}
			run = 0
		}
		for t := int32(0); t < m.n; t++ {
			if ca[m.a+t] || cb[m.b+t] {
				flush(t)
				continue
			}
			run++
		}
		flush(m.n)
		for _, x := range out[first:] {
			for t := int32(0); t < x.n; t++ {
				ca[x.a+t], cb[x.b+t] = true, true
			}
		}
	}
	for _, x := range out {
		for t := int32(0); t < x.n; t++ {
			ca[x.a+t], cb[x.b+t] = false, false
		}
	}
	slices.SortFunc(out, func(x, y match) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	return out
}
