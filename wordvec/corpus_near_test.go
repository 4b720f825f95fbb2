package wordvec_test

import (
	"errors"
	"math"
	"testing"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/wordvec"
)

// TestNearCategory scores texts against a category of the samples (the
// command's golden discover_near.csv checks the values) and names a
// category without a vector.
func TestNearCategory(t *testing.T) {
	src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*reports.Document
	if err := src.Each(func(d *reports.Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	lex := testkit.Builtin(t)
	texts := []string{"财政总收入", "没有这个词语啊"}
	near, err := wordvec.NearCategory(lex, reports.PartAll, docs, texts, "environment")
	if err != nil {
		t.Fatal(err)
	}
	if len(near) != 2 || math.IsNaN(near[0]) || near[0] < -1 || near[0] > 1 || !math.IsNaN(near[1]) {
		t.Errorf("NearCategory = %v, want a cosine and NaN", near)
	}
	_, err = wordvec.NearCategory(lex, reports.PartAll, docs[:1], texts, "no-such-category")
	var rare *wordvec.RareCategoryError
	if !errors.As(err, &rare) || rare.Category != "no-such-category" {
		t.Errorf("NearCategory(no-such-category) error = %v, want a RareCategoryError", err)
	}
}
