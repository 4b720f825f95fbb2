// Package discover proposes the slogans a lexicon lacks: phrases that
// recur across reports and behave like fixed formulations.
//
// A Discoverer reads the reports (Add) and ranks its Candidates: phrases
// written between quotation marks, numeral-led formulas (三改一拆, 四个全面)
// and 3–8-character n-grams that hold together (cohesion, the smallest
// pointwise mutual information over the ways of cutting them, ≥ 3 bits)
// and stand free of their neighbours (branching entropy ≥ 1.5 bits on
// both sides), each in at least MinDocs reports. Every candidate is then
// counted as tifa count would count it, compared with the lexicon
// (Coverage: equal to a form, inside one, containing one), and shown in
// its first use, in the earliest report. The Discoverer's documentation
// gives the detectors, thresholds and score.
package discover
