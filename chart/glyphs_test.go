package chart

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// TestStandIns: a character the face lacks becomes its stand-in (WenQuanYi
// Zen Hei, the PDF font, has no U+2212 minus sign); one it has is kept.
func TestStandIns(t *testing.T) {
	f := needFont(t)
	faces := []*Font{f}
	if p, err := f.pdfFont(); err == nil {
		faces = append(faces, p)
	}
	for _, face := range faces {
		var buf sfnt.Buffer
		g := newGlyphSet(face)
		for _, c := range []struct{ in, standIn string }{
			{"cosine distance (1 − cos)", "cosine distance (1 - cos)"},
			{"乡村振兴 · county", "乡村振兴 - county"},
			{"G²（正：浙江）", "G2(正:浙江)"},
		} {
			want := c.in
			for _, r := range c.in {
				if !hasGlyphs(face.face, &buf, string(r)) {
					want = c.standIn
				}
			}
			if got := g.fix(c.in); got != want {
				t.Errorf("%s: fix(%q) = %q, want %q", face.family, c.in, got, want)
			}
		}
		if err := g.err(); err != nil {
			t.Errorf("%s: %v after stand-ins only", face.family, err)
		}
	}
}

// TestMissingGlyph: a label with a character no font has and no stand-in
// for fails PNG and PDF with ErrMissingGlyph naming it, rather than
// drawing a box; SVG, which the viewer's fonts draw, is written.
func TestMissingGlyph(t *testing.T) {
	f := needFont(t)
	c := sampleBars(4)
	c.Bars[2].Label = "乡村\U0010FFFD振兴"
	for _, format := range []string{"png", "pdf", "svg"} {
		var buf bytes.Buffer
		err := c.Draw(&buf, format, f)
		if format == "pdf" && errors.Is(err, ErrNoFont) {
			continue // no TrueType Chinese font for PDF here
		}
		if format == "svg" {
			if err != nil {
				t.Errorf("svg: %v", err)
			}
			continue
		}
		if !errors.Is(err, ErrMissingGlyph) || !strings.Contains(err.Error(), "U+10FFFD") || !strings.Contains(err.Error(), `"乡村\U0010fffd振兴"`) {
			t.Errorf("%s: error %v; want ErrMissingGlyph naming U+10FFFD and its label", format, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: a failed draw wrote %d bytes", format, buf.Len())
		}
	}
}
