package topics

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

func TestHeldOutPerplexityHand(t *testing.T) {
	// Oracle: hand computation. One uniform topic over 4 terms: every
	// token has p = 1/4, perplexity 4. Two disjoint topics at θ = (½, ½):
	// p = ½ for every token, perplexity 2. θ = (0.8, 0.2) on tokens
	// 0, 0, 1: exp(−(2 ln 0.8 + ln 0.2)/3) = 1.9842513149602492.
	uniform := &Model{Topics: 1, Terms: 4, TopicTerm: mat.NewDense(1, 4, []float64{.25, .25, .25, .25})}
	disjoint := &Model{Topics: 2, Terms: 2, TopicTerm: mat.NewDense(2, 2, []float64{1, 0, 0, 1})}
	tests := []struct {
		name  string
		m     *Model
		theta *mat.Dense
		docs  [][]int32
		want  float64
	}{
		{"uniform", uniform, mat.NewDense(2, 1, []float64{1, 1}), [][]int32{{0, 1, 3}, {2}}, 4},
		{"disjoint halves", disjoint, mat.NewDense(1, 2, []float64{.5, .5}), [][]int32{{0, 1, 1}}, 2},
		{"disjoint skewed", disjoint, mat.NewDense(1, 2, []float64{.8, .2}), [][]int32{{0, 0, 1}}, 1.9842513149602492},
	}
	for _, tc := range tests {
		got, err := tc.m.HeldOutPerplexity(tc.theta, tc.docs)
		if err != nil || math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: perplexity %v (%v), want %v ± 1e-12", tc.name, got, err, tc.want)
		}
	}
	if _, err := uniform.HeldOutPerplexity(mat.NewDense(1, 1, []float64{1}), [][]int32{{0}, {1}}); err == nil {
		t.Error("θ with 1 row for 2 documents: no error")
	}
	if _, err := uniform.HeldOutPerplexity(mat.NewDense(1, 1, []float64{1}), [][]int32{{7}}); err == nil {
		t.Error("term 7 of 4: no error")
	}
}

