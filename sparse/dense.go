package sparse

import "math"

// The dense kernels below sum in index order, so that a result never
// depends on how work was split: tifa's outputs are the same bytes on
// every machine.

// Dot is Σ a_i·b_i over two dense vectors of equal length, summed in order.
func Dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// SumSquares is Σ x².
func SumSquares(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return s
}

// L2Norm is √(Σ x²), rescaled by max|x| when the plain sum underflows or
// overflows.
func L2Norm(v []float64) float64 {
	var s, big float64
	for _, x := range v {
		s += x * x
		big = max(big, math.Abs(x))
	}
	if big == 0 || (s > 0 && !math.IsInf(s, 0)) {
		return math.Sqrt(s)
	}
	s = 0
	for _, x := range v {
		s += (x / big) * (x / big)
	}
	return big * math.Sqrt(s)
}
