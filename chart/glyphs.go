package chart

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// ErrMissingGlyph is wrapped by the error of Draw when a label holds a
// character the font has no glyph for and no stand-in: drawn, it would be
// a box.
var ErrMissingGlyph = errors.New("the font has no glyph for a character")

// standIns replaces characters of tifa's labels that some Chinese fonts
// lack (WenQuanYi Zen Hei has no U+2212 minus sign) by ones they have.
var standIns = map[rune]string{
	'−': "-", '–': "-", '—': "-", '²': "2", '×': "x", '·': "-", '…': "...",
	'→': "->", '≥': ">=", '≤': "<=", 'χ': "chi", '（': "(", '）': ")", '，': ",", '：': ":",
}

// glyphSet answers whether a face has a glyph for a rune, remembering the
// answers; it is safe for concurrent use.
type glyphSet struct {
	f    *Font
	mu   sync.Mutex
	buf  sfnt.Buffer
	has  map[rune]bool
	miss map[rune]string // characters with no glyph and no stand-in, and a label holding each
}

func newGlyphSet(f *Font) *glyphSet {
	return &glyphSet{f: f, has: map[rune]bool{}, miss: map[rune]string{}}
}

// fix returns s with every character the face lacks replaced by its
// stand-in; characters with neither are kept (and remembered, for err).
func (g *glyphSet) fix(s string) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	var b *strings.Builder
	for i, r := range s {
		ok, seen := g.has[r]
		if !seen {
			ok = r == '\n' || r == ' ' || hasGlyphs(g.f.face, &g.buf, string(r))
			g.has[r] = ok
		}
		rep, stand := standIns[r]
		if ok || !stand {
			if !ok {
				if _, dup := g.miss[r]; !dup {
					g.miss[r] = s
				}
			}
			if b != nil {
				b.WriteRune(r)
			}
			continue
		}
		if b == nil {
			b = &strings.Builder{}
			b.WriteString(s[:i])
		}
		b.WriteString(rep)
	}
	if b == nil {
		return s
	}
	return b.String()
}

// err reports the characters drawn without a glyph, or nil.
func (g *glyphSet) err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.miss) == 0 {
		return nil
	}
	rs := make([]rune, 0, len(g.miss))
	for r := range g.miss {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	var list []string
	for _, r := range rs[:min(len(rs), 5)] {
		list = append(list, fmt.Sprintf("%c (U+%04X, in %q)", r, r, g.miss[r]))
	}
	more := ""
	if len(rs) > 5 {
		more = fmt.Sprintf(" and %d more", len(rs)-5)
	}
	return fmt.Errorf("chart: %w: font %s (%s) has none for %s%s: a box would be drawn; give --font FILE with a font that has it",
		ErrMissingGlyph, g.f.path, g.f.family, strings.Join(list, ", "), more)
}

// glyphHandler is text.Plain with every text passed through glyphSet.fix
// first, so that widths are measured on what is drawn.
type glyphHandler struct {
	text.Plain
	g *glyphSet
}

func (h glyphHandler) Lines(txt string) []string { return h.Plain.Lines(h.g.fix(txt)) }

func (h glyphHandler) Box(txt string, fnt font.Font) (width, height, depth vg.Length) {
	return h.Plain.Box(h.g.fix(txt), fnt)
}

func (h glyphHandler) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	h.Plain.Draw(c, h.g.fix(txt), sty, pt)
}
