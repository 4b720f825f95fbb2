package reports

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/places"
	"github.com/tifa-project/tifa/sections"
)

// Administrative levels, from the centre down. A Meta.Level is one of these
// or empty when it cannot be known.
const (
	LevelNational = "national"
	LevelProvince = "province"
	LevelCity     = "city"
	LevelCounty   = "county"
	LevelDistrict = "district"
	LevelTownship = "township"
	LevelStreet   = "street"
)

// Levels lists the administrative levels from the centre down.
var Levels = []string{LevelNational, LevelProvince, LevelCity, LevelCounty, LevelDistrict, LevelTownship, LevelStreet}

// Meta is what is known about who wrote a report and when. A field that
// cannot be known stays empty (Year 0); nothing is ever guessed.
type Meta struct {
	Region string // as written in the source: 浙江, 店口镇, 全国 …
	Level  string // one of Levels, or ""
	Year   int    // the year the report was delivered, 0 when unknown

	// Extra holds manifest columns beyond file,region,level,year, carried
	// through to the outputs. Keys are the manifest's header names.
	Extra map[string]string

	// Source says where each of region, level and year came from:
	// "manifest", "filename", "header", "suffix" (level derived from the
	// region's suffix), "code" (level of the division code, when nothing
	// else gave one) or "" when unknown.
	RegionSource, LevelSource, YearSource string

	// Place is where the report's author lies: its division code in the
	// report's year, panel id, official name, the divisions holding it,
	// what decided it and why (see package places). A Source sets it for
	// every document, resolved or not (then Place.Code is ""); it is nil
	// for a document made otherwise.
	Place *places.Result
}

// Part selects which text of a report is analysed; it is sections.Part.
type Part = sections.Part

// The parts of a report (see package sections).
const (
	PartAll    = sections.PartAll    // the whole cleaned text
	PartReview = sections.PartReview // the review of past work (工作回顾, 工作总结 …)
	PartPlan   = sections.PartPlan   // the plan for the coming period (工作安排, 主要任务 …)
)

// ParsePart reads "all", "review" or "plan".
func ParsePart(s string) (Part, bool) { return sections.ParsePart(s) }

// Section is a contiguous span of a Document's Text; it is sections.Section.
type Section = sections.Section

// SplitSections finds the review and plan parts of a report by its
// headings: see sections.SplitSections.
func SplitSections(text string, year int) []Section { return sections.SplitSections(text, year) }

// The range of years a report can carry.
const (
	MinYear = sections.MinYear
	MaxYear = sections.MaxYear
)

// Document is one report: its cleaned text, metadata and sections.
type Document struct {
	// ID names the document in every output: the file path relative to the
	// argument it was found under (or the path as given for a file
	// argument), with "#N" appended for the N-th report of a bundle.
	ID string
	// Path is the file the document was read from, as opened.
	Path string
	// Hash is the hex SHA-256 of the source file's bytes (shared by the parts
	// of a bundle): with Part it keys caches of what is derived from the
	// text alone.
	Hash string
	// BundleIndex is the 1-based index of the document in its bundle, 0 for
	// a file holding one report.
	BundleIndex int
	// Encoding is the source encoding detected: utf-8, utf-8-bom, gb18030,
	// utf-16le, utf-16be.
	Encoding string
	Meta     Meta
	// Text is the cleaned text: width-folded, junk removed, lines joined.
	Text string
	// Sections partition Text in order; they are empty when no heading was
	// recognised (then the whole text is the preamble).
	Sections []Section
	// Warnings are problems found that did not stop the document being
	// read: no year known, no sections found, a short text …
	Warnings []string
	// Format is the format the text was read from: txt, md, html, pdf,
	// docx, doc, wps, rtf or ofd (the names of package extract).
	Format string
	// Pages is the page count of a PDF or OFD source (shared by the parts
	// of a bundle), 0 for the other formats.
	Pages int
	// Marks say where each stretch of Text comes from in the source (see
	// Locate), in order of Off; nil when nothing is known.
	Marks []Mark
}

// Spans returns the byte spans of Text that make up part p, in order.
func (d *Document) Spans(p Part) [][2]int {
	if p == PartAll {
		return [][2]int{{0, len(d.Text)}}
	}
	var out [][2]int
	for _, s := range d.Sections {
		if s.Part == p {
			out = append(out, [2]int{s.Start, s.End})
		}
	}
	return out
}

// PartText returns the text of part p (spans joined by a newline).
func (d *Document) PartText(p Part) string {
	spans := d.Spans(p)
	if len(spans) == 1 {
		return d.Text[spans[0][0]:spans[0][1]]
	}
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Text[s[0]:s[1]])
	}
	return b.String()
}

// InPart reports whether byte offset off of Text lies in part p.
func (d *Document) InPart(p Part, off int) bool {
	if p == PartAll {
		return off >= 0 && off < len(d.Text)
	}
	i := sort.Search(len(d.Sections), func(i int) bool { return d.Sections[i].End > off })
	return i < len(d.Sections) && d.Sections[i].Start <= off && d.Sections[i].Part == p
}

// Chars returns the number of Chinese characters in part p.
func (d *Document) Chars(p Part) int {
	n := 0
	for _, s := range d.Spans(p) {
		n += clean.HanCount(d.Text[s[0]:s[1]])
	}
	return n
}

// Warn records a warning on the document.
func (d *Document) Warn(format string, args ...any) {
	d.Warnings = append(d.Warnings, fmt.Sprintf(format, args...))
}
