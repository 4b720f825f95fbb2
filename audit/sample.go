package audit

import (
	"cmp"
	"container/heap"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// Line is one mention drawn for a reader to judge, in context, and the
// verdict once judged.
type Line struct {
	Doc           string // document ID
	Region, Level string
	Year          int
	Entry         string // the entry's canonical form
	Category      string
	Form          string // the form of the lexicon the mention spells (碳达峰、碳中和 for 碳达峰与碳中和)
	Offset        int    // byte offset of the mention in the document's cleaned text
	TextLine      int    // line of the cleaned text holding it, from 1
	Left, Match   string // context before it; the mention as written
	Right         string // context after it
	Mentions      int    // the entry's mentions in all the documents sampled: its weight
	Verdict       Verdict
	Note          string // the reader's comment
	Row           int    // line of the file it was read from (0 when drawn, not read)
}

// Verdict is a reader's judgement of one line.
type Verdict int8

// The verdicts. Yes: the line mentions the slogan as a policy formulation;
// No: it does not (another sense, another scheme of the same name, a
// longer word); Unjudged: not (yet) judged, left out of every score.
const (
	Unjudged Verdict = iota
	Yes
	No
)

// String returns "yes", "no" or "" (unjudged), as a sample file holds it.
func (v Verdict) String() string {
	switch v {
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return ""
}

// ParseVerdict reads a verdict as a reader may write it, in any case and
// with spaces around: yes, y, 1, true, 是, 对 or ✓; no, n, 0, false, 否, 错
// or ✗; nothing, ? or skip for unjudged. ok is false for anything else.
func ParseVerdict(s string) (v Verdict, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "1", "true", "是", "对", "✓":
		return Yes, true
	case "no", "n", "0", "false", "否", "错", "✗":
		return No, true
	case "", "?", "skip":
		return Unjudged, true
	}
	return Unjudged, false
}

// DefaultWidth is the context drawn each side of a mention, in characters.
const DefaultWidth = 20

// Sampler draws, for each entry of a lexicon, a uniform random sample of n
// of its mentions in the documents added (see the package documentation),
// and counts all of them. Add documents in any order; the sample depends
// only on the seed and the mentions. A Sampler is not safe for concurrent
// use.
type Sampler struct {
	lex   *lexicon.Lexicon
	n     int
	seed  uint64
	width int
	only  []bool // entries to sample; nil: all

	counts []int      // mentions of each entry
	picks  []pickHeap // each entry's n smallest keys so far
	buf    []lexicon.Mention
}

// NewSampler returns a sampler of n mentions an entry, drawn with seed,
// with width characters of context each side (DefaultWidth is a good
// choice), of the entries of lex whose indices are listed in entries, or
// of every entry when entries is nil. It panics when n < 1, width < 0 or
// an index is out of range: the caller checks its flags.
func NewSampler(lex *lexicon.Lexicon, n int, seed uint64, width int, entries []int) *Sampler {
	if n < 1 || width < 0 {
		panic("audit: NewSampler: n must be at least 1 and width at least 0")
	}
	s := &Sampler{lex: lex, n: n, seed: seed, width: width,
		counts: make([]int, len(lex.Entries)), picks: make([]pickHeap, len(lex.Entries))}
	if entries != nil {
		s.only = make([]bool, len(lex.Entries))
		for _, e := range entries {
			s.only[e] = true
		}
	}
	return s
}

// pick is one mention kept in an entry's sample.
type pick struct {
	key  uint64
	line Line
}

// pickHeap is a max-heap of picks by key (then document, then offset, so
// that even equal keys order the same way every time).
type pickHeap []pick

func (h pickHeap) Len() int           { return len(h) }
func (h pickHeap) Less(i, j int) bool { return comparePick(h[i], h[j]) > 0 }
func (h pickHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *pickHeap) Push(x any)        { *h = append(*h, x.(pick)) }
func (h *pickHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func comparePick(a, b pick) int {
	return cmp.Or(cmp.Compare(a.key, b.key), strings.Compare(a.line.Doc, b.line.Doc), cmp.Compare(a.line.Offset, b.line.Offset))
}

// Add counts and samples the mentions of the lexicon's entries in part p of
// d (a mention belongs to the part in which it starts, as tifa count has
// it).
func (s *Sampler) Add(d *reports.Document, p reports.Part) {
	s.buf = s.lex.Matcher().AppendFind(s.buf[:0], d.Text)
	docKey := mix(s.seed ^ hashString(d.ID))
	var lines []int // offsets of the line starts of d.Text, computed when first needed
	for _, m := range s.buf {
		if !d.InPart(p, m.Start) {
			continue
		}
		s.counts[m.Entry]++
		if s.only != nil && !s.only[m.Entry] {
			continue
		}
		e := &s.lex.Entries[m.Entry]
		k := pick{key: mix(docKey ^ mix(uint64(m.Start)) ^ hashString(e.Slogan))}
		k.line.Doc, k.line.Offset = d.ID, m.Start
		h := &s.picks[m.Entry]
		if h.Len() == s.n && comparePick(k, (*h)[0]) >= 0 {
			continue
		}
		if lines == nil {
			lines = lineStarts(d.Text)
		}
		k.line = s.line(d, e, m, lines)
		heap.Push(h, k)
		if h.Len() > s.n {
			heap.Pop(h)
		}
	}
}

// line builds the Line of mention m of entry e in d.
func (s *Sampler) line(d *reports.Document, e *lexicon.Entry, m lexicon.Mention, lines []int) Line {
	match := d.Text[m.Start:m.End]
	form, _ := s.lex.FormOf(match)
	left, right := lexicon.Context(d.Text, m.Start, m.End, s.width)
	return Line{
		Doc: d.ID, Region: d.Meta.Region, Level: d.Meta.Level, Year: d.Meta.Year,
		Entry: e.Slogan, Category: e.Category, Form: form,
		Offset: m.Start, TextLine: sort.SearchInts(lines, m.Start+1),
		Left: left, Match: match, Right: right,
	}
}

// Lines returns the sample: for each entry in lexicon order, its lines by
// document and offset, each with the entry's count of mentions.
func (s *Sampler) Lines() []Line {
	var out []Line
	for e, h := range s.picks {
		start := len(out)
		for _, k := range h {
			k.line.Mentions = s.counts[e]
			out = append(out, k.line)
		}
		slices.SortFunc(out[start:], func(a, b Line) int {
			return cmp.Or(strings.Compare(a.Doc, b.Doc), cmp.Compare(a.Offset, b.Offset))
		})
	}
	return out
}

// SampleSummary says in one line what a sample holds and what to do
// with it: the lines and entries drawn, to judge and audit.
func SampleSummary(lines []Line) string {
	entries := map[string]bool{}
	for _, l := range lines {
		entries[l.Entry] = true
	}
	return fmt.Sprintf("%s of %s drawn: write yes or no in the verdict column, then run tifa lexicon audit FILE",
		plural(len(lines), "line", "lines"), plural(len(entries), "entry", "entries"))
}

// plural is n with the noun that fits it: "1 line", "3 lines".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Mentions returns the number of mentions of entry e in the documents
// added.
func (s *Sampler) Mentions(e int) int { return s.counts[e] }

// hashString is the 64-bit FNV-1a hash of s.
func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// mix is SplitMix64's finaliser (Steele, Lea and Flood 2014): a bijection
// of 64-bit words whose outputs look independent and uniform.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// lineStarts returns the offsets at which the lines of text start.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
