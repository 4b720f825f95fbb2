package analysis

import (
	"strings"
	"unicode/utf8"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
)

// Hit is one mention of a term in a document, in context.
type Hit struct {
	Start, End  int // byte offsets into the document's Text
	Part        reports.Part
	Left, Right string // up to width characters each side, line breaks as spaces
	Term        string // the text as written
}

// Finder finds the mentions of one term: a lexicon entry (any of its forms,
// exactly as the counts count them) or, for a term not in the lexicon, the
// literal string.
type Finder struct {
	m     *lexicon.Matcher
	entry int
	lit   string
}

// NewFinder returns a finder of term: lex's entry when term (normalised) is
// one of its forms, otherwise the literal text.
func NewFinder(lex *lexicon.Lexicon, term string) *Finder {
	norm := lexicon.Normalize(term)
	if lex != nil {
		if e, ok := lex.Lookup(norm); ok {
			return &Finder{m: lex.Matcher(), entry: e}
		}
	}
	return &Finder{entry: -1, lit: norm}
}

// Entry returns the lexicon entry the finder looks for, -1 for a literal.
func (f *Finder) Entry() int { return f.entry }

// KWIC returns every mention in part p of d with width characters of
// context each side, in text order.
func (f *Finder) KWIC(d *reports.Document, p reports.Part, width int) []Hit {
	var spans [][2]int
	if f.entry >= 0 {
		for _, m := range f.m.Find(d.Text) {
			if m.Entry == f.entry {
				spans = append(spans, [2]int{m.Start, m.End})
			}
		}
	} else if f.lit != "" {
		for off := 0; ; {
			i := strings.Index(d.Text[off:], f.lit)
			if i < 0 {
				break
			}
			spans = append(spans, [2]int{off + i, off + i + len(f.lit)})
			off += i + len(f.lit)
		}
	}
	var hits []Hit
	for _, s := range spans {
		if !d.InPart(p, s[0]) {
			continue
		}
		part := p
		if p == reports.PartAll {
			part = partAt(d, s[0])
		}
		left, right := Context(d.Text, s[0], s[1], width)
		hits = append(hits, Hit{Start: s[0], End: s[1], Part: part, Term: d.Text[s[0]:s[1]], Left: left, Right: right})
	}
	return hits
}

// partAt returns the part holding offset off (PartAll for the preamble).
func partAt(d *reports.Document, off int) reports.Part {
	for _, s := range d.Sections {
		if s.Start <= off && off < s.End {
			return s.Part
		}
	}
	return reports.PartAll
}

// Context returns the width characters before text[start:end] and the
// width after it, each on one line (a run of white space, line breaks
// included, becomes one space): the left and right of a KWIC line.
func Context(text string, start, end, width int) (left, right string) {
	return oneLine(lastRunes(text[:start], width)), oneLine(firstRunes(text[end:], width))
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
