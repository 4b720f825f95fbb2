package cluster

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// gramCases are matrices on which the Gram matrix must give what the
// accumulators give, bit for bit: TF-IDF rows with long shared posting
// lists, raw counts, and a matrix with zero rows.
func gramCases(t *testing.T) map[string]*sparse.CSR {
	var tf vector.TFIDF
	tfidf, err := tf.FitTransform(testkit.RandomCSR(200, 300, 40, 9))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*sparse.CSR{
		"tfidf":     tfidf,
		"counts":    testkit.RandomCSR(150, 30, 6, 3),
		"zero rows": sparse.FromDense([][]float64{{0, 0, 0}, {1, 2, 0}, {0, 0, 0}, {0, 1, 3}, {2, 0, 1}}),
	}
}

// TestGramMatchesAccumulators: every entry of the Gram matrix equals the
// DotAcc product, on 1 and 3 workers; silhouettes and k-means++ seeds read
// from it equal those accumulated row by row.
func TestGramMatchesAccumulators(t *testing.T) {
	for name, x := range gramCases(t) {
		t.Run(name, func(t *testing.T) {
			xt := x.Transpose()
			acc := sparse.NewDotAcc(x.Rows)
			for _, workers := range []int{1, 3} {
				g := sparse.NewGram(x, workers)
				for i := range x.Rows {
					acc.Row(x, xt, i)
					for j := range x.Rows {
						if j != i && math.Float64bits(g.Dot(i, j)) != math.Float64bits(acc.Dot(j)) {
							t.Fatalf("%d workers: dot(%d,%d) = %v from the Gram matrix, %v accumulated", workers, i, j, g.Dot(i, j), acc.Dot(j))
						}
					}
				}
			}
			g := sparse.NewGram(x, 0)
			labels := make([]int, x.Rows)
			for i := range labels {
				labels[i] = i % 3
			}
			for _, metric := range []string{"cosine", "euclidean"} {
				s1, m1 := silhouette(x, labels, metric, g)
				s2, m2 := silhouette(x, labels, metric, nil)
				if !slices.Equal(s1, s2) || math.Float64bits(m1) != math.Float64bits(m2) {
					t.Errorf("%s silhouettes differ: %v (Gram) %v (accumulated)", metric, s1, s2)
				}
			}
			for _, k := range []int{2, 4} {
				with := newKMData(x, 2, k, 1, g)
				without := newKMData(x, 2, k, 1, nil)
				without.g, without.xt = nil, x.Transpose()
				without.accs = []*sparse.DotAcc{sparse.NewDotAcc(x.Rows), sparse.NewDotAcc(x.Rows)}
				c1 := with.seed(k, rand.New(rand.NewPCG(5, 1)))
				c2 := without.seed(k, rand.New(rand.NewPCG(5, 1)))
				if !slices.Equal(c1, c2) {
					t.Errorf("k %d: k-means++ seeds differ with and without the Gram matrix", k)
				}
			}
		})
	}
}

