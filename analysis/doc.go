// Package analysis measures slogans in reports: exact counts per document,
// slogan × year trends, and (in later files) TF-IDF vectors, similarity,
// clustering and comparison. It takes reports.Documents and a lexicon and
// never opens a file.
//
// Rates are per 10,000 Chinese characters of the analysed text:
//
//	per10k = mentions / han_chars × 10000
//
// where han_chars counts Han characters only (punctuation, digits and Latin
// letters are not counted), so rates compare across reports of any length
// and of any amount of markup.
package analysis
