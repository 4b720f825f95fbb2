package vector

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
)

func tfidfOf(t testing.TB, x *sparse.CSR) *sparse.CSR {
	t.Helper()
	var tf TFIDF
	w, err := tf.FitTransform(x)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestTopKWithin: each row's neighbours are TopK's on its block alone
// (oracle: TopK on the block's rows, indices mapped back); a row in no
// block has none; workers change nothing.
func TestTopKWithin(t *testing.T) {
	x := tfidfOf(t, testkit.RandomCSR(150, 200, 12, 7))
	rng := rand.New(rand.NewPCG(1, 2))
	block := make([]int, x.Rows)
	for i := range block {
		block[i] = rng.IntN(6) - 1 // −1: in no block
	}
	for _, workers := range []int{1, 3} {
		got, err := TopKWithin(context.Background(), x, block, 4, workers)
		if err != nil {
			t.Fatal(err)
		}
		for b := -1; b < 5; b++ {
			var rows []int
			for i, bb := range block {
				if bb == b {
					rows = append(rows, i)
				}
			}
			want := TopK(x.SelectRows(rows), 4, 1)
			for r, i := range rows {
				if b < 0 {
					want[r] = []Neighbor{}
				}
				for p := range want[r] {
					want[r][p].Index = rows[want[r][p].Index]
				}
				if !reflect.DeepEqual(got[i], want[r]) {
					t.Fatalf("workers %d row %d (block %d): %v, want %v", workers, i, b, got[i], want[r])
				}
			}
		}
	}
}

// TestTopKApprox: with every row a candidate the result is TopK's, bit
// for bit; with few candidates, every neighbour found has TopK's score,
// the lists are sorted, and on rows drawn around a few centres nearly all
// true neighbours are found.
func TestTopKApprox(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	b := sparse.NewCSRBuilder(300)
	for i := range 200 {
		row := map[int]float64{}
		centre := (i % 8) * 30
		for range 25 {
			row[centre+rng.IntN(40)] += 1
		}
		for range 5 {
			row[rng.IntN(300)] += 1
		}
		b.AddMap(row)
	}
	x := tfidfOf(t, b.Build())
	exact := TopK(x, 5, 2)
	all, err := TopKApprox(context.Background(), x, 5, Approx{Candidates: x.Rows, Seed: 1}, 2)
	if err != nil || !reflect.DeepEqual(all, exact) {
		t.Fatalf("every row a candidate: differs from TopK (%v)", err)
	}
	score := map[[2]int]float64{}
	for i, list := range TopK(x, x.Rows, 2) {
		for _, nb := range list {
			score[[2]int{i, nb.Index}] = nb.Score
		}
	}
	got, err := TopKApprox(context.Background(), x, 5, Approx{Candidates: 40, Seed: 1}, 3)
	if err != nil {
		t.Fatal(err)
	}
	found, total := 0, 0
	for i, list := range got {
		want := map[int]bool{}
		for _, nb := range exact[i] {
			want[nb.Index] = true
		}
		for p, nb := range list {
			if s, ok := score[[2]int{i, nb.Index}]; !ok || s != nb.Score {
				t.Fatalf("row %d: neighbour %d scored %v, TopK %v", i, nb.Index, nb.Score, s)
			}
			if p > 0 && better(nb, list[p-1]) {
				t.Fatalf("row %d: not sorted: %v", i, list)
			}
			if want[nb.Index] {
				found++
			}
		}
		total += len(exact[i])
	}
	if recall := float64(found) / float64(total); recall < 0.9 {
		t.Errorf("recall@5 %.3f with 40 candidates of 200, want ≥ 0.9", recall)
	}
	again, _ := TopKApprox(context.Background(), x, 5, Approx{Candidates: 40, Seed: 1}, 1)
	if !reflect.DeepEqual(again, got) {
		t.Error("the result depends on the workers")
	}
}

func TestApproxPerRow(t *testing.T) {
	for _, c := range []struct {
		a       Approx
		k, want int
	}{
		{Approx{}, 1, 100},
		{Approx{}, 5, 200},
		{Approx{Candidates: 30}, 5, 30},
		{Approx{Candidates: -1}, 3, 120},
	} {
		if got := c.a.PerRow(c.k); got != c.want {
			t.Errorf("%+v.PerRow(%d) = %d, want %d", c.a, c.k, got, c.want)
		}
	}
}
