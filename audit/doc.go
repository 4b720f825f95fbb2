// Package audit draws random mentions for a reader to judge and scores the
// judgements.
//
// A count is only as good as the mentions behind it. The habit of KH Coder
// users — read the key words in context before trusting a frequency — is
// made systematic here: a Sampler draws, for each lexicon entry, a uniform
// random sample of its mentions in a collection, with their context; a
// reader marks each line yes (a mention of the slogan as a policy
// formulation) or no; Score turns the verdicts into precision per entry,
// per category and for the whole lexicon, with Wilson 95 % intervals, and
// ranks the entries whose false mentions weigh most. SampleSummary and
// Report.Summary say each in one line.
//
// # Sampling
//
// Every mention gets a pseudo-random key computed from the seed, its
// document and its byte offset (SplitMix64 of FNV-1a), and each entry keeps
// the n mentions with the smallest keys: a bottom-k sample, which is a
// uniform random sample without replacement (Cohen and Kaplan 2007). The
// sample depends on the seed and the mentions only, not on the order in
// which documents are read, so the same seed draws the same lines.
//
// # Precision
//
// An entry with k yes among n judged lines has precision p = k/n and the
// Wilson score interval (Wilson 1927; method 3 of Newcombe 1998)
//
//	centre = (p + z²/2n) / (1 + z²/n)
//	half   = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²),   z = 1.96
//
// A category, or the whole lexicon, weighs its entries by their mentions M
// (the sample is stratified by entry, so an unweighted share of lines would
// over-represent rare entries):
//
//	P = Σ M·p / Σ M
//
// over the entries with judged lines, and its interval is Wilson's with the
// effective sample size of that weighting (Kish 1965), as Korn and
// Graubard (1998) do for the Clopper–Pearson interval:
//
//	n_eff = (Σ M)² / Σ (M²/n)
//
// which is the number of lines when every entry has the same share of
// lines and mentions.
package audit
