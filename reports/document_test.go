package reports

import (
	"testing"
	"unicode"
)

func TestHanCount(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"GDP增长5.2%左右", 4},
		{"“六稳”“六保”", 4},
		{"〇一二", 3},     // 〇 (U+3007) is Han script too, outside the ideograph block
		{"𠀀㐀鿿", 3},     // extension B, extension A, the last basic ideograph
		{"２０２１年。，", 1}, // full-width digits and punctuation are not Han
	}
	for _, c := range cases {
		if got := HanCount(c.in); got != c.want {
			t.Errorf("HanCount(%q) = %d, want %d", c.in, got, c.want)
		}
	}
	// The fast path agrees with unicode.Han on every rune up to U+FFFF.
	for r := rune(0); r <= 0xFFFF; r++ {
		want := 0
		if unicode.Is(unicode.Han, r) {
			want = 1
		}
		if got := HanCount(string(r)); got != want && r != 0xFFFD {
			t.Fatalf("HanCount(%U) = %d, unicode.Han says %d", r, got, want)
		}
	}
}

func TestDocumentParts(t *testing.T) {
	d := &Document{Text: "序言。回顾部分。计划部分。"}
	d.Sections = []Section{
		{Part: PartAll, Start: 0, End: 9},
		{Part: PartReview, Start: 9, End: 24},
		{Part: PartPlan, Start: 24, End: len(d.Text)},
	}
	if got := d.PartText(PartReview); got != "回顾部分。" {
		t.Errorf("PartText(review) = %q", got)
	}
	if got := d.Chars(PartPlan); got != 4 {
		t.Errorf("Chars(plan) = %d, want 4", got)
	}
	if !d.InPart(PartPlan, 24) || d.InPart(PartPlan, 23) || !d.InPart(PartAll, 0) {
		t.Error("InPart is wrong at a section boundary")
	}
	for _, s := range []string{"all", "review", "plan", " Plan "} {
		if _, ok := ParsePart(s); !ok {
			t.Errorf("ParsePart(%q) failed", s)
		}
	}
	if _, ok := ParsePart("middle"); ok {
		t.Error("ParsePart(middle) accepted")
	}
}
