package keyness

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// LogLikelihood returns Dunning's log-likelihood statistic G² for a term
// seen a times in corpus A of na tokens and b times in corpus B of nb
// tokens (tokens may be words or characters, as long as both totals count
// the same unit), following Rayson & Garside (2000), "Comparing corpora
// using frequency profiling", Proc. ACL Workshop on Comparing Corpora:
//
//	E1 = na·(a+b)/(na+nb)      E2 = nb·(a+b)/(na+nb)
//	G² = 2·(a·ln(a/E1) + b·ln(b/E2))      with 0·ln 0 = 0
//
// The returned g2 is signed: positive when the term is relatively more
// frequent in A (a/na > b/nb), negative when more frequent in B. p is the
// probability of a |G²| at least this large under the null hypothesis of
// equal relative frequency, from the χ² distribution with 1 degree of
// freedom (G² = 3.84 ↔ p = 0.05, 6.63 ↔ 0.01, 10.83 ↔ 0.001). No
// correction for testing many terms is applied.
//
// Degenerate input gives (0, 1) rather than NaN: a+b = 0, a total ≤ 0, a
// negative count, any non-finite argument, or counts so large that G²
// overflows.
func LogLikelihood(a, b, na, nb float64) (g2, p float64) {
	if !keynessInputOK(a, b, na, nb) || a+b == 0 {
		return 0, 1
	}
	// na/(na+nb) written so that huge totals do not overflow.
	e1 := (a + b) / (1 + nb/na)
	e2 := (a + b) / (1 + na/nb)
	g2 = max(0, 2*(xLogXOverY(a, e1)+xLogXOverY(b, e2)))
	if math.IsNaN(g2) || math.IsInf(g2, 0) {
		return 0, 1
	}
	p = distuv.ChiSquared{K: 1}.Survival(g2)
	if a/na < b/nb {
		g2 = -g2
	}
	return g2, p
}

// xLogXOverY is x·ln(x/y), 0 when x = 0.
func xLogXOverY(x, y float64) float64 {
	if x == 0 {
		return 0
	}
	return x * math.Log(x/y)
}

func keynessInputOK(a, b, na, nb float64) bool {
	for _, v := range [4]float64{a, b, na, nb} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return false
		}
	}
	return na > 0 && nb > 0
}

// LogRatio returns the binary log of the ratio of relative frequencies of a
// term in corpus A (a of na tokens) and corpus B (b of nb tokens), an
// effect size to report beside G² (Hardie 2014, "Log Ratio – an informal
// introduction", CASS). Both counts get 0.5 added so that a zero count
// gives a finite value:
//
//	LogRatio = log₂( ((a+0.5)/na) / ((b+0.5)/nb) )
//
// +1 means twice as frequent in A, −1 twice as frequent in B. The smoothing
// shrinks ratios of rare terms toward 0 and is negligible for common ones.
// Degenerate input (a total ≤ 0, a negative count, a non-finite argument)
// gives 0.
func LogRatio(a, b, na, nb float64) float64 {
	if !keynessInputOK(a, b, na, nb) {
		return 0
	}
	return math.Log2(a+0.5) - math.Log2(na) + math.Log2(nb) - math.Log2(b+0.5)
}
