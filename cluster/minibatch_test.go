package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/tifa-project/tifa/sparse"
)

// TestMiniBatch: on five groups of 400 rows (each on 20 columns of its own), mini-batch
// k-means with batches of 100 finds the groups (labels renumbered by first
// appearance, rows in group order), as Lloyd's k-means does; the same seed
// gives the same labels; bad k is an error.
func TestMiniBatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	b := sparse.NewCSRBuilder(100)
	var truth []int
	for g := range 5 {
		for range 400 {
			row := map[int]float64{}
			for range 12 {
				row[g*20+rng.IntN(20)] += 1 + rng.Float64()
			}
			b.AddMap(row)
			truth = append(truth, g)
		}
	}
	x := b.Build()
	mb := &MiniBatch{K: 5, Batch: 100, Seed: 3, Inits: 10}
	r, err := mb.Fit(x)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Labels, truth) {
		t.Errorf("labels differ from the groups (sizes %v)", r.Sizes)
	}
	again, _ := (&MiniBatch{K: 5, Batch: 100, Seed: 3, Inits: 10, Workers: 1}).Fit(x)
	if !slices.Equal(again.Labels, r.Labels) || again.Inertia != r.Inertia {
		t.Error("same seed, different result")
	}
	if r.Iter < 1 || r.Iter > 100 {
		t.Errorf("%d steps", r.Iter)
	}
	for _, k := range []int{0, x.Rows + 1} {
		if _, err := (&MiniBatch{K: k}).Fit(x); err == nil {
			t.Errorf("k %d: no error", k)
		}
	}
	res, err := Cluster(x, Options{Method: "minibatch", K: 5, Seed: 1})
	if err != nil || !slices.Equal(res.Labels, truth) || res.Mean < 0.2 {
		t.Errorf("Cluster minibatch: %v, mean silhouette %v, labels equal %v", err, res.Mean, slices.Equal(res.Labels, truth))
	}
}
