package cluster

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

// TestSilhouetteSklearn: oracle scikit-learn 1.2.1 silhouette_samples(W,
// labels, metric=m) and its mean, W = TfidfTransformer().fit_transform(
// blobCounts); the last case is a 2-D matrix with two zero rows.
func TestSilhouetteSklearn(t *testing.T) {
	blobs := blobTFIDF(t)
	zeros := sparse.FromDense([][]float64{{0, 0}, {1, 0}, {0, 0}, {0, 1}, {0, 2}})
	tests := []struct {
		name   string
		x      *sparse.CSR
		labels []int
		metric string
		want   []float64
		mean   float64
	}{
		{"blobs cosine", blobs, []int{0, 0, 0, 1, 1, 1, 2, 2, 2}, "cosine",
			[]float64{0.8628984498882848, 0.8325177065829276, 0.8394755714316403, 0.9004949017527533, 0.849658167266943, 0.8651037483779994, 0.8389355744223334, 0.7342000113051926, 0.7873302097740765},
			0.8345127045335722},
		{"blobs euclidean", blobs, []int{0, 0, 0, 1, 1, 1, 2, 2, 2}, "euclidean",
			[]float64{0.6338148745421446, 0.5904706441475736, 0.6057993837533638, 0.6855677826293161, 0.6116671694678697, 0.6330840841876639, 0.5993771959768053, 0.4908547255539322, 0.5536705059823023},
			0.6004784851378857},
		{"arbitrary label values", blobs, []int{5, 5, 5, -1, -1, -1, -1, -1, -1}, "cosine",
			[]float64{0.8711977165008765, 0.8325177065829276, 0.8600806753192813, 0.3499551102594359, 0.17710887963653713, 0.5277359263258244, 0.4869584317019623, 0.19569618838287994, 0.37350678812760035},
			0.5194174914263695},
		{"singleton scores 0", blobs, []int{0, 0, 0, 1, 1, 1, 2, 2, 3}, "euclidean",
			[]float64{0.6207321577621746, 0.5833286547568952, 0.6057993837533638, 0.6842333482420622, 0.6116671694678697, 0.6321771280318343, -0.19526183811826792, 0.2944492406464529, 0},
			0.4263472493935983},
		{"bad clustering", blobs, []int{0, 1, 0, 1, 0, 1, 0, 1, 0}, "cosine",
			[]float64{0.07957060235303576, -0.333007082633171, 0.018999216730014836, 0.08150762372720119, -0.35860836954500175, 0.0065874198316042964, -0.06179190992279079, -0.3061851953673696, -0.018478076457238073},
			-0.09904508569819057},
		{"zero rows cosine", zeros, []int{0, 0, 0, 1, 1}, "cosine", []float64{0, 0, 0, 1, 1}, 0.4},
		{"zero rows euclidean", zeros, []int{0, 0, 0, 1, 1}, "euclidean",
			[]float64{0.6666666666666666, 0.45209705658220356, 0.6666666666666666, 0.12132034355964254, 0.5189276302272153},
			0.48513567274047886},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, mean := Silhouette(tt.x, tt.labels, tt.metric)
			if !testkit.CloseSlice(s, tt.want, 1e-10) {
				t.Errorf("samples %.12g\nwant    %.12g", s, tt.want)
			}
			if math.Abs(mean-tt.mean) > 1e-10 {
				t.Errorf("mean %.15g, want %.15g", mean, tt.mean)
			}
		})
	}
}

// TestSilhouetteDegenerate: where scikit-learn raises (fewer than two
// clusters) or divides 0 by 0 (identical rows), every value is 0.
func TestSilhouetteDegenerate(t *testing.T) {
	tests := []struct {
		name   string
		x      *sparse.CSR
		labels []int
	}{
		{"no rows", sparse.FromDense(nil), []int{}},
		{"one row", sparse.FromDense([][]float64{{1}}), []int{0}},
		{"one cluster", sparse.FromDense([][]float64{{1, 0}, {0, 1}}), []int{3, 3}},
		{"all singletons", sparse.FromDense([][]float64{{1, 0}, {0, 1}}), []int{0, 1}},
		{"identical rows", sparse.FromDense([][]float64{{0.3, 0.4}, {0.3, 0.4}, {0.3, 0.4}, {0.3, 0.4}}), []int{0, 0, 1, 1}},
		{"all zero", sparse.FromDense([][]float64{{0, 0}, {0, 0}, {0, 0}}), []int{0, 0, 1}},
	}
	for _, tt := range tests {
		for _, metric := range []string{"cosine", "euclidean"} {
			t.Run(tt.name+" "+metric, func(t *testing.T) {
				s, mean := Silhouette(tt.x, tt.labels, metric)
				testkit.AssertNoNaN(t, "samples", s...)
				testkit.AssertNoNaN(t, "mean", mean)
				if len(s) != tt.x.Rows {
					t.Fatalf("%d samples for %d rows", len(s), tt.x.Rows)
				}
				// Identical rows: a and b are ~1e−8 at most, s within [−1, 1].
				for i, v := range s {
					if math.Abs(v) > 1 {
						t.Errorf("s[%d] = %g", i, v)
					}
				}
			})
		}
	}
}

func TestSilhouettePanics(t *testing.T) {
	tests := []struct {
		name string
		call func()
	}{
		{"label count", func() { Silhouette(sparse.FromDense([][]float64{{1}, {2}}), []int{0}, "cosine") }},
		{"metric", func() { Silhouette(sparse.FromDense([][]float64{{1}, {2}}), []int{0, 1}, "manhattan") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if r, _ := recover().(string); !strings.HasPrefix(r, "cluster: ") {
					t.Errorf("recovered %q, want a cluster: panic", r)
				}
			}()
			tt.call()
		})
	}
}

func ExampleSilhouette() {
	x := sparse.FromDense([][]float64{
		{1, 0},
		{0.9, 0.1},
		{0, 1},
		{0.1, 0.9},
	})
	s, mean := Silhouette(x, []int{0, 0, 1, 1}, "cosine")
	fmt.Printf("%.3f mean %.3f\n", s, mean)
	// Output:
	// [0.994 0.993 0.994 0.993] mean 0.993
}

func BenchmarkSilhouette(b *testing.B) {
	var tf vector.TFIDF
	x, err := tf.FitTransform(testkit.RandomCSR(3000, 20000, 500, 9))
	if err != nil {
		b.Fatal(err)
	}
	labels := make([]int, x.Rows)
	for i := range labels {
		labels[i] = i % 7
	}
	b.SetBytes(int64(x.NNZ()) * 16)
	for b.Loop() {
		s, mean := Silhouette(x, labels, "cosine")
		if len(s) != x.Rows || math.IsNaN(mean) || math.Abs(mean) > 1 {
			b.Fatalf("mean %g", mean)
		}
	}
	b.ReportMetric(float64(x.Rows)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
