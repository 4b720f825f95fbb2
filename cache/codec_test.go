package cache

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

// sampleDoc is a document with every field set, in the style of a real
// county report.
func sampleDoc() *reports.Document {
	text := "店口镇2020年度政府工作报告\n一、2019年工作回顾\n全面推进乡村振兴，五水共治成效明显。\n二、2020年工作安排\n深化最多跑一次改革。"
	review := strings.Index(text, "一、")
	plan := strings.Index(text, "二、")
	return &reports.Document{
		ID:          "county/店口镇_2020.txt",
		Path:        "corpus/county/店口镇_2020.txt",
		Hash:        strings.Repeat("ab", 32),
		BundleIndex: 0,
		Encoding:    "gb18030",
		Meta: reports.Meta{
			Region: "店口镇", Level: reports.LevelTownship, Year: 2020,
			Extra:        map[string]string{"source": "gov.cn", "county": "诸暨市", "": "empty key"},
			RegionSource: reports.SourceFilename, LevelSource: reports.SourceSuffix, YearSource: reports.SourceHeader,
		},
		Text: text,
		Sections: []reports.Section{
			{Part: reports.PartAll, Start: 0, End: review},
			{Part: reports.PartReview, Heading: "一、2019年工作回顾", Start: review, End: plan},
			{Part: reports.PartPlan, Heading: "二、2020年工作安排", Start: plan, End: len(text)},
		},
		Warnings: []string{"year: filename says 2020, header says 2019 (kept 2020)", "short text: 60 Chinese characters (< 500)"},
		Format:   "pdf",
		Pages:    2,
		Marks:    []reports.Mark{{Off: 0, Page: 1}, {Off: int32(plan), Page: 2}},
	}
}

func TestDocsRoundTrip(t *testing.T) {
	bundle := func() []*reports.Document {
		a, b := sampleDoc(), sampleDoc()
		a.ID, a.BundleIndex = a.ID+"#1", 1
		b.ID, b.BundleIndex = b.ID+"#2", 2
		b.Meta = reports.Meta{Region: "诸暨市", RegionSource: reports.SourceHeader}
		return []*reports.Document{a, b}
	}
	tests := []struct {
		name string
		docs []*reports.Document
	}{
		{"nil list", nil},
		{"empty list", []*reports.Document{}},
		{"zero document", []*reports.Document{{}}},
		{"every field set", []*reports.Document{sampleDoc()}},
		{"bundle of two", bundle()},
		{"empty file", []*reports.Document{{ID: "a.txt", Path: "a.txt", Warnings: []string{"empty file"}}}},
		{"empty, not nil, slices and map", []*reports.Document{{
			Text: "x", Sections: []reports.Section{}, Warnings: []string{}, Meta: reports.Meta{Extra: map[string]string{}},
		}}},
		{"negative and large numbers", []*reports.Document{{BundleIndex: -1, Meta: reports.Meta{Year: 1 << 40}}}},
		{"text file with line marks", []*reports.Document{{Text: "甲\n乙", Format: "txt", Marks: []reports.Mark{{Off: 0, Line: 1}, {Off: 3, Line: 1 << 30}}}}},
		{"scanned PDF", []*reports.Document{{Format: "pdf", Pages: 12, Marks: []reports.Mark{}, Warnings: []string{"not read: no text layer, 12 pages"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := encodeDocs(tc.docs)
			p, err := unseal(kindDocs, v)
			if err != nil {
				t.Fatalf("unseal: %v", err)
			}
			got, err := decodeDocs(p)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if !reflect.DeepEqual(got, tc.docs) {
				t.Errorf("round trip differs:\n got %#v\nwant %#v", got, tc.docs)
			}
		})
	}
}

// TestDocsEncodingDeterministic: the map Meta.Extra is written in key
// order, so encoding the same documents twice gives the same bytes.
func TestDocsEncodingDeterministic(t *testing.T) {
	d := sampleDoc()
	for i := range 20 {
		d.Meta.Extra[string(rune('a'+i))] = "v"
	}
	first := encodeDocs([]*reports.Document{d})
	for range 10 {
		if again := encodeDocs([]*reports.Document{d}); !slices.Equal(first, again) {
			t.Fatal("two encodings of the same document differ")
		}
	}
}

func TestTermsRoundTrip(t *testing.T) {
	tests := []struct {
		name            string
		terms           []string
		counts, entries []int
	}{
		{"nil", nil, nil, nil},
		{"one slogan", []string{"乡村振兴"}, []int{3}, []int{17}},
		{"order kept, empty term", []string{"乡村振兴", "乡", "乡村", "GDP", "五水共治", ""}, []int{4, 1, 2, 9, 5, 1}, []int{12, -1, -1, -1, 40, -1}},
		{"the same term twice", []string{"改革", "改革"}, []int{1, 2}, []int{-1, -1}},
		{"large count", []string{"的"}, []int{1 << 40}, []int{-1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := unseal(kindTerms, encodeTerms(tc.terms, tc.counts, tc.entries))
			if err != nil {
				t.Fatalf("unseal: %v", err)
			}
			terms, counts, entries, err := decodeTerms(p)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if !slices.Equal(terms, tc.terms) || !slices.Equal(counts, tc.counts) || !slices.Equal(entries, tc.entries) {
				t.Errorf("got %q %v %v, want %q %v %v", terms, counts, entries, tc.terms, tc.counts, tc.entries)
			}
		})
	}
}

func TestEncodeTermsPanicsOnCallerBugs(t *testing.T) {
	tests := []struct {
		name            string
		terms           []string
		counts, entries []int
	}{
		{"short counts", []string{"a", "b"}, []int{1}, []int{-1, -1}},
		{"short entries", []string{"a"}, []int{1}, nil},
		{"negative count", []string{"a"}, []int{-1}, []int{-1}},
		{"entry below -1", []string{"a"}, []int{1}, []int{-2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(r.(string), "cache: ") {
					t.Errorf("recovered %v, want a panic starting \"cache: \"", r)
				}
			}()
			encodeTerms(tc.terms, tc.counts, tc.entries)
		})
	}
}

func TestUnseal(t *testing.T) {
	good := encodeTerms([]string{"改革"}, []int{2}, []int{-1})
	flipped := slices.Clone(good)
	flipped[len(flipped)-1] ^= 0x01
	tests := []struct {
		name string
		kind byte
		v    []byte
		want error
	}{
		{"good", kindTerms, good, nil},
		{"empty", kindTerms, nil, errTruncated},
		{"header only, cut", kindTerms, good[:3], errTruncated},
		{"truncated payload", kindTerms, good[:len(good)-1], errChecksum},
		{"one bit flipped", kindTerms, flipped, errChecksum},
		{"other kind", kindDocs, good, errKind},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := unseal(tc.kind, tc.v); !errors.Is(err, tc.want) {
				t.Errorf("unseal: %v, want %v", err, tc.want)
			}
		})
	}
}

