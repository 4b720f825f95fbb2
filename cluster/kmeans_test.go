package cluster

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// blobCounts: nine documents in three obvious groups (terms 0–1, 2–3,
// 4–5) with some crossover terms.
var blobCounts = [][]float64{
	{3, 1, 0, 0, 0, 1},
	{2, 2, 0, 0, 0, 0},
	{4, 1, 1, 0, 0, 0},
	{0, 0, 3, 2, 0, 0},
	{1, 0, 2, 3, 0, 0},
	{0, 0, 2, 2, 1, 0},
	{0, 0, 0, 1, 3, 2},
	{0, 1, 0, 0, 2, 3},
	{0, 0, 0, 0, 4, 1},
}

func blobTFIDF(t testing.TB) *sparse.CSR {
	t.Helper()
	var tf vector.TFIDF
	w, err := tf.FitTransform(sparse.FromDense(blobCounts))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// TestKMeansSklearn: oracle scikit-learn 1.2.1
// KMeans(n_clusters=k, n_init=10, random_state=0..4).fit(
// TfidfTransformer().fit_transform(blobCounts)); its labels renumbered by
// first appearance. Every seed finds the same optimum on these blobs.
func TestKMeansSklearn(t *testing.T) {
	w := blobTFIDF(t)
	tests := []struct {
		name      string
		k         int
		labels    []int
		inertia   float64
		centroids [][]float64 // nil: not checked
	}{
		{"k=3", 3, []int{0, 0, 0, 1, 1, 1, 2, 2, 2}, 0.8049810339576849, [][]float64{
			{0.8514832855006339, 0.4147734620532757, 0.07856742013183861, 0, 0, 0.10050378152592121},
			{0.0890870806374748, 0, 0.6777464816097863, 0.6743835295430562, 0.1111111111111111, 0},
			{0, 0.0890870806374748, 0, 0.0890870806374748, 0.7688162365691512, 0.5262806115328182},
		}},
		{"k=2", 2, []int{0, 0, 0, 1, 1, 1, 1, 1, 1}, 3.095979868614802, nil},
	}
	for _, tt := range tests {
		for seed := range uint64(5) {
			t.Run(fmt.Sprintf("%s seed %d", tt.name, seed), func(t *testing.T) {
				km := KMeans{K: tt.k, Seed: seed}
				r, err := km.Fit(w)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(r.Labels, tt.labels) {
					t.Errorf("labels %v, want %v", r.Labels, tt.labels)
				}
				if math.Abs(r.Inertia-tt.inertia) > 1e-12 {
					t.Errorf("inertia %.17g, want %.17g", r.Inertia, tt.inertia)
				}
				if tt.centroids != nil && !testkit.CloseMatrix(r.Centroids, tt.centroids, 1e-12) {
					t.Errorf("centroids:%s\nwant:%s", testkit.FmtMatrix(r.Centroids), testkit.FmtMatrix(tt.centroids))
				}
				if r.Iter < 1 {
					t.Errorf("Iter = %d", r.Iter)
				}
			})
		}
	}
}

func TestKMeansEdgeCases(t *testing.T) {
	tests := []struct {
		name    string
		x       [][]float64
		k       int
		labels  []int
		sizes   []int
		inertia float64
	}{
		// Four identical rows, k=2: the second cluster cannot hold a
		// distinct point; it stays empty and is numbered last, no NaN.
		{"identical rows", [][]float64{{0.6, 0.8}, {0.6, 0.8}, {0.6, 0.8}, {0.6, 0.8}}, 2,
			[]int{0, 0, 0, 0}, []int{4, 0}, 0},
		// k = n: every row alone, inertia 0.
		{"k equals rows", [][]float64{{1, 0}, {0, 1}, {0.6, 0.8}}, 3, []int{0, 1, 2}, []int{1, 1, 1}, 0},
		{"one row", [][]float64{{0, 3}}, 1, []int{0}, []int{1}, 0},
		// A zero row sits at the origin. By hand, the k=2 partitions cost
		// {r0,r2}|{r1}: centroid (0.5,0), 0.25+0.25 = 0.5;
		// {r1,r2}|{r0}: centroid (0,1), 1+1 = 2;
		// {r0,r1}|{r2}: centroid (0.5,1), 2·1.25 = 2.5. Optimum 0.5.
		{"zero row", [][]float64{{1, 0}, {0, 2}, {0, 0}}, 2, []int{0, 1, 0}, []int{2, 1}, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			km := KMeans{K: tt.k, Seed: 3}
			r, err := km.Fit(sparse.FromDense(tt.x))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(r.Labels, tt.labels) || !slices.Equal(r.Sizes, tt.sizes) {
				t.Errorf("labels %v sizes %v, want %v %v", r.Labels, r.Sizes, tt.labels, tt.sizes)
			}
			if math.Abs(r.Inertia-tt.inertia) > 1e-12 {
				t.Errorf("inertia %g, want %g", r.Inertia, tt.inertia)
			}
			testkit.AssertNoNaN(t, "inertia", r.Inertia)
			for c, cen := range r.Centroids {
				testkit.AssertNoNaN(t, fmt.Sprintf("centroid %d", c), cen...)
			}
		})
	}
}

