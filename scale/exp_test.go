package scale

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExp checks expSums's exp against math.Exp (the oracle): within 2
// ulp over the range of a Wordfish log rate and beyond, exactly at 0 and
// 1, and math.Exp's own answer at and past the ends (±Inf, NaN,
// underflow).
func TestExp(t *testing.T) {
	e := func(x float64) float64 {
		s0, _, _ := expSums(0, []float64{x}, []float64{0}, 0)
		return s0
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var worst uint64
	for k := range 1_000_000 {
		x := -50 + 60*rng.Float64()
		if k%10 == 0 {
			x = -745 + 1455*rng.Float64()
		}
		got, want := e(x), math.Exp(x)
		ulp := max(math.Float64bits(got), math.Float64bits(want)) - min(math.Float64bits(got), math.Float64bits(want))
		if want > 0x1p-1022 { // normal results; subnormals have fewer bits
			worst = max(worst, ulp)
		} else if math.Abs(got-want) > 0x1p-1074*4 {
			t.Errorf("exp(%v) = %v, want %v", x, got, want)
		}
	}
	if worst > 2 {
		t.Errorf("exp differs from math.Exp by up to %d ulp, want ≤ 2", worst)
	}
	for _, x := range []float64{0, 1, -1, 1e-300, -1e-300, 708.9, -707.9, 709, -708, 710, -746, math.Inf(1), math.Inf(-1), math.NaN()} {
		got, want := e(x), math.Exp(x)
		if ulp := int64(math.Float64bits(got)) - int64(math.Float64bits(want)); ulp < -2 || ulp > 2 || (x == 0 || x == 1) && got != want {
			t.Errorf("exp(%v) = %v, want %v", x, got, want)
		}
	}
}

// TestExpSums checks the three sums against their definition with math.Exp.
func TestExpSums(t *testing.T) {
	a := []float64{-1, 0.5, 2, -30}
	b := []float64{0.3, -2, 1, 0}
	const c, x = 0.7, -1.3
	var w0, w1, w2 float64
	for k := range a {
		l := math.Exp(c + a[k] + b[k]*x)
		w0 += l
		w1 += b[k] * l
		w2 += b[k] * b[k] * l
	}
	s0, s1, s2 := expSums(c, a, b, x)
	for _, p := range [][2]float64{{s0, w0}, {s1, w1}, {s2, w2}} {
		if math.Abs(p[0]-p[1]) > 1e-14*math.Abs(p[1]) {
			t.Errorf("sums %v %v %v, want %v %v %v", s0, s1, s2, w0, w1, w2)
		}
	}
}

// BenchmarkExpSums times expSums against the same loop with math.Exp over
// a row of 5,000 terms (the default vocabulary of tifa scale).
func BenchmarkExpSums(b *testing.B) {
	a := make([]float64, 5000)
	x := make([]float64, 5000)
	for i := range a {
		a[i] = -8 + float64(i%97)/10
		x[i] = float64(i%13)/5 - 1
	}
	var sink float64
	b.Run("fastExp", func(b *testing.B) {
		for b.Loop() {
			s, _, _ := expSums(0.3, a, x, 0.7)
			sink += s
		}
	})
	b.Run("math.Exp", func(b *testing.B) {
		for b.Loop() {
			var s float64
			for k := range a {
				s += math.Exp(0.3 + a[k] + x[k]*0.7)
			}
			sink += s
		}
	})
	_ = sink
}
