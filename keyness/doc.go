// Package keyness says which terms set two groups of reports apart — two
// regions, two periods — and how surely: the measure behind tifa compare.
//
// Compare (CompareSides, with the sides given as filters) sums the term
// counts of the units on each side and scores every term with Dunning's
// log-likelihood G² (Rayson & Garside 2000, "Comparing corpora using
// frequency profiling"):
//
//	E1 = na(a+b)/(na+nb)      E2 = nb(a+b)/(na+nb)
//	G² = 2(a ln(a/E1) + b ln(b/E2))
//
// signed positive when the term is relatively more frequent in A, with its
// p-value from χ² with one degree of freedom (no correction for testing
// many terms), and log_ratio, log₂ of the ratio of relative frequencies
// with 0.5 added to each count (Hardie 2014). The corpus sizes na and nb
// are Chinese characters in the slogans space and tokens in the words
// space.
package keyness
