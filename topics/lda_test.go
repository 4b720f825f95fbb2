package topics

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// TestFitRecoversTopics is the validation: documents drawn from 5
// known topics; every true topic must be matched by a fitted one at cosine
// ≥ 0.9 (oracle: the generating φ), with the exact sampler and with
// AD-LDA shards.
func TestFitRecoversTopics(t *testing.T) {
	syn := newSynthetic(1, 300, 500, 5, 200, 0.3, 0.05)
	for _, shards := range []int{1, 4} {
		m, err := Fit(syn.docs, 500, Options{K: 5, Iterations: 200, Seed: 1, Shards: shards})
		if err != nil {
			t.Fatal(err)
		}
		cos := bestMatch(syn.phi, m.TopicTerm)
		t.Logf("shards %d: best cosine of each true topic %.4f", shards, cos)
		for k, c := range cos {
			if c < 0.9 {
				t.Errorf("shards %d: true topic %d best matched at cosine %.3f, want ≥ 0.9", shards, k, c)
			}
		}
		checkRowsSumTo1(t, "θ", m.DocTopic)
		checkRowsSumTo1(t, "φ", m.TopicTerm)
	}
	// The check can fail: two topics cannot match five.
	m, err := Fit(syn.docs, 500, Options{K: 2, Iterations: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if cos := bestMatch(syn.phi, m.TopicTerm); slices.Min(cos) >= 0.9 {
		t.Errorf("k = 2 matched all five true topics at cosine ≥ 0.9: %.3f", cos)
	}
}

func checkRowsSumTo1(t *testing.T, name string, x *mat.Dense) {
	t.Helper()
	r, _ := x.Dims()
	for i := range r {
		if s := floats.Sum(x.RawRowView(i)); math.Abs(s-1) > 1e-12 {
			t.Fatalf("%s row %d sums to %.15f, want 1 ± 1e-12", name, i, s)
		}
	}
}

func TestFitDeterministic(t *testing.T) {
	syn := newSynthetic(2, 60, 200, 3, 80, 0.3, 0.05)
	base := Options{K: 3, Iterations: 20, Seed: 7, Shards: 3}
	first, err := Fit(syn.docs, 200, base)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2, 5} {
		o := base
		o.Workers = workers
		again, _ := Fit(syn.docs, 200, o)
		if !mat.Equal(first.DocTopic, again.DocTopic) || !mat.Equal(first.TopicTerm, again.TopicTerm) {
			t.Errorf("workers %d: model differs from the first fit", workers)
		}
	}
	o := base
	o.Seed = 8
	other, _ := Fit(syn.docs, 200, o)
	if mat.Equal(first.DocTopic, other.DocTopic) {
		t.Error("seeds 7 and 8 gave the same model")
	}
}

// TestFitSeeded seeds topic 0 with three top terms of true topic 3 and
// topic 1 with three of true topic 1; the seeded topics must be those
// topics (cosine ≥ 0.9 with the generating φ), and the free topics must
// match the rest.
func TestFitSeeded(t *testing.T) {
	syn := newSynthetic(3, 300, 500, 5, 200, 0.3, 0.05)
	topOf := func(k int) []int32 {
		m := &Model{Topics: 5, Terms: 500, TopicTerm: syn.phi}
		var out []int32
		for _, tw := range m.Top(k, 3) {
			out = append(out, tw.Term)
		}
		return out
	}
	seeds := [][]int32{topOf(3), topOf(1)}
	m, err := Fit(syn.docs, 500, Options{K: 3, Iterations: 200, Seed: 1, Seeds: seeds})
	if err != nil {
		t.Fatal(err)
	}
	if m.Topics != 5 || m.Seeded != 2 {
		t.Fatalf("%d topics, %d seeded; want 5, 2", m.Topics, m.Seeded)
	}
	for j, want := range []int{3, 1} {
		a, b := syn.phi.RawRowView(want), m.TopicTerm.RawRowView(j)
		if c := floats.Dot(a, b) / (floats.Norm(a, 2) * floats.Norm(b, 2)); c < 0.9 {
			t.Errorf("seeded topic %d: cosine %.3f with true topic %d, want ≥ 0.9", j, c, want)
		}
	}
	for k, c := range bestMatch(syn.phi, m.TopicTerm) {
		if c < 0.9 {
			t.Errorf("true topic %d best matched at cosine %.3f, want ≥ 0.9", k, c)
		}
	}
	checkRowsSumTo1(t, "φ", m.TopicTerm)
}

func TestFitErrors(t *testing.T) {
	docs := [][]int32{{0, 1, 2}, {2, 3}}
	tests := []struct {
		name string
		docs [][]int32
		v    int
		opt  Options
		want string
	}{
		{"k zero", docs, 4, Options{Iterations: 1}, "k 0: must be at least 1"},
		{"k negative", docs, 4, Options{K: -2, Iterations: 1}, "k -2"},
		{"too many topics", docs, 4, Options{K: MaxTopics + 1, Iterations: 1}, "at most 1000"},
		{"iterations zero", docs, 4, Options{K: 2}, "iterations 0"},
		{"alpha negative", docs, 4, Options{K: 2, Iterations: 1, Alpha: -1}, "alpha -1"},
		{"beta NaN", docs, 4, Options{K: 2, Iterations: 1, Beta: math.NaN()}, "beta NaN"},
		{"shards negative", docs, 4, Options{K: 2, Iterations: 1, Shards: -1}, "shards -1"},
		{"term out of range", docs, 3, Options{K: 2, Iterations: 1}, "document 1, token 1: term 3 out of range"},
		{"empty vocabulary", docs, 0, Options{K: 2, Iterations: 1}, "vocabulary of 0 terms"},
		{"empty seed list", docs, 4, Options{Iterations: 1, Seeds: [][]int32{{1}, {}}}, "seeded topic 1: no seed terms"},
		{"seed out of range", docs, 4, Options{Iterations: 1, Seeds: [][]int32{{9}}}, "seeded topic 0: term 9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Fit(tc.docs, tc.v, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := Fit([][]int32{{}, {}}, 4, Options{K: 2, Iterations: 1}); !errors.Is(err, ErrNoTokens) {
		t.Errorf("empty documents: error %v, want ErrNoTokens", err)
	}
}

// TestFitEmptyDocument: a document without tokens gets θ = 1/K (oracle:
// the formula with n_d = 0).
func TestFitEmptyDocument(t *testing.T) {
	m, err := Fit([][]int32{{0, 0, 1}, {}, {1, 2}}, 3, Options{K: 4, Iterations: 5})
	if err != nil {
		t.Fatal(err)
	}
	for k, x := range m.DocTopic.RawRowView(1) {
		if math.Abs(x-0.25) > 1e-15 {
			t.Errorf("θ[1][%d] = %v, want 0.25", k, x)
		}
	}
}

func TestTop(t *testing.T) {
	m := &Model{Topics: 1, Terms: 4, TopicTerm: mat.NewDense(1, 4, []float64{0.1, 0.4, 0.1, 0.4})}
	got := m.Top(0, 3)
	want := []TermWeight{{1, 0.4}, {3, 0.4}, {0, 0.1}}
	if !slices.Equal(got, want) {
		t.Errorf("Top = %v, want %v (ties by term id)", got, want)
	}
	if n := len(m.Top(0, 10)); n != 4 {
		t.Errorf("Top(0, 10) gave %d terms, want all 4", n)
	}
}
