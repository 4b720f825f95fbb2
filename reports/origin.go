package reports

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tifa-project/tifa/clean"
)

// Mark says where a stretch of a Document's Text comes from: from byte Off
// of Text up to the next Mark's Off, the text was read from line Line of
// the source text file (1-based; 0 for a format whose text is extracted:
// PDF, Word, RTF, OFD) on page Page (1-based, of a PDF or OFD; 0 for the
// other formats). The fields are int32 to keep a corpus's marks small.
type Mark struct {
	Off, Line, Page int32
}

// Locate returns the source line and page of byte off of Text (see Mark),
// 0 for what is not known.
func (d *Document) Locate(off int) (line, page int) {
	i := sort.Search(len(d.Marks), func(i int) bool { return int(d.Marks[i].Off) > off }) - 1
	if i < 0 {
		return 0, 0
	}
	return int(d.Marks[i].Line), int(d.Marks[i].Page)
}

// An aligner finds where the cleaned text of a document comes from in the
// text it was cleaned from (the decoded file, or the pages an extractor
// read), so that every mention can name its source line or page.
//
// clean.Clean deletes (junk lines, spaces, tags, page numbers) and joins lines,
// but it never reorders or changes Chinese characters; bundles and
// clean.DropRepeat only cut. So the Han characters of the cleaned text are a
// subsequence of the source's, and aligning them is a forward walk: each
// character of the cleaned text is matched with the next one of the
// source; where they differ (the source holds something the cleaner
// dropped), the next anchorLen characters of the cleaned text are looked
// for further on and the walk resumes there. A character not found (an
// HTML entity the cleaner decoded) is skipped. The walk keeps its place
// between the parts of a bundle, which follow one another in the source,
// so the same opening words in two parts are not confused.
//
// Keeping marks inside clean.Clean (a page-break character carried through
// every step) was the alternative; it would make every cleaning step
// aware of it and could cut a slogan at a page edge. The aligner leaves
// clean.Clean as it is, and lines broken at a page edge join as any others.
type aligner struct {
	src   string
	han   []rune  // the Han characters of src, in order
	at    []int32 // their byte offsets in src
	lines bool    // count source lines (a text file)
	pages []int   // byte offsets in src where each page starts (PDF, OFD)
	next  int     // index in han where the walk resumes
	fails int     // anchors not found so far

	lineOff, line int // src[:lineOff] holds line-1 line breaks
	page          int // index in pages of the page holding the last offset
}

// anchorLen is how many Han characters are looked for together to resume
// the walk: eight are rarely repeated by the junk between two paragraphs.
const anchorLen = 8

// maxAlignFails bounds the anchors looked for in vain in one source (each
// search may scan the rest of it), so text that does not align at all
// costs little: the marks then stop where the alignment did.
const maxAlignFails = 256

// newAligner prepares the alignment of cleaned text with src: with lines,
// marks carry the line numbers of src; with pages (the byte offsets where
// pages start, as extract.Text.PageStarts), page numbers.
func newAligner(src string, lines bool, pages []int) *aligner {
	a := &aligner{src: src, lines: lines, pages: pages, line: 1}
	for i, r := range src {
		if r >= 0x2E80 && clean.IsHan(r) {
			a.han = append(a.han, r)
			a.at = append(a.at, int32(i))
		}
	}
	return a
}

// marks returns the Marks of text, cleaned from the aligner's source (or,
// for a bundle, from what follows the previous part in it). A nil
// aligner (Options.NoMarks) gives none.
func (a *aligner) marks(text string) []Mark {
	if a == nil {
		return nil
	}
	var out []Mark
	prevEnd := 0 // the end of the last aligned character of text
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r < 0x2E80 || !clean.IsHan(r) {
			i += size
			continue
		}
		if a.next >= len(a.han) || a.han[a.next] != r {
			if !a.resume(text[i:]) {
				i += size
				continue
			}
		}
		line, page := a.where(int(a.at[a.next]))
		if n := len(out); n == 0 || int(out[n-1].Line) != line || int(out[n-1].Page) != page {
			off := prevEnd
			if n == 0 {
				off = 0
			}
			out = append(out, Mark{Off: int32(off), Line: int32(line), Page: int32(page)})
		}
		a.next++
		i += size
		prevEnd = i
	}
	return out
}

// resume looks for the first anchorLen Han characters of rest in the
// source from the walk's place on, and moves the walk there; it reports
// whether they were found.
func (a *aligner) resume(rest string) bool {
	if a.fails >= maxAlignFails {
		return false
	}
	var anchor [anchorLen]rune
	n := 0
	for _, r := range rest {
		if r >= 0x2E80 && clean.IsHan(r) {
			anchor[n] = r
			if n++; n == anchorLen {
				break
			}
		}
	}
	for q := a.next; q+n <= len(a.han); q++ {
		if a.han[q] == anchor[0] && equalRunes(a.han[q:q+n], anchor[:n]) {
			a.next = q
			return true
		}
	}
	a.fails++
	return false
}

func equalRunes(a, b []rune) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// where returns the line (when counted) and page (when known) of byte off
// of the source. Offsets come in increasing order, so lines are counted
// from the last one.
func (a *aligner) where(off int) (line, page int) {
	if a.lines {
		if off < a.lineOff {
			a.lineOff, a.line = 0, 1
		}
		a.line += strings.Count(a.src[a.lineOff:off], "\n")
		a.lineOff = off
		line = a.line
	}
	if len(a.pages) > 0 {
		for a.page+1 < len(a.pages) && a.pages[a.page+1] <= off {
			a.page++
		}
		for a.page > 0 && a.pages[a.page] > off {
			a.page--
		}
		page = a.page + 1
	}
	return line, page
}
