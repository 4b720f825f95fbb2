package cluster

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// linkageRows converts scipy linkage rows [left, right, distance, size].
func linkageRows(z [][4]float64) []Merge {
	out := make([]Merge, len(z))
	for i, r := range z {
		out[i] = Merge{Left: int(r[0]), Right: int(r[1]), Distance: r[2], Size: int(r[3])}
	}
	return out
}

func equalMerges(got, want []Merge, tol float64) bool {
	return slices.EqualFunc(got, want, func(a, b Merge) bool {
		return a.Left == b.Left && a.Right == b.Right && a.Size == b.Size &&
			math.Abs(a.Distance-b.Distance) <= tol
	})
}

// TestAgglomerateScipy: oracle scipy 1.10.1 (Debian python3-scipy),
//
//	linkage(pdist(W, 'cosine'), method)  for average and complete,
//	linkage(W, 'ward')                    for ward,
//
// with W = TfidfTransformer().fit_transform(blobCounts) (scikit-learn
// 1.2.1), a 1-D line [0 1 2 3 5 8] (ties at distance 1, and row 0 is the
// zero vector), and a "square" of four rows whose cosine distances tie.
func TestAgglomerateScipy(t *testing.T) {
	blobs := blobTFIDF(t)
	line := sparse.FromDense([][]float64{{0}, {1}, {2}, {3}, {5}, {8}})
	square := sparse.FromDense([][]float64{{1, 1, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 1}, {0, 0, 1, 1}})
	tests := []struct {
		name   string
		x      *sparse.CSR
		method string
		want   [][4]float64
	}{
		{"blobs average", blobs, "average", [][4]float64{
			{3, 5, 0.07549967295795146, 2}, {0, 2, 0.07613022912568812, 2}, {6, 8, 0.0925147870269698, 2},
			{4, 9, 0.10981500681596529, 3}, {1, 10, 0.15693190062211237, 3}, {7, 11, 0.214916523474881, 3},
			{12, 14, 0.8544971138375516, 6}, {13, 15, 0.8905254494282921, 9},
		}},
		{"blobs complete", blobs, "complete", [][4]float64{
			{3, 5, 0.07549967295795146, 2}, {0, 2, 0.07613022912568812, 2}, {6, 8, 0.0925147870269698, 2},
			{4, 9, 0.11050082000667849, 3}, {1, 10, 0.16666666666666652, 3}, {7, 11, 0.2869759040926192, 3},
			{12, 13, 1, 6}, {14, 15, 1, 9},
		}},
		{"blobs ward", blobs, "ward", [][4]float64{
			{3, 5, 0.38858634293539307, 2}, {0, 2, 0.3902056614804253, 2}, {6, 8, 0.4301506411176667, 2},
			{4, 9, 0.49244989884312756, 3}, {1, 10, 0.6064087583815403, 3}, {7, 11, 0.7151462819463601, 3},
			{12, 14, 2.1405601298058023, 6}, {13, 15, 2.210630302919373, 9},
		}},
		{"line ward", line, "ward", [][4]float64{
			{0, 1, 1, 2}, {2, 3, 1, 2}, {6, 7, 2.8284271247461903, 4}, {4, 5, 3, 2}, {8, 9, 8.16496580927726, 6},
		}},
		{"square average", square, "average", [][4]float64{{0, 1, 0.5, 2}, {2, 3, 0.5, 2}, {4, 5, 0.75, 4}}},
		{"square complete", square, "complete", [][4]float64{{0, 1, 0.5, 2}, {2, 3, 0.5, 2}, {4, 5, 1, 4}}},
		{"square ward", square, "ward", [][4]float64{{0, 1, math.Sqrt2, 2}, {2, 3, math.Sqrt2, 2}, {4, 5, 2, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Agglomerate(tt.x, tt.method)
			if err != nil {
				t.Fatal(err)
			}
			if want := linkageRows(tt.want); !equalMerges(got, want, 1e-12) {
				t.Errorf("got  %v\nwant %v", got, want)
			}
		})
	}
}

// TestCut: oracle scipy 1.10.1 cut_tree(linkage(W, 'ward'), n_clusters=k)
// on the blobs; scipy's labels happen to be in first-appearance order too.
func TestCut(t *testing.T) {
	merges, err := Agglomerate(blobTFIDF(t), "ward")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		k    int
		want []int
	}{
		{"k=1", 1, []int{0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{"k=2", 2, []int{0, 0, 0, 1, 1, 1, 1, 1, 1}},
		{"k=3", 3, []int{0, 0, 0, 1, 1, 1, 2, 2, 2}},
		{"k=4", 4, []int{0, 0, 0, 1, 1, 1, 2, 3, 2}},
		{"k=n", 9, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"k above n clamps", 20, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"k zero clamps", 0, []int{0, 0, 0, 0, 0, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		if got := Cut(merges, 9, tt.k); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAgglomerateEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		x      *sparse.CSR
		method string
		want   []Merge
		err    string // substring; "" for success
	}{
		{"one row", sparse.FromDense([][]float64{{1, 2}}), "ward", []Merge{}, ""},
		{"no rows", sparse.FromDense(nil), "ward", nil, "no rows"},
		{"unknown method", sparse.FromDense([][]float64{{1}}), "single", nil, "method"},
		// Zero rows: cosine 0 with everything (distance 1, also between two
		// zero rows), by the convention in Agglomerate's doc.
		{"zero rows average", sparse.FromDense([][]float64{{0, 0}, {1, 0}, {0, 0}}), "average",
			[]Merge{{0, 1, 1, 2}, {2, 3, 1, 3}}, ""},
		// Identical rows are at distance 0, never −1e−16.
		{"identical complete", sparse.FromDense([][]float64{{0.1, 0.7}, {0.1, 0.7}, {0.7, 0.1}}), "complete",
			[]Merge{{0, 1, 0, 2}, {2, 3, 1 - 0.14/0.5, 3}}, ""},
		{"identical ward", sparse.FromDense([][]float64{{0.1, 0.7}, {0.1, 0.7}}), "ward", []Merge{{0, 1, 0, 2}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Agglomerate(tt.x, tt.method)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !equalMerges(got, tt.want, 1e-12) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for _, m := range got {
				testkit.AssertNoNaN(t, "distance", m.Distance)
				if m.Distance < 0 {
					t.Errorf("negative distance %v", m)
				}
			}
		})
	}
}

func TestCutPanicsOnShapeBug(t *testing.T) {
	defer func() {
		if r, _ := recover().(string); !strings.HasPrefix(r, "cluster: ") {
			t.Errorf("recovered %q, want a cluster: panic", r)
		}
	}()
	Cut([]Merge{{0, 1, 1, 2}}, 5, 2)
}

func ExampleAgglomerate() {
	x := sparse.FromDense([][]float64{
		{1, 0, 0},
		{0.9, 0.1, 0},
		{0, 0, 1},
		{0, 0.1, 0.9},
	})
	merges, err := Agglomerate(x, "average")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range merges {
		fmt.Printf("%d+%d at %.4f (%d rows)\n", m.Left, m.Right, m.Distance, m.Size)
	}
	fmt.Println(Cut(merges, x.Rows, 2))
	// Output:
	// 0+1 at 0.0061 (2 rows)
	// 2+3 at 0.0061 (2 rows)
	// 4+5 at 0.9970 (4 rows)
	// [0 0 1 1]
}

func BenchmarkAgglomerate(b *testing.B) {
	for _, rows := range []int{300, 3000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			var tf vector.TFIDF
			x, err := tf.FitTransform(testkit.RandomCSR(rows, 20000, 500, 9))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(x.NNZ()) * 16)
			for b.Loop() {
				m, err := Agglomerate(x, "ward")
				if err != nil || len(m) != rows-1 || m[rows-2].Size != rows {
					b.Fatalf("Agglomerate: %v", err)
				}
			}
		})
	}
}

func TestLeafOrder(t *testing.T) {
	// Rows 0..4; merges (scipy ids): 5 = {1,3}, 6 = {0,4}, 7 = {5,2}, 8 = {6,7}.
	merges := []Merge{{1, 3, 0.1, 2}, {0, 4, 0.2, 2}, {2, 5, 0.3, 3}, {6, 7, 0.9, 5}}
	if got, want := LeafOrder(merges, 5), []int{0, 4, 2, 1, 3}; !slices.Equal(got, want) {
		t.Errorf("LeafOrder = %v, want %v", got, want)
	}
	if got := LeafOrder(nil, 1); !slices.Equal(got, []int{0}) {
		t.Errorf("one row: %v", got)
	}
	if got := LeafOrder(nil, 0); len(got) != 0 {
		t.Errorf("no rows: %v", got)
	}
}

func TestLeafOrderOfAgglomerate(t *testing.T) {
	// Two tight groups of rows interleaved in input order come out adjacent.
	b := sparse.NewCSRBuilder(2)
	for i := range 8 {
		if i%2 == 0 {
			b.AddRow([]int{0, 1}, []float64{1, 0.01 * float64(i+1)})
		} else {
			b.AddRow([]int{0, 1}, []float64{0.01 * float64(i+1), 1})
		}
	}
	x := b.Build()
	m, err := Agglomerate(x, "average")
	if err != nil {
		t.Fatal(err)
	}
	order := LeafOrder(m, x.Rows)
	first := order[0] % 2
	for i, r := range order {
		if (r%2 == first) != (i < 4) {
			t.Fatalf("groups not adjacent in %v", order)
		}
	}
}
