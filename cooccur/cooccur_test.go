package cooccur

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// small is the hand-worked example: 5 windows (one empty, one with a
// repeated term), N = 5, n_0 = 2, n_1 = 3, n_2 = 2, n_3 = 1.
var small = [][]int32{{0, 1, 2}, {1, 0}, {1, 2, 2}, {3}, {}}

func TestCountSmall(t *testing.T) {
	// Oracle: hand computation (python3 math.log for the logs):
	// (0,1): n_ab 2, jaccard 2/(2+3−2), npmi ln(0.4/(0.4·0.6))/−ln 0.4 = ln(5/3)/ln(5/2)
	// (1,2): n_ab 2, jaccard 2/3, npmi = (0,1) by symmetry of the counts
	// (0,2): n_ab 1, jaccard 1/3, npmi ln(0.2/0.16)/−ln 0.2 = ln 1.25/ln 5
	const tol = 1e-12
	p01 := Pair{0, 1, 2, 2.0 / 3, 0.5574929506502401}
	p12 := Pair{1, 2, 2, 2.0 / 3, 0.5574929506502401}
	p02 := Pair{0, 2, 1, 1.0 / 3, 0.13864688385321391}
	tests := []struct {
		name string
		opt  Options
		want []Pair
	}{
		{"count", Options{}, []Pair{p01, p12, p02}},
		{"npmi", Options{SortBy: ByNPMI}, []Pair{p01, p12, p02}},
		{"jaccard", Options{SortBy: ByJaccard}, []Pair{p01, p12, p02}},
		{"min count 2", Options{MinCount: 2}, []Pair{p01, p12}},
		{"terms 0 and 2", Options{Terms: []int32{2, 0, 2}}, []Pair{p02}},
		{"terms none", Options{Terms: []int32{}}, nil},
		{"one worker", Options{Workers: 1}, []Pair{p01, p12, p02}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Count(small, 4, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Windows != 5 {
				t.Errorf("windows %d, want 5", res.Windows)
			}
			if len(res.Pairs) != len(tc.want) {
				t.Fatalf("pairs %+v\nwant %+v", res.Pairs, tc.want)
			}
			for i, w := range tc.want {
				g := res.Pairs[i]
				if g.A != w.A || g.B != w.B || g.Count != w.Count ||
					math.Abs(g.Jaccard-w.Jaccard) > tol || math.Abs(g.NPMI-w.NPMI) > tol {
					t.Errorf("pair %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
	res, _ := Count(small, 4, Options{})
	if !slices.Equal(res.Freq, []int{2, 3, 2, 1}) {
		t.Errorf("freq %v, want [2 3 2 1]", res.Freq)
	}
}

func TestCountErrors(t *testing.T) {
	tests := []struct {
		name    string
		windows [][]int32
		n       int
		opt     Options
		want    string
	}{
		{"term too large", [][]int32{{0}, {1, 4}}, 4, Options{}, "window 1: term 4 out of range"},
		{"negative term", [][]int32{{-1}}, 4, Options{}, "window 0: term -1"},
		{"negative min count", small, 4, Options{MinCount: -1}, "minimum count -1"},
		{"bad measure", small, 4, Options{SortBy: 7}, "unknown measure"},
		{"restricted term out of range", small, 4, Options{Terms: []int32{9}}, "term 9: out of range"},
		{"negative vocabulary", small, -1, Options{}, "-1 terms"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Count(tc.windows, tc.n, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestNPMI(t *testing.T) {
	// Oracle: the definition, evaluated by hand; tolerance 1e-15.
	tests := []struct {
		nab, na, nb, n int
		want           float64
	}{
		{0, 3, 4, 10, -1},                        // never together
		{10, 10, 10, 10, 1},                      // always together, everywhere
		{2, 2, 2, 10, 1},                         // only together
		{1, 2, 5, 10, 0},                         // independent: p_ab = p_a p_b
		{2, 2, 5, 10, math.Log(2) / math.Log(5)}, // ln(0.2/0.1)/−ln 0.2
	}
	for _, tc := range tests {
		if got := NPMI(tc.nab, tc.na, tc.nb, tc.n); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("NPMI(%d,%d,%d,%d) = %v, want %v", tc.nab, tc.na, tc.nb, tc.n, got, tc.want)
		}
	}
	defer func() {
		if r := recover(); r == nil || !strings.HasPrefix(fmt.Sprint(r), "cooccur: ") {
			t.Errorf("NPMI(3, 2, 5, 10) recovered %v, want a cooccur: panic", r)
		}
	}()
	NPMI(3, 2, 5, 10)
}

// TestCountBruteForce compares Count with a map-based count of every pair
// (the oracle) on random windows; counts must agree exactly.
func TestCountBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	const nTerms = 300
	windows := make([][]int32, 500)
	for i := range windows {
		for range rng.IntN(12) {
			windows[i] = append(windows[i], int32(rng.IntN(nTerms)))
		}
	}
	want := map[[2]int32]int{}
	for _, w := range windows {
		u := slices.Compact(slices.Sorted(slices.Values(w)))
		for i := range u {
			for j := i + 1; j < len(u); j++ {
				want[[2]int32{u[i], u[j]}]++
			}
		}
	}
	for _, workers := range []int{1, 3} {
		res, err := Count(windows, nTerms, Options{Workers: workers, SortBy: ByNPMI})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Pairs) != len(want) {
			t.Fatalf("workers %d: %d pairs, want %d", workers, len(res.Pairs), len(want))
		}
		for i, p := range res.Pairs {
			if want[[2]int32{p.A, p.B}] != p.Count {
				t.Errorf("pair (%d,%d): count %d, want %d", p.A, p.B, p.Count, want[[2]int32{p.A, p.B}])
			}
			if i > 0 {
				q := res.Pairs[i-1]
				if q.NPMI < p.NPMI || q.NPMI == p.NPMI && (q.A > p.A || q.A == p.A && q.B > p.B) {
					t.Fatalf("pairs %d and %d out of order: %+v %+v", i-1, i, q, p)
				}
			}
		}
	}
}
