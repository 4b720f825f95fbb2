package vector

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
)

// cosFixture: by hand, with ‖r0‖ = ‖r1‖ = √2, ‖r3‖ = √8, ‖r4‖ = 5:
//
//	cos(r0,r1) = 1/(√2·√2) = 0.5
//	cos(r0,r3) = 4/(√2·√8) = 1      (same direction)
//	cos(r1,r3) = 2/(√2·√8) = 0.5
//	r2 is all zero: cosine 0 with everything, no neighbours
//	r4 shares no column with any row: cosine 0, no neighbours
var cosFixture = [][]float64{
	{1, 1, 0, 0},
	{1, 0, 1, 0},
	{0, 0, 0, 0},
	{2, 2, 0, 0},
	{0, 0, 0, 5},
}

func TestTopK(t *testing.T) {
	x := sparse.FromDense(cosFixture)
	tests := []struct {
		name string
		k    int
		want [][]Neighbor
	}{
		{"k=2", 2, [][]Neighbor{
			{{3, 1}, {1, 0.5}},
			{{0, 0.5}, {3, 0.5}}, // tie: lower index first
			{},
			{{0, 1}, {1, 0.5}},
			{},
		}},
		{"k=1", 1, [][]Neighbor{{{3, 1}}, {{0, 0.5}}, {}, {{0, 1}}, {}}},
		{"k > n", 10, [][]Neighbor{
			{{3, 1}, {1, 0.5}}, {{0, 0.5}, {3, 0.5}}, {}, {{0, 1}, {1, 0.5}}, {},
		}},
		{"k=0", 0, [][]Neighbor{{}, {}, {}, {}, {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TopK(x, tt.k, 2)
			if !equalNeighbors(got, tt.want, 1e-15) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
			for i, row := range got {
				if row == nil {
					t.Errorf("row %d: nil list, want empty", i)
				}
			}
		})
	}
}

func equalNeighbors(got, want [][]Neighbor, tol float64) bool {
	return slices.EqualFunc(got, want, func(a, b []Neighbor) bool {
		return slices.EqualFunc(a, b, func(p, q Neighbor) bool {
			return p.Index == q.Index && math.Abs(p.Score-q.Score) <= tol && !math.IsNaN(p.Score)
		})
	})
}

func TestTopKEdgeShapes(t *testing.T) {
	tests := []struct {
		name string
		x    *sparse.CSR
		want [][]Neighbor
	}{
		{"no rows", sparse.FromDense(nil), [][]Neighbor{}},
		{"one row", sparse.FromDense([][]float64{{1, 2}}), [][]Neighbor{{}}},
		{"all zero", sparse.FromDense([][]float64{{0, 0}, {0, 0}}), [][]Neighbor{{}, {}}},
		// Oracle: identical rows have cosine exactly 1 after clamping.
		{"identical", sparse.FromDense([][]float64{{0.1, 0.7}, {0.1, 0.7}, {0.1, 0.7}}),
			[][]Neighbor{{{1, 1}, {2, 1}}, {{0, 1}, {2, 1}}, {{0, 1}, {1, 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TopK(tt.x, 3, 0); !equalNeighbors(got, tt.want, 1e-15) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// bruteTopK is the obvious O(n²) reference: every pair by merge dot.
func bruteTopK(x *sparse.CSR, k int) [][]Neighbor {
	norms := x.RowNorms()
	out := make([][]Neighbor, x.Rows)
	for i := range out {
		out[i] = []Neighbor{}
		if norms[i] == 0 {
			continue
		}
		for j := range x.Rows {
			ai, _ := x.Row(i)
			bi, _ := x.Row(j)
			shared := slices.ContainsFunc(ai, func(c int) bool { _, ok := slices.BinarySearch(bi, c); return ok })
			if j != i && shared {
				out[i] = append(out[i], Neighbor{j, sparse.Cosine(x.RowDot(i, x, j), norms[i], norms[j])})
			}
		}
		slices.SortFunc(out[i], func(p, q Neighbor) int {
			if better(p, q) {
				return -1
			}
			return 1
		})
		out[i] = out[i][:min(k, len(out[i]))]
	}
	return out
}

func TestTopKMatchesBruteForceAnyWorkers(t *testing.T) {
	x := testkit.RandomCSR(300, 400, 15, 11)
	var tf TFIDF
	w, err := tf.FitTransform(x)
	if err != nil {
		t.Fatal(err)
	}
	want := bruteTopK(w, 7)
	for _, workers := range []int{1, 2, 5, 64} {
		got := TopK(w, 7, workers)
		// Same summation order in both: scores agree to the last bit.
		if !equalNeighbors(got, want, 0) {
			t.Fatalf("workers=%d: TopK differs from brute force\nrow 0 got  %v\nrow 0 want %v", workers, got[0], want[0])
		}
	}
}

// topKReference is the previous TopK, kept as the oracle for the symmetric
// kernel: every row accumulates its dot products with all rows sharing a
// column (each pair is computed twice, once from each side) and keeps its
// own k-heap.
func topKReference(x *sparse.CSR, k int, workers int) [][]Neighbor {
	x.MustValid()
	n := x.Rows
	out := make([][]Neighbor, n)
	for i := range out {
		out[i] = []Neighbor{}
	}
	if k <= 0 || n < 2 {
		return out
	}
	norms := x.RowNorms()
	xt := x.Transpose()
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const block = 32
	workers = max(1, min(workers, (n+block-1)/block))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			a := sparse.NewDotAcc(n)
			var h []Neighbor
			for {
				lo := int(next.Add(block)) - block
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+block, n); i++ {
					if norms[i] == 0 {
						continue
					}
					h = refTopOfRow(a, x, xt, norms, i, k, h[:0])
					if len(h) > 0 {
						out[i] = slices.Clone(h)
					}
				}
			}
		})
	}
	wg.Wait()
	return out
}

func refTopOfRow(a *sparse.DotAcc, x, xt *sparse.CSR, norms []float64, i, k int, h []Neighbor) []Neighbor {
	for _, j := range a.Row(x, xt, i) {
		nb := Neighbor{Index: j, Score: sparse.Cosine(a.Dot(j), norms[i], norms[j])}
		switch {
		case len(h) < k:
			h = append(h, nb)
			siftUp(h, len(h)-1)
		case better(nb, h[0]):
			h[0] = nb
			siftDown(h, 0)
		}
	}
	sortNeighbors(h)
	return h
}

// tieCSR builds an n×cols matrix (cols ≥ 1) of perRow draws per row, with
// the awkward rows mixed in: all-zero rows, exact and scaled duplicates of
// earlier rows (score ties), rows on a private column shared with nobody,
// rows storing only explicit zeros (entries but norm 0: neighbours of
// others at score 0, none of their own), tiny values whose products
// underflow, and negative values. Small integers make equal scores common.
// The sparse.CSR is assembled by hand, as the builder drops explicit zeros.
func tieCSR(n, cols, perRow int, seed uint64) *sparse.CSR {
	rng := rand.New(rand.NewPCG(seed, 7))
	m := &sparse.CSR{Rows: n, Cols: cols + n, Indptr: []int{0}, Ind: []int{}, Val: []float64{}}
	row := map[int]float64{}
	for i := range n {
		clear(row)
		switch u := rng.IntN(20); {
		case u == 0: // all zero
		case u <= 2 && i > 0: // duplicate, maybe scaled
			j := rng.IntN(i)
			f := []float64{1, 1, 2, -1}[rng.IntN(4)]
			for p := m.Indptr[j]; p < m.Indptr[j+1]; p++ {
				row[m.Ind[p]] = f * m.Val[p]
			}
		case u == 3: // a private column
			row[cols+i] = 1
		case u == 4: // explicit zeros only
			for range 1 + rng.IntN(3) {
				row[rng.IntN(cols)] = 0
			}
		default:
			for range perRow {
				c := int(float64(cols) * math.Pow(rng.Float64(), 2))
				v := float64(rng.IntN(4) - 1) // -1..2, zero kept as explicit
				switch rng.IntN(10) {
				case 0:
					v = rng.NormFloat64()
				case 1:
					v *= 1e-170
				}
				row[c] = v
			}
		}
		keys := slices.Sorted(func(yield func(int) bool) {
			for c := range row {
				if !yield(c) {
					return
				}
			}
		})
		for _, c := range keys {
			m.Ind = append(m.Ind, c)
			m.Val = append(m.Val, row[c])
		}
		m.Indptr = append(m.Indptr, len(m.Ind))
	}
	m.MustValid()
	return m
}

// TestTopKMatchesReference checks the symmetric kernel against the previous
// two-sided one. Both sum a pair's products over shared columns in
// ascending order and cosine is symmetric in its norms, so the scores, and
// hence the orderings with their tie-breaks, agree to the last bit, for any
// number of workers.
func TestTopKMatchesReference(t *testing.T) {
	tests := []struct {
		name              string
		n, cols, perRow   int
		k                 int
		wantSomeNeighbors bool
	}{
		{"n=0", 0, 3, 2, 3, false},
		{"n=1", 1, 3, 2, 3, false},
		{"n=2", 2, 1, 1, 1, true},
		{"n=2 k=5", 2, 1, 1, 5, true},
		{"tiny dense", 9, 3, 3, 4, true},
		{"sparse", 200, 500, 3, 5, true},
		{"dense-ish", 150, 20, 8, 10, true},
		{"k=1", 300, 80, 5, 1, true},
		{"k ≥ n", 40, 30, 4, 100, true},
		{"many blocks", 700, 300, 6, 7, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seed := range uint64(4) {
				x := tieCSR(tt.n, tt.cols, tt.perRow, seed)
				want := topKReference(x, tt.k, 1)
				if got := len(want) > 0 && slices.ContainsFunc(want, func(r []Neighbor) bool { return len(r) > 0 }); got != tt.wantSomeNeighbors && seed == 0 {
					t.Fatalf("seed %d: fixture has neighbours = %v", seed, got)
				}
				for _, workers := range []int{1, 2, 3, 7} {
					got := TopK(x, tt.k, workers)
					if i := firstDiff(got, want); i >= 0 {
						t.Fatalf("seed %d workers %d row %d:\ngot  %v\nwant %v", seed, workers, i, got[i], want[i])
					}
				}
			}
		})
	}
}

// firstDiff returns the first row where the lists differ (indices or
// scores, bit for bit, or a nil list), or -1.
func firstDiff(got, want [][]Neighbor) int {
	if len(got) != len(want) {
		return 0
	}
	for i := range got {
		if got[i] == nil || !slices.Equal(got[i], want[i]) {
			return i
		}
	}
	return -1
}

// TestTopKTiesAcrossWorkers: a block of identical rows spread over the
// matrix all score exactly 1 with each other, so every list is decided by
// the index tie-break alone, across the workers' partial heaps.
func TestTopKTiesAcrossWorkers(t *testing.T) {
	// Integer norms (3, 7, 9, 11, 9), so a row's cosine with a copy of
	// itself is exactly n²/(n·n) = 1.
	dirs := [][]float64{{1, 2, 2}, {2, 3, 6}, {1, 4, 8}, {2, 6, 9}, {4, 4, 7}}
	rows := make([][]float64, 500)
	for i := range rows {
		rows[i] = dirs[i%5]
	}
	x := sparse.FromDense(rows)
	want := topKReference(x, 6, 1)
	for i, r := range want { // oracle: rows ≡ i mod 5 are identical
		for p, nb := range r {
			if nb.Score != 1 || nb.Index%5 != i%5 || (p > 0 && nb.Index < r[p-1].Index) {
				t.Fatalf("reference row %d: %v", i, r)
			}
		}
	}
	for _, workers := range []int{1, 2, 3, 7} {
		if i := firstDiff(TopK(x, 6, workers), want); i >= 0 {
			t.Fatalf("workers %d: row %d differs", workers, i)
		}
	}
}

// TestTopKFiftyThousand runs 50,000 rows: a dense n×n matrix would need
// 20 GB, the inverted index a few MB.
func TestTopKFiftyThousand(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 rows")
	}
	x := testkit.RandomCSR(50000, 5000, 6, 5)
	start := time.Now()
	got := TopK(x, 5, 0)
	t.Logf("TopK 50,000×5,000 (%d nnz): %v", x.NNZ(), time.Since(start))
	if len(got) != 50000 {
		t.Fatalf("%d rows of neighbours", len(got))
	}
	// Spot-check a few rows against CosineTo.
	for _, i := range []int{0, 12345, 49999} {
		cos := CosineTo(x, i)
		for _, nb := range got[i] {
			if math.Abs(cos[nb.Index]-nb.Score) > 1e-12 || nb.Index == i {
				t.Errorf("row %d neighbour %v, CosineTo gives %g", i, nb, cos[nb.Index])
			}
		}
		if len(got[i]) != 5 {
			t.Errorf("row %d: %d neighbours, want 5", i, len(got[i]))
		}
	}
}

func TestCosineMatrixAndCosineTo(t *testing.T) {
	x := sparse.FromDense(cosFixture)
	// Oracle: the hand values in cosFixture's comment (1 on the diagonal
	// except for the zero row).
	want := [][]float64{
		{1, 0.5, 0, 1, 0},
		{0.5, 1, 0, 0.5, 0},
		{0, 0, 0, 0, 0},
		{1, 0.5, 0, 1, 0},
		{0, 0, 0, 0, 1},
	}
	got := CosineMatrix(x)
	if !testkit.CloseMatrix(got, want, 1e-15) {
		t.Errorf("CosineMatrix:%s\nwant:%s", testkit.FmtMatrix(got), testkit.FmtMatrix(want))
	}
	for i := range want {
		if c := CosineTo(x, i); !testkit.CloseSlice(c, want[i], 1e-15) {
			t.Errorf("CosineTo(%d) = %v, want %v", i, c, want[i])
		}
	}
	// The matrix is exactly symmetric on random data too.
	r := CosineMatrix(testkit.RandomCSR(60, 100, 10, 2))
	for i := range r {
		for j := range r {
			if r[i][j] != r[j][i] || math.IsNaN(r[i][j]) {
				t.Fatalf("cos[%d][%d] = %v, cos[%d][%d] = %v", i, j, r[i][j], j, i, r[j][i])
			}
		}
	}
}

// TestCosineSklearn checks a TF-IDF matrix's cosine matrix against
// scikit-learn 1.2.1: cosine_similarity(TfidfTransformer().fit_transform(X))
// for the tfidfFixture counts.
func TestCosineSklearn(t *testing.T) {
	var tf TFIDF
	w, err := tf.FitTransform(sparse.FromDense(tfidfFixture))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{
		{1, 0.427583386415621, 0.28827939205188824},
		{0.427583386415621, 1, 0.09532754652729851},
		{0.28827939205188824, 0.09532754652729851, 1}, // sklearn: 1.0000000000000002
	}
	if got := CosineMatrix(w); !testkit.CloseMatrix(got, want, 1e-12) {
		t.Errorf("got:%s\nwant:%s", testkit.FmtMatrix(got), testkit.FmtMatrix(want))
	}
}

func ExampleTopK() {
	x := sparse.FromDense([][]float64{
		{1, 1, 0},
		{1, 0, 1},
		{2, 2, 0},
		{0, 0, 0},
	})
	for i, nbs := range TopK(x, 2, 1) {
		fmt.Printf("%d:", i)
		for _, nb := range nbs {
			fmt.Printf(" %d(%.2f)", nb.Index, nb.Score)
		}
		fmt.Println()
	}
	// Output:
	// 0: 2(1.00) 1(0.50)
	// 1: 0(0.50) 2(0.50)
	// 2: 0(1.00) 1(0.50)
	// 3:
}

func BenchmarkTopK(b *testing.B) {
	for _, rows := range []int{300, 3000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			var tf TFIDF
			x, err := tf.FitTransform(testkit.RandomCSR(rows, 20000, 500, 9))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(x.NNZ()) * 16)
			for b.Loop() {
				got := TopK(x, 10, 0)
				if len(got) != rows || len(got[0]) != 10 || !(got[0][0].Score <= 1) {
					b.Fatalf("row 0 neighbours %v", got[0])
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// TestTopKContext: a done context stops the search with its error and no
// result; a live one gives TopK's result.
func TestTopKContext(t *testing.T) {
	x := testkit.RandomCSR(500, 200, 8, 7)
	ctx, cancel := context.WithCancel(context.Background())
	got, err := TopKContext(ctx, x, 5, 2)
	if err != nil || !reflect.DeepEqual(got, TopK(x, 5, 2)) {
		t.Fatalf("live context: err %v, or a result other than TopK's", err)
	}
	cancel()
	if got, err := TopKContext(ctx, x, 5, 2); !errors.Is(err, context.Canceled) || got != nil {
		t.Errorf("cancelled: %d rows, err %v; want none and context.Canceled", len(got), err)
	}
}
