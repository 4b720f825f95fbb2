package scale

import (
	"math"
	"math/big"
)

// Wordfish's Newton steps evaluate the Poisson rate λ = exp(·) of every
// cell of the documents × terms matrix twice a round (the rate has no
// sparse form: log λ_ij = α_i + ψ_j + β_j θ_i is a product in θ and β,
// so Σ_i λ_ij and Σ_j λ_ij cannot be factorised), and the bootstrap draws
// a count from every cell's rate; math.Exp was 56 % of tifa scale's CPU
// time. fastExp therefore computes exp by hand, as math.Exp does
// (reduction by ln 2, then a polynomial) but with a table of 2^(i/128)
// and no special cases on the hot path: about twice as fast in expSums's
// loop (BenchmarkExpSums). Neither the standard library nor gonum has a
// faster float64 exp. It agrees with math.Exp, its test oracle, to within
// 2 ulp (exp_test.go).
//
// The method is Tang's (1989); the layout of the table and the rounding
// shift follow the exp of Arm's optimized-routines (Szabolcs Nagy; MIT or
// Apache-2.0 with LLVM exception), read, not copied.
//
// x = k·ln2/128 + r with k an integer and |r| ≤ ln2/256; then
//
//	exp(x) = 2^(k/128) · exp(r) = 2^⌊k/128⌋ · 2^((k mod 128)/128) · exp(r)
//
// with exp(r) − 1 ≈ r + r²/2 + r³/6 + r⁴/24 + r⁵/120 (the next Taylor term,
// r⁶/720 < 6e-19, lies below float64's resolution).
//
// Tang, P. T. P. (1989). Table-driven implementation of the exponential
// function in IEEE floating-point arithmetic. ACM Transactions on
// Mathematical Software 15(2), 144–157.
const (
	expBits  = 7
	expN     = 1 << expBits
	invLn2N  = expN / math.Ln2
	ln2HiN   = 0x1.62e42feep-8        // ln2/128 to 32 bits: k·ln2HiN is exact for |k| < 2^21
	ln2LoN   = math.Ln2/expN - ln2HiN // the rest (constant arithmetic is exact)
	expShift = 0x1.8p52               // x + expShift rounds x to an integer, kept in the low bits
	// Outside (expMin, expMax) exp under- or overflows, or x is NaN:
	// math.Exp handles those.
	expMin = -708
	expMax = 709
)

// expTab[i] holds the bits of 2^(i/128), correctly rounded, less i << 45,
// so that adding k << 45 (whose low 7 bits are i) puts ⌊k/128⌋ into the
// exponent.
var expTab = func() (t [expN]uint64) {
	const prec = 256
	root := new(big.Float).SetPrec(prec).SetInt64(2)
	for range expBits {
		root.Sqrt(root) // 2^(1/128)
	}
	p := new(big.Float).SetPrec(prec).SetInt64(1)
	for i := range expN {
		f, _ := p.Float64()
		t[i] = math.Float64bits(f) - uint64(i)<<(52-expBits)
		p.Mul(p, root)
	}
	return t
}()

// fastExp is exp(z), as expSums computes it, for one value.
func fastExp(z float64) float64 {
	if !(z > expMin && z < expMax) {
		return math.Exp(z)
	}
	kd := z*invLn2N + expShift
	ki := math.Float64bits(kd)
	kd -= expShift
	r := z - kd*ln2HiN - kd*ln2LoN
	s := math.Float64frombits(expTab[ki&(expN-1)] + ki<<(52-expBits))
	r2 := r * r
	return s + s*(r+r2*(1.0/2+r*(1.0/6))+r2*r2*(1.0/24+r*(1.0/120)))
}

// expSums returns, with λ_k = exp(c + a_k + b_k·x) over k < len(a),
//
//	Σ λ_k,  Σ b_k λ_k,  Σ b_k² λ_k
//
// the sums a Wordfish Newton step needs: for term j, c = ψ_j, a = α,
// b = θ, x = β_j; for document i, c = α_i, a = ψ, b = β, x = θ_i.
func expSums(c float64, a, b []float64, x float64) (s0, s1, s2 float64) {
	b = b[:len(a)]
	for k, ak := range a {
		bk := b[k]
		l := fastExp(c + ak + bk*x)
		s0 += l
		s1 += bk * l
		s2 += bk * bk * l
	}
	return s0, s1, s2
}
