package topics

import (
	"slices"
	"testing"
)

// TestFitChoosing: with candidate ks it fits the k ChooseK chose, naming
// both steps; without, it is FitHeldOut with one step.
func TestFitChoosing(t *testing.T) {
	syn := newSynthetic(6, 120, 300, 3, 100, 0.3, 0.05)
	opt := Options{Iterations: 40, Seed: 2}
	var steps []string
	stage := func(what string) func() { steps = append(steps, what); return func() { steps = append(steps, "done") } }
	sc, choice, err := FitChoosing(syn.docs, 300, opt, Search{Ks: []int{2, 3}, HeldOut: 0.1}, stage)
	if err != nil {
		t.Fatal(err)
	}
	if choice == nil || sc.Model.Topics != choice.K || !slices.Equal(sc.HeldOut, choice.HeldOut) {
		t.Errorf("fitted %d topics; choice %+v", sc.Model.Topics, choice)
	}
	want := []string{"choosing the number of topics", "done", "fitting " + string(rune('0'+choice.K)) + " topics", "done"}
	if !slices.Equal(steps, want) {
		t.Errorf("steps %q, want %q", steps, want)
	}
	opt.K = 4
	sc, choice, err = FitChoosing(syn.docs, 300, opt, Search{HeldOut: 0.1}, nil)
	if err != nil || choice != nil || sc.Model.Topics != 4 {
		t.Errorf("k 4: %v topics, choice %v, %v", sc.Model.Topics, choice, err)
	}
}