// TestPerplexityNearTrueModel compares a fitted model's held-out
// perplexity with that of the generating model (the oracle, scored the
// same way): the fit must come within 3 %, and beat a one-topic model.
func TestPerplexityNearTrueModel(t *testing.T) {
	syn := newSynthetic(4, 360, 500, 5, 200, 0.3, 0.05)
	train, test := syn.docs[:300], syn.docs[300:]
	truth := &Model{Topics: 5, Terms: 500, Alpha: 0.3, TopicTerm: syn.phi}
	want, err := truth.Perplexity(test, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := Fit(train, 500, Options{K: 5, Iterations: 200, Seed: 1, Alpha: 0.3, Beta: 0.05})
	got, err := m.Perplexity(test, 100, 1)
	if err != nil {
		t.Fatal(err)
	}
	one, _ := Fit(train, 500, Options{K: 1, Iterations: 20, Seed: 1})
	flat, _ := one.Perplexity(test, 100, 1)
	t.Logf("held-out perplexity: true model %.2f, fitted k=5 %.2f, k=1 %.2f", want, got, flat)
	if got > want*1.03 {
		t.Errorf("fitted perplexity %.2f, want within 3%% of the true model's %.2f", got, want)
	}
	if flat < got*1.2 {
		t.Errorf("one topic %.2f vs five %.2f: want five clearly better", flat, got)
	}
	if _, err := m.Perplexity([][]int32{{1}, {}}, 10, 1); err == nil {
		t.Error("no document of two tokens: no error")
	}
}

func TestInfer(t *testing.T) {
	syn := newSynthetic(5, 100, 300, 4, 150, 0.3, 0.05)
	m, _ := Fit(syn.docs, 300, Options{K: 4, Iterations: 100, Seed: 1})
	a, err := m.Infer(syn.docs[:20], 50, 3)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := m.Infer(syn.docs[:20], 50, 3)
	if !mat.Equal(a, b) {
		t.Error("two inferences with one seed differ")
	}
	checkRowsSumTo1(t, "inferred θ", a)
	// Folding the training documents in again should give about the
	// fitted θ (oracle: Fit's own estimate; tolerance 0.1 per share).
	var worst float64
	for d := range 20 {
		for k := range 4 {
			worst = math.Max(worst, math.Abs(a.At(d, k)-m.DocTopic.At(d, k)))
		}
	}
	if worst > 0.1 {
		t.Errorf("inferred θ differs from fitted θ by up to %.3f, want ≤ 0.1", worst)
	}
	if _, err := m.Infer(syn.docs, 0, 1); err == nil {
		t.Error("0 iterations: no error")
	}
}

func TestCoherenceHand(t *testing.T) {
	// Oracle: hand computation. Terms 0 and 1 always together (npmi 1),
	// 2 and 3 never together (npmi −1). Windows: {0,1}, {0,1,2}, {3}, {}.
	m := &Model{Topics: 2, Terms: 4, TopicTerm: mat.NewDense(2, 4, []float64{
		.5, .4, .05, .05,
		.05, .05, .5, .4,
	})}
	got, err := m.Coherence([][]int32{{0, 1}, {0, 1, 2}, {3}, {}}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{1, -1}; math.Abs(got[0]-want[0]) > 1e-15 || math.Abs(got[1]-want[1]) > 1e-15 {
		t.Errorf("coherence %v, want %v", got, want)
	}
	// Three terms: pairs (0,1) 1, (0,2) and (1,2): n_ab 1, n_a 2, n_b 1,
	// N 4: ln(0.25/(0.5·0.25))/−ln 0.25 = ln 2/ln 4 = 0.5; mean 2/3.
	got, _ = m.Coherence([][]int32{{0, 1}, {0, 1, 2}, {3}, {}}, 3)
	if math.Abs(got[0]-2.0/3) > 1e-15 {
		t.Errorf("topic 0 over 3 terms: %v, want 2/3", got[0])
	}
	if _, err := m.Coherence(nil, 3); err == nil {
		t.Error("no windows: no error")
	}
	if _, err := m.Coherence([][]int32{{0}}, 1); err == nil {
		t.Error("1 term: no error")
	}
}

func TestChooseK(t *testing.T) {
	syn := newSynthetic(6, 300, 500, 5, 200, 0.3, 0.05)
	ch, err := ChooseK(syn.docs, 500, Options{Iterations: 150, Seed: 1}, Search{Ks: []int{2, 3, 5, 8, 12}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ch.Scores {
		t.Logf("k %2d: perplexity %.2f, coherence %.3f", s.K, s.Perplexity, s.Coherence)
	}
	if ch.K != 5 {
		t.Errorf("chose k = %d, want the true 5", ch.K)
	}
	if len(ch.HeldOut) != 60 || !slices.IsSorted(ch.HeldOut) {
		t.Errorf("held out %d documents (sorted %v), want 60", len(ch.HeldOut), slices.IsSorted(ch.HeldOut))
	}
	for _, tc := range []struct {
		s    Search
		want string
	}{
		{Search{}, "no candidate k"},
		{Search{Ks: []int{0}}, "k 0"},
		{Search{Ks: []int{2}, HeldOut: 1}, "held-out share 1"},
		{Search{Ks: []int{2}, Tolerance: -1}, "tolerance -1"},
		{Search{Ks: []int{2}, TopN: 1}, "top terms 1"},
	} {
		if _, err := ChooseK(syn.docs, 500, Options{Iterations: 1}, tc.s); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want %q", tc.s, err, tc.want)
		}
	}
}

func TestGroupMeans(t *testing.T) {
	// Oracle: hand computation.
	theta := mat.NewDense(3, 2, []float64{
		1, 0,
		0, 1,
		.5, .5,
	})
	means, err := GroupMeans(theta, [][]int{{1}, {0, 2}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := mat.NewDense(2, 2, []float64{0, 1, .75, .25})
	if !mat.EqualApprox(means, want, 1e-15) {
		t.Errorf("means %v; want %v", mat.Formatted(means), mat.Formatted(want))
	}
	means, _ = GroupMeans(theta, [][]int{{0, 2}, {1}}, []float64{1, 1, 3})
	if want := []float64{(1 + 1.5) / 4, 1.5 / 4}; !slices.Equal(means.RawRowView(0), want) {
		t.Errorf("weighted means %v, want %v", means.RawRowView(0), want)
	}
	for _, tc := range []struct {
		members [][]int
		weights []float64
		want    string
	}{
		{[][]int{{0, 3}}, nil, "group 0: document 3 of 3"},
		{[][]int{{0}}, []float64{1}, "3 documents, 1 weights"},
		{[][]int{{0, 2}, {1}}, []float64{1, 0, 1}, "group 1 has no weight"},
		{[][]int{{0, 1, 2}}, []float64{1, -1, 1}, "document 1: weight -1"},
	} {
		if _, err := GroupMeans(theta, tc.members, tc.weights); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v %v: error %v, want %q", tc.members, tc.weights, err, tc.want)
		}
	}
}

// TestFitHeldOut: the documents held out are ChooseK's, its perplexity
// and coherence those ChooseK scores for the same k, every document gets
// shares summing to 1, and the held-out ones lean to their true topic.
func TestFitHeldOut(t *testing.T) {
	syn := newSynthetic(6, 300, 500, 5, 200, 0.3, 0.05)
	opt := Options{K: 5, Iterations: 100, Seed: 3}
	ch, err := ChooseK(syn.docs, 500, opt, Search{Ks: []int{5}, HeldOut: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	sc, err := FitHeldOut(syn.docs, 500, opt, Search{HeldOut: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sc.HeldOut, ch.HeldOut) || len(sc.HeldOut) != 30 {
		t.Errorf("held out %v, ChooseK %v", sc.HeldOut, ch.HeldOut)
	}
	if math.Abs(sc.Perplexity-ch.Scores[0].Perplexity) > 1e-9 || math.Abs(stat.Mean(sc.Coherence, nil)-ch.Scores[0].Coherence) > 1e-12 {
		t.Errorf("perplexity %g coherence %v; ChooseK %+v", sc.Perplexity, sc.Coherence, ch.Scores[0])
	}
	if r, c := sc.Theta.Dims(); r != 300 || c != 5 {
		t.Fatalf("theta %d×%d, want 300×5", r, c)
	}
	for d := range 300 {
		if s := floats.Sum(sc.Theta.RawRowView(d)); math.Abs(s-1) > 1e-9 {
			t.Errorf("document %d: shares sum to %g", d, s)
		}
	}
	// Each held-out document's largest inferred share falls on the
	// fitted topic closest to its largest true topic, for most of them.
	match := make([]int, 5) // true topic → fitted topic of largest cosine
	for k := range 5 {
		best := -1.0
		for j := range 5 {
			a, b := syn.phi.RawRowView(k), sc.Model.TopicTerm.RawRowView(j)
			if c := floats.Dot(a, b) / (floats.Norm(a, 2) * floats.Norm(b, 2)); c > best {
				best, match[k] = c, j
			}
		}
	}
	agree := 0
	for _, d := range sc.HeldOut {
		if floats.MaxIdx(sc.Theta.RawRowView(d)) == match[floats.MaxIdx(syn.theta.RawRowView(d))] {
			agree++
		}
	}
	if agree < 27 {
		t.Errorf("%d of 30 held-out documents have their true main topic, want ≥ 27", agree)
	}
	if _, err := FitHeldOut(syn.docs[:1], 500, opt, Search{}); err == nil {
		t.Error("one document: no error")
	}
}

func TestLabels(t *testing.T) {
	// Oracle: by hand. Topic 0 is seeded; topic 1 puts most weight on
	// term 2, then term 0.
	m := &Model{Topics: 2, Seeded: 1, Terms: 3, TopicTerm: mat.NewDense(2, 3, []float64{.5, .3, .2, .3, .1, .6})}
	got := m.Labels([]string{"economy"}, []string{"改革", "开放", "市场"}, 2)
	if !slices.Equal(got, []string{"economy", "2 市场·改革"}) {
		t.Errorf("labels %q", got)
	}
}
