package reports

import (
	"strings"
	"testing"

	"github.com/tifa-project/tifa/sections"
)

// The tests of the section splitter are in package sections; these check
// how reports uses it: Document's parts, the real corpus, and the loader's
// sections (load_test.go).

// secFiller is filler prose for synthetic reports (as in package sections'
// tests): long enough that no line of it is a heading, and carrying words
// that would classify a heading.
const secFiller = "过去一年，我们坚持稳中求进工作总基调，认真落实各项任务和工作安排，经济社会发展取得新成效，人民群众获得感明显增强。\n"

// checkSections fails the test when secs break a promise of
// SplitSections (sections.Check).
func checkSections(t *testing.T, text string, secs []Section) {
	t.Helper()
	if err := sections.Check(text, secs); err != nil {
		t.Fatal(err)
	}
}

func TestSectionsInPart(t *testing.T) {
	text := "各位代表：\n一、2023年工作回顾\n回顾。\n二、2024年工作安排\n安排。\n"
	d := &Document{Text: text, Sections: SplitSections(text, 2024)}
	if got := d.PartText(PartReview); got != "一、2023年工作回顾\n回顾。\n" {
		t.Errorf("review = %q", got)
	}
	if got := d.PartText(PartPlan); got != "二、2024年工作安排\n安排。\n" {
		t.Errorf("plan = %q", got)
	}
	if !d.InPart(PartReview, strings.Index(text, "回顾。")) || d.InPart(PartPlan, strings.Index(text, "回顾。")) {
		t.Error("InPart misplaces the review")
	}
}

// TestAcceptanceSectionsCorpus splits the real corpus (read with the real
// Decode and Clean) and requires a review and a plan section in at least
// 90% of the reports delivered from 1978 on; earlier State Council reports
// have no such headings.
func TestAcceptanceSectionsCorpus(t *testing.T) {
	dir := loadSharedDir(t, "corpus")
	src, err := Open([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var n, both int
	var missing []string
	err = src.Each(func(d *Document) error {
		checkSections(t, d.Text, d.Sections)
		if d.Meta.Year < 1978 {
			return nil
		}
		n++
		if len(d.Spans(PartReview)) > 0 && len(d.Spans(PartPlan)) > 0 {
			both++
		} else {
			missing = append(missing, d.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rate := float64(both) / float64(n)
	t.Logf("review and plan found in %d of %d reports from 1978 on (%.1f%%); missing: %s", both, n, 100*rate, strings.Join(missing, " "))
	if rate < 0.90 {
		t.Errorf("review and plan found in %.1f%% of the reports, want >= 90%%", 100*rate)
	}
}
