package wordvec

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/tifa-project/tifa/lexicon"
)

// handModel has four terms with hand-set unit vectors in the plane, and a
// fifth term (id 4) without a vector.
func handModel() *Model {
	s := math.Sqrt(0.5)
	return &Model{
		Terms:   []int32{0, 1, 2, 3},
		Count:   []int{9, 9, 9, 9},
		Vectors: mat.NewDense(4, 2, []float64{1, 0, s, s, 0, 1, s, s}),
		row:     []int32{0, 1, 2, 3, -1},
	}
}

func TestNearest(t *testing.T) {
	// Oracle: plane geometry. Query {0}: cosines 1: √½, 2: 0, 3: √½ (tie
	// with 1, broken by id).
	m := handModel()
	s := math.Sqrt(0.5)
	got, err := m.Nearest([]int32{0}, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []Neighbor{{1, s}, {3, s}, {2, 0}}
	for i, w := range want {
		if got[i].Term != w.Term || math.Abs(got[i].Cosine-w.Cosine) > 1e-15 {
			t.Errorf("neighbour %d: %+v, want %+v", i, got[i], w)
		}
	}
	// Query {0, 2}: centroid (½, ½), direction of 1 and 3 (cosine 1).
	got, _ = m.Nearest([]int32{0, 2}, 5, func(term int32) bool { return term != 3 })
	if len(got) != 1 || got[0].Term != 1 || math.Abs(got[0].Cosine-1) > 1e-15 {
		t.Errorf("query {0,2} without 3: %+v, want [{1 1}]", got)
	}
	if _, err := m.Nearest([]int32{4}, 3, nil); err == nil || !strings.Contains(err.Error(), "term 4 has no vector") {
		t.Errorf("term without vector: %v", err)
	}
	if _, err := m.Nearest([]int32{0}, 0, nil); err == nil {
		t.Error("k = 0: no error")
	}
	if _, err := m.Nearest(nil, 3, nil); err == nil {
		t.Error("no query terms: no error")
	}
	cl, _ := m.Closeness([]int32{2, 4}, []int32{0})
	if cl[0] != 0 || !math.IsNaN(cl[1]) {
		t.Errorf("closeness %v, want [0 NaN]", cl)
	}
	if c, ok := m.Similarity(1, 3); !ok || math.Abs(c-1) > 1e-15 {
		t.Errorf("similarity(1, 3) = %v, %v; want 1", c, ok)
	}
	if _, ok := m.Similarity(1, 4); ok {
		t.Error("similarity with a term without vector reported ok")
	}
}

func TestCategoryCheckHand(t *testing.T) {
	// Oracle: hand computation. Terms 0, 1 in "a", 2, 3 in "b"; 4 has no
	// vector. Pairs within: (0,1) √½, (2,3) √½; between: (0,2) 0, (0,3) √½,
	// (1,2) √½, (1,3) 1. Nearest: 0→1 (tie with 3, lower row), 1→3, 2→1
	// (tie with 3, lower row), 3→1: hits 0 only. Chance 2·2/(4·3) = 1/3.
	s := math.Sqrt(0.5)
	ch, err := CategoryCheck(handModel(), []int32{0, 1, 2, 3, 4}, []string{"a", "a", "b", "b", "b"})
	if err != nil {
		t.Fatal(err)
	}
	want := Check{Terms: 4, Missing: 1, Categories: 2, Within: s, Between: (2*s + 1) / 4,
		Gap: s - (2*s+1)/4, Accuracy: 0.25, Chance: 1.0 / 3}
	if ch.Terms != want.Terms || ch.Missing != want.Missing || ch.Categories != want.Categories ||
		math.Abs(ch.Within-want.Within) > 1e-15 || math.Abs(ch.Between-want.Between) > 1e-15 ||
		math.Abs(ch.Gap-want.Gap) > 1e-15 || ch.Accuracy != want.Accuracy || math.Abs(ch.Chance-want.Chance) > 1e-15 {
		t.Errorf("got %+v\nwant %+v", *ch, want)
	}
	if _, err := CategoryCheck(handModel(), []int32{0, 4}, []string{"a", "b"}); err == nil {
		t.Error("one term with a vector: no error")
	}
	if _, err := CategoryCheck(handModel(), []int32{0}, nil); err == nil {
		t.Error("length mismatch: no error")
	}
}

// TestWriteLexiconParsesBack writes candidates, hostile ones included,
// and reads the file with package lexicon (the oracle for the format).
func TestWriteLexiconParsesBack(t *testing.T) {
	cands := []Candidate{
		{"河湖长制", 0.812},
		{"- 列表", 0.5},    // YAML list syntax
		{"键: 值 #注", 0.4}, // mapping and comment syntax
		{"'引号\"", 0.3},
		{"yes", 0.2}, // a YAML 1.1 boolean
	}
	var buf bytes.Buffer
	if err := WriteLexicon(&buf, "environment", "河长制, 湖长制", cands); err != nil {
		t.Fatal(err)
	}
	entries, err := lexicon.Parse("candidates.yaml", &buf)
	if err != nil {
		t.Fatalf("lexicon.Parse: %v\n%s", err, buf.String())
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Slogan)
		if e.Category != "environment" || !strings.Contains(e.Note, "cosine") {
			t.Errorf("entry %+v: want category environment and a note", e)
		}
	}
	var want []string
	for _, c := range cands {
		want = append(want, lexicon.Unmark(lexicon.Normalize(c.Term))) // forms lose white space and quotation marks
	}
	if !slices.Equal(got, want) {
		t.Errorf("read back %q, want %q", got, want)
	}
	if err := WriteLexicon(&buf, "", "x", cands); err == nil {
		t.Error("empty category: no error")
	}
	buf.Reset()
	if err := WriteLexicon(&buf, "c", "x", nil); err != nil {
		t.Fatal(err)
	}
	if entries, err := lexicon.Parse("empty.yaml", &buf); err != nil || len(entries) != 0 {
		t.Errorf("no candidates: %v entries, %v", len(entries), err)
	}
}