func TestKMeansErrors(t *testing.T) {
	x := sparse.FromDense([][]float64{{1, 0}, {0, 1}})
	tests := []struct {
		name string
		km   KMeans
		x    *sparse.CSR
		is   error
	}{
		{"k zero", KMeans{K: 0}, x, nil},
		{"k above rows", KMeans{K: 3}, x, nil},
		{"all zero", KMeans{K: 1}, sparse.FromDense([][]float64{{0, 0}, {0, 0}}), ErrZeroData},
		{"no rows", KMeans{K: 1}, sparse.FromDense(nil), nil},
		{"negative restarts", KMeans{K: 1, Restarts: -1}, x, nil},
		{"negative max iter", KMeans{K: 1, MaxIter: -2}, x, nil},
		{"NaN tol", KMeans{K: 1, Tol: math.NaN()}, x, nil},
		{"malformed", KMeans{K: 1}, &sparse.CSR{Rows: 2, Cols: 2, Indptr: []int{0, 1}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.km.Fit(tt.x)
			if err == nil || r != nil || (tt.is != nil && !errors.Is(err, tt.is)) {
				t.Fatalf("Fit = %v, %v; want an error wrapping %v", r, err, tt.is)
			}
		})
	}
}

// TestKMeansDeterministic: the same seed gives the same bits for any
// worker count (exact comparison is the point here).
func TestKMeansDeterministic(t *testing.T) {
	var tf vector.TFIDF
	w, err := tf.FitTransform(testkit.RandomCSR(700, 300, 12, 4))
	if err != nil {
		t.Fatal(err)
	}
	var first *KMeansResult
	for _, workers := range []int{1, 2, 7} {
		km := KMeans{K: 6, Seed: 42, Workers: workers, Restarts: 3}
		r, err := km.Fit(w)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = r
			continue
		}
		if !slices.Equal(r.Labels, first.Labels) || r.Inertia != first.Inertia || r.Iter != first.Iter {
			t.Fatalf("workers=%d: inertia %v iter %d, want %v %d", workers, r.Inertia, r.Iter, first.Inertia, first.Iter)
		}
	}
	// More restarts never give a worse best inertia for the same seed
	// stream prefix.
	km := KMeans{K: 6, Seed: 42, Restarts: 6}
	r, err := km.Fit(w)
	if err != nil {
		t.Fatal(err)
	}
	if r.Inertia > first.Inertia {
		t.Errorf("6 restarts inertia %g > 3 restarts %g", r.Inertia, first.Inertia)
	}
	if r.Labels[0] != 0 {
		t.Errorf("labels not renumbered by first appearance: row 0 in %d", r.Labels[0])
	}
}

func ExampleKMeans_Fit() {
	x := sparse.FromDense([][]float64{
		{1, 0, 0},
		{0.9, 0.1, 0},
		{0, 0, 1},
		{0, 0.2, 0.9},
	})
	km := KMeans{K: 2, Seed: 1}
	r, err := km.Fit(x)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Labels, r.Sizes)
	fmt.Printf("inertia %.4f\n", r.Inertia)
	// Output:
	// [0 0 1 1] [2 2]
	// inertia 0.0350
}

func BenchmarkKMeansStep(b *testing.B) {
	for _, rows := range []int{300, 3000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			var tf vector.TFIDF
			x, err := tf.FitTransform(testkit.RandomCSR(rows, 20000, 500, 9))
			if err != nil {
				b.Fatal(err)
			}
			const k = 10
			d := newKMData(x, 0, k, 1, nil)
			centers := make([]float64, k*x.Cols)
			for c := range k {
				d.setCenter(centers, k, c, c*rows/k)
			}
			labels, dist := make([]int, rows), make([]float64, rows)
			next := make([]float64, len(centers))
			b.SetBytes(int64(x.NNZ()) * 16)
			for b.Loop() {
				d.assign(centers, make([]float64, k), labels, dist, nil)
				d.update(labels, dist, k, next)
				if labels[0] != 0 || dist[0] > 1e-12 {
					b.Fatalf("row 0 (a centroid) in cluster %d at distance %g", labels[0], dist[0])
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

func BenchmarkKMeansFit300(b *testing.B) {
	var tf vector.TFIDF
	x, err := tf.FitTransform(testkit.RandomCSR(300, 20000, 500, 9))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(x.NNZ()) * 16)
	for b.Loop() {
		km := KMeans{K: 8, Seed: 1}
		r, err := km.Fit(x)
		if err != nil || len(r.Labels) != 300 || math.IsNaN(r.Inertia) {
			b.Fatalf("Fit: %v", err)
		}
	}
}

// TestKMeansContext: a done context stops Fit and Cluster with its error;
// a live one changes nothing.
func TestKMeansContext(t *testing.T) {
	x := testkit.RandomCSR(300, 40, 6, 3)
	live, err := (&KMeans{K: 4, Seed: 1, Context: context.Background()}).Fit(x)
	plain, err2 := (&KMeans{K: 4, Seed: 1}).Fit(x)
	if err != nil || err2 != nil || !slices.Equal(live.Labels, plain.Labels) {
		t.Fatalf("a live context changed the result (errors %v, %v)", err, err2)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if r, err := (&KMeans{K: 4, Seed: 1, Context: ctx}).Fit(x); !errors.Is(err, context.Canceled) || r != nil {
		t.Errorf("Fit, cancelled: %v, %v; want context.Canceled", r, err)
	}
	for _, opt := range []Options{{Method: "kmeans", K: 3}, {Method: "kmeans", KMin: 2, KMax: 5}, {Method: "average", KMin: 2, KMax: 5}} {
		opt.Context = ctx
		if res, err := Cluster(x, opt); !errors.Is(err, context.Canceled) || res != nil {
			t.Errorf("Cluster %+v, cancelled: err %v; want context.Canceled", opt, err)
		}
	}
}