// TestKernelMatchesLloyd: k-means with the Gram matrix (kernelAssign after
// the first step) gives plain Lloyd's result bit for bit: labels,
// inertia, iterations and centroids, on matrices with long shared
// postings, with duplicate rows (ties between centroids; more clusters
// than distinct rows, so empty clusters are re-seeded) and zero rows.
func TestKernelMatchesLloyd(t *testing.T) {
	cases := gramCases(t)
	dup := make([][]float64, 60)
	for i := range dup {
		dup[i] = []float64{float64(i % 3), float64(i % 2), 1}
	}
	cases["duplicates"] = sparse.FromDense(dup)
	// Rows on a lattice of steps of 0.1 (not exact in binary): many
	// distances that are equal in exact arithmetic differ in the last bits
	// as computed, so a label taken from the Gram matrix without its error
	// bound would differ (this case fails without it).
	for trial := range 40 {
		rng := rand.New(rand.NewPCG(uint64(trial), 9))
		rows := make([][]float64, 20+rng.IntN(40))
		dims := 2 + rng.IntN(3)
		for i := range rows {
			rows[i] = make([]float64, dims)
			for c := range rows[i] {
				rows[i][c] = 0.1 * float64(rng.IntN(4))
			}
		}
		cases[fmt.Sprintf("lattice %d", trial)] = sparse.FromDense(rows)
	}
	for name, x := range cases {
		if x.NNZ() == 0 {
			continue
		}
		for _, k := range []int{1, 2, 5, 9} {
			if k > x.Rows {
				continue
			}
			for seed := range uint64(2) {
				with := newKMData(x, 2, k, 1, sparse.NewGram(x, 2))
				without := newKMData(x, 2, k, 1, nil)
				without.g, without.xt = nil, x.Transpose()
				without.accs = []*sparse.DotAcc{sparse.NewDotAcc(x.Rows)}
				seeds := with.seed(k, rand.New(rand.NewPCG(seed, 1)))
				if !slices.Equal(seeds, without.seed(k, rand.New(rand.NewPCG(seed, 1)))) {
					t.Fatalf("%s k %d seed %d: seeds differ", name, k, seed)
				}
				// the usual tolerance, and the shift of the second step
				// itself, where stopping hangs on the last bit of the shift
				tols := []float64{1e-4 * with.meanVariance(), secondShift(without, seeds)}
				same := true
				var r1, r2 *KMeansResult
				for _, tol := range tols {
					r1 = with.run(context.Background(), seeds, 300, tol)
					r2 = without.run(context.Background(), seeds, 300, tol)
					same = same && slices.Equal(r1.Labels, r2.Labels) && r1.Iter == r2.Iter &&
						math.Float64bits(r1.Inertia) == math.Float64bits(r2.Inertia) && slices.Equal(r1.Sizes, r2.Sizes)
					for c := range r1.Centroids {
						same = same && slices.Equal(r1.Centroids[c], r2.Centroids[c])
					}
				}
				if !same {
					t.Errorf("%s k %d seed %d: with the Gram matrix %v (inertia %v, %d iterations), without %v (%v, %d)",
						name, k, seed, r1.Labels, r1.Inertia, r1.Iter, r2.Labels, r2.Inertia, r2.Iter)
				}
			}
		}
	}
}

// secondShift is centerShift after the second Lloyd step from seeds, as
// run computes it.
func secondShift(d *kmData, seeds []int) float64 {
	k, n := len(seeds), d.x.Rows
	centers, next := make([]float64, k*d.x.Cols), make([]float64, k*d.x.Cols)
	for c, row := range seeds {
		d.setCenter(centers, k, c, row)
	}
	labels, dist, cn := make([]int, n), make([]float64, n), make([]float64, k)
	var shift float64
	for range 2 {
		d.assign(centers, cn, labels, dist, nil)
		d.update(labels, dist, k, next)
		shift = centerShift(next, centers, k)
		centers, next = next, centers
	}
	return shift
}

// TestPickBest: the run of least exact inertia wins, ties to the earlier,
// and only runs whose estimate could be least are made exact.
func TestPickBest(t *testing.T) {
	var finished []int
	mk := func(id int, est, bound, exact float64) *outcome {
		o := &outcome{KMeansResult: &KMeansResult{Inertia: est, Iter: id}, bound: bound}
		if bound > 0 {
			o.finish = func() { finished = append(finished, id); o.Inertia = exact }
		}
		return o
	}
	tests := []struct {
		runs     []*outcome
		want     int
		finished []int
	}{
		{[]*outcome{mk(0, 5, 0.1, 5.05), mk(1, 3, 0.1, 3.05), mk(2, 4, 0.1, 4)}, 1, []int{1}},
		// overlapping estimates: both made exact; the later is less
		{[]*outcome{mk(0, 3, 0.1, 3.02), mk(1, 3.05, 0.1, 3.01), mk(2, 9, 0.1, 9)}, 1, []int{0, 1}},
		// equal exact inertias: the earlier
		{[]*outcome{mk(0, 7, 0, 7), mk(1, 3, 0.1, 3), mk(2, 3, 0.1, 3)}, 1, []int{1, 2}},
		{[]*outcome{mk(0, 3, 0, 3), mk(1, 3, 0, 3)}, 0, nil},
	}
	for n, tc := range tests {
		finished = nil
		if got := pickBest(tc.runs); got.Iter != tc.want || !slices.Equal(finished, tc.finished) {
			t.Errorf("case %d: run %d won, %v made exact; want %d, %v", n, got.Iter, finished, tc.want, tc.finished)
		}
	}
}
