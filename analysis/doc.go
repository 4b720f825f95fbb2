// Package analysis measures slogans in reports: exact counts per document
// (Counter), slogan × year trends (Trend), how slogans spread from the
// centre down the levels of government (Diffusion), every mention in its
// context (Finder, KWIC), and which documents to analyse (Filter). Trend
// and Diffusion say in Warnings which documents they left out. It takes
// reports.Documents and a lexicon and never opens a file.
//
// Counts are exact: every form of every lexicon entry is found in one pass
// on the cleaned text (lexicon.Matcher); a mention belongs to the part of
// the report in which it starts. Rates are per 10,000 Chinese characters of
// the analysed text:
//
//	per10k = mentions / han_chars × 10000
//
// where han_chars counts Han characters only (punctuation, digits and Latin
// letters are not counted), so rates compare across reports of any length
// and of any amount of markup.
//
// The other measures build on these counts in packages of their own:
// vector (TF-IDF vectors, similarity), cluster, keyness (compare), targets,
// discover and reuse.
package analysis
