package keyness

import (
	"fmt"
	"math"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
)

// TestLogLikelihood: G² by hand (Rayson & Garside 2000), p-values from
// scipy 1.10.1 chi2.sf(G², 1).
//
//	a=10 b=5 na=1000 nb=2000: E1 = 1000·15/3000 = 5, E2 = 10,
//	  G² = 2(10 ln(10/5) + 5 ln(5/10)) = 2·5 ln 2 = 10 ln 2 = 6.931471805599453
//	a=0 b=8 na=nb=1000: E1 = E2 = 4, G² = 2(0 + 8 ln 2) = 16 ln 2, under-used in A
//	a=10 b=20 na=1000 nb=2000: equal rates, G² = 0, p = 1
func TestLogLikelihood(t *testing.T) {
	ln2 := math.Ln2
	tests := []struct {
		name         string
		a, b, na, nb float64
		wantG, wantP float64
		tolG, tolP   float64
	}{
		{"over-used in A", 10, 5, 1000, 2000, 10 * ln2, 0.00846919650753501, 1e-12, 1e-12},
		{"same, seen from B", 5, 10, 2000, 1000, -10 * ln2, 0.00846919650753501, 1e-12, 1e-12},
		{"absent from A", 0, 8, 1000, 1000, -16 * ln2, 0.0008677787586975913, 1e-12, 1e-12},
		{"equal rates", 10, 20, 1000, 2000, 0, 1, 1e-12, 1e-12},
		{"equal rates, large corpora", 1000, 1000, 1e6, 1e6, 0, 1, 1e-9, 1e-12},
		{"no occurrences", 0, 0, 1000, 1000, 0, 1, 0, 0},
		{"zero total", 3, 1, 0, 1000, 0, 1, 0, 0},
		{"negative count", -1, 1, 1000, 1000, 0, 1, 0, 0},
		{"NaN", math.NaN(), 1, 1000, 1000, 0, 1, 0, 0},
		{"Inf total", 1, 1, math.Inf(1), 1000, 0, 1, 0, 0},
		{"huge equal counts", math.MaxFloat64 / 2, math.MaxFloat64 / 2, math.MaxFloat64, math.MaxFloat64, 0, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, p := LogLikelihood(tt.a, tt.b, tt.na, tt.nb)
			testkit.AssertNoNaN(t, "g2,p", g, p)
			if math.Abs(g-tt.wantG) > tt.tolG || math.Abs(p-tt.wantP) > tt.tolP {
				t.Errorf("LogLikelihood = %.17g, %.17g; want %.17g, %.17g", g, p, tt.wantG, tt.wantP)
			}
		})
	}
}

// TestChiSquareCriticalValues: the thresholds quoted in LogLikelihood's
// doc; oracle scipy 1.10.1 chi2.sf(x, 1).
func TestChiSquareCriticalValues(t *testing.T) {
	tests := []struct{ g2, p float64 }{
		{3.84, 0.05004352124870519},
		{6.63, 0.010027526446317957},
		{10.83, 0.0009986863791802592},
	}
	for _, tt := range tests {
		// Counts whose G² is the threshold must get the quoted p.
		g, p := LogLikelihood(searchCount(tt.g2), 100, 1e4, 1e4)
		if math.Abs(g-tt.g2) > 1e-6 || math.Abs(p-tt.p) > 1e-7 {
			t.Errorf("G² %g: got G² %g p %g, want p %g", tt.g2, g, p, tt.p)
		}
	}
}

// searchCount finds a (by bisection) with LogLikelihood(a, 100, 1e4, 1e4)
// = g2, a > 100.
func searchCount(g2 float64) float64 {
	lo, hi := 100.0, 1000.0
	for range 200 {
		mid := (lo + hi) / 2
		if g, _ := LogLikelihood(mid, 100, 1e4, 1e4); g < g2 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

func TestLogRatio(t *testing.T) {
	// By hand: log2((10.5/1000)/(5.5/2000)) = log2(21/5.5) = 1.93288580414146;
	// log2((0.5/1000)/(8.5/1000)) = log2(1/17) = −4.08746284125034.
	tests := []struct {
		name         string
		a, b, na, nb float64
		want         float64
	}{
		{"over-used in A", 10, 5, 1000, 2000, 1.9328858041414632},
		{"absent from A", 0, 8, 1000, 1000, -4.087462841250339},
		{"absent from both", 0, 0, 1000, 1000, 0},
		{"zero total", 1, 1, 0, 1, 0},
		{"NaN", 1, math.NaN(), 1, 1, 0},
		{"tiny total", 1, 1, 1e-300, 1e300, math.Log2(1.5) + 600*math.Log2(10) - math.Log2(1.5)},
	}
	for _, tt := range tests {
		got := LogRatio(tt.a, tt.b, tt.na, tt.nb)
		if math.IsNaN(got) || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: LogRatio = %.15g, want %.15g", tt.name, got, tt.want)
		}
	}
}

func ExampleLogLikelihood() {
	// 六稳 said 10 times in 1,000 characters of region A's reports and 5
	// times in 2,000 characters of region B's.
	g2, p := LogLikelihood(10, 5, 1000, 2000)
	fmt.Printf("G² = %+.3f, p = %.4f, log ratio = %+.2f\n", g2, p, LogRatio(10, 5, 1000, 2000))
	// Output:
	// G² = +6.931, p = 0.0085, log ratio = +1.93
}

func BenchmarkLogLikelihood(b *testing.B) {
	for b.Loop() {
		g, p := LogLikelihood(10, 5, 1000, 2000)
		if math.Abs(g-10*math.Ln2) > 1e-12 || p > 0.01 {
			b.Fatalf("G² %g p %g", g, p)
		}
	}
}