// TestDecodeRejectsTruncation: no strict prefix of a payload decodes, so a
// value cut short with a matching checksum (a bug, not a disk fault) is
// still caught.
func TestDecodeRejectsTruncation(t *testing.T) {
	docs, _ := unseal(kindDocs, encodeDocs([]*reports.Document{sampleDoc(), sampleDoc()}))
	for i := range len(docs) {
		if _, err := decodeDocs(docs[:i]); err == nil {
			t.Fatalf("decodeDocs accepted the first %d of %d bytes", i, len(docs))
		}
	}
	terms, _ := unseal(kindTerms, encodeTerms([]string{"乡村振兴", "乡村", "稳"}, []int{1, 2, 3}, []int{0, -1, -1}))
	for i := range len(terms) {
		if _, _, _, err := decodeTerms(terms[:i]); err == nil {
			t.Fatalf("decodeTerms accepted the first %d of %d bytes", i, len(terms))
		}
	}
}

// TestDecodeRejectsBadSections: a section outside its text, out of order
// or of an unknown part would make a caller slice out of range; so would a
// bad mark.
func TestDecodeRejectsBadSections(t *testing.T) {
	tests := []struct {
		name string
		edit func(d *reports.Document)
	}{
		{"end beyond text", func(d *reports.Document) { d.Sections[2].End = len(d.Text) + 1 }},
		{"start after end", func(d *reports.Document) { d.Sections[1].Start = d.Sections[1].End + 1 }},
		{"negative start", func(d *reports.Document) { d.Sections[0].Start = -1 }},
		{"overlapping", func(d *reports.Document) { d.Sections[2].Start = d.Sections[1].Start }},
		{"unknown part", func(d *reports.Document) { d.Sections[1].Part = 7 }},
		// a mark outside its text, out of order, with a negative line or a
		// page beyond the page count would make Locate lie
		{"mark beyond text", func(d *reports.Document) { d.Marks[1].Off = int32(len(d.Text) + 1) }},
		{"marks out of order", func(d *reports.Document) { d.Marks[0].Off = d.Marks[1].Off + 1 }},
		{"negative mark", func(d *reports.Document) { d.Marks[0].Off = -1 }},
		{"negative line", func(d *reports.Document) { d.Marks[0].Line = -1 }},
		{"page beyond the count", func(d *reports.Document) { d.Marks[1].Page = 3 }},
		{"negative page count", func(d *reports.Document) { d.Pages, d.Marks = -1, nil }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := sampleDoc()
			tc.edit(d)
			p, _ := unseal(kindDocs, encodeDocs([]*reports.Document{d}))
			if _, err := decodeDocs(p); !errors.Is(err, errMalformed) {
				t.Errorf("decode: %v, want %v", err, errMalformed)
			}
		})
	}
}

// TestDecodeTermsRejectsBadLengths: term lengths that add up to more than
// the bytes left, or a count of terms beyond them, are refused before
// anything is allocated for them.
func TestDecodeTermsRejectsBadLengths(t *testing.T) {
	tests := []struct {
		name    string
		payload func(e *encoder)
	}{
		{"lengths beyond the text", func(e *encoder) { e.uint(2); e.uint(3); e.uint(3); e.b = append(e.b, "abcd"...) }},
		{"one length beyond everything", func(e *encoder) { e.uint(1); e.uint(1 << 40) }},
		{"more terms than bytes", func(e *encoder) { e.uint(1 << 50) }},
		{"count beyond int", func(e *encoder) { e.uint(1); e.uint(1); e.b = append(e.b, 'a'); e.uint(1 << 63); e.uint(0) }},
		{"trailing bytes", func(e *encoder) {
			e.uint(1)
			e.uint(1)
			e.b = append(e.b, 'a')
			e.uint(1)
			e.uint(0)
			e.uint(0)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var e encoder
			tc.payload(&e)
			if _, _, _, err := decodeTerms(e.b); !errors.Is(err, errMalformed) {
				t.Errorf("decode: %v, want %v", err, errMalformed)
			}
		})
	}
}
