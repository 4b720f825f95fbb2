package reports

import (
	"testing"
)

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
