package cluster

import (
	"math"
	"reflect"
	"testing"

	"github.com/tifa-project/tifa/sparse"
	"github.com/tifa-project/tifa/vector"
)

func TestCluster(t *testing.T) {
	// Slogan counts of five reports: r1–r3 speak of 乡村振兴 and 美丽乡村,
	// z1–z2 of 五水共治 and 最多跑一次.
	var tf vector.TFIDF
	x, err := tf.FitTransform(sparse.FromDense([][]float64{
		{2, 1, 0, 0}, // r1 乡村振兴美丽乡村乡村振兴
		{1, 1, 0, 0}, // r2 乡村振兴美丽乡村
		{1, 2, 0, 0}, // r3 美丽乡村乡村振兴美丽乡村
		{0, 0, 1, 1}, // z1 五水共治最多跑一次
		{0, 0, 2, 1}, // z2 五水共治五水共治最多跑一次
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, method := range Methods {
		t.Run(method, func(t *testing.T) {
			res, err := Cluster(x, Options{Method: method, KMin: 2, KMax: 4, Seed: 1, Restarts: 3})
			if err != nil {
				t.Fatal(err)
			}
			if res.K != 2 {
				t.Errorf("k auto chose %d (tried %+v), want 2", res.K, res.Tried)
			}
			want := []int{0, 0, 0, 1, 1}
			if !reflect.DeepEqual(res.Labels, want) {
				t.Errorf("labels %v, want %v", res.Labels, want)
			}
			if res.Mean <= 0.5 || math.IsNaN(res.Mean) {
				t.Errorf("mean silhouette %v of two clean groups, want > 0.5", res.Mean)
			}
		})
	}
	errCases := []struct {
		name string
		opt  Options
		x    *sparse.CSR
	}{
		{"k > n", Options{Method: "kmeans", K: 9}, x},
		{"no k to try", Options{Method: "kmeans", KMin: 7, KMax: 9}, x},
		{"one unit", Options{Method: "kmeans", K: 1}, sparse.FromDense([][]float64{{1}})},
		{"all zero", Options{Method: "ward", K: 2}, sparse.FromDense([][]float64{{0}, {0}})},
	}
	for _, c := range errCases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Cluster(c.x, c.opt); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestSampledSilhouette checks that above SilhouetteSample units the
// silhouette is computed on a seeded sample: NaN outside it, the same
// sample for the same seed, and the mean of two clean groups near 1.
func TestSampledSilhouette(t *testing.T) {
	n := SilhouetteSample + 200
	rows := make([][]float64, n)
	labels := make([]int, n)
	for i := range rows {
		rows[i] = []float64{1, 0.01 * float64(i%7)}
		if i%2 == 1 {
			rows[i] = []float64{0.01 * float64(i%5), 1}
			labels[i] = 1
		}
	}
	x := sparse.FromDense(rows)
	s1, mean := sampledSilhouette(x, labels, 7, nil)
	s2, _ := sampledSilhouette(x, labels, 7, nil)
	nan := 0
	for i, v := range s1 {
		if math.IsNaN(v) {
			nan++
			if !math.IsNaN(s2[i]) {
				t.Fatal("same seed, different sample")
			}
		}
	}
	if nan != n-SilhouetteSample {
		t.Errorf("%d units outside the sample, want %d", nan, n-SilhouetteSample)
	}
	if mean < 0.9 || math.IsNaN(mean) {
		t.Errorf("mean silhouette %v of two clean groups, want > 0.9", mean)
	}
	small, _ := sampledSilhouette(sparse.FromDense(rows[:10]), labels[:10], 7, nil)
	for _, v := range small {
		if math.IsNaN(v) {
			t.Fatal("below the sample size every unit has a silhouette")
		}
	}
}
