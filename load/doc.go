// Package load turns what a command is given — paths, lexicon files,
// filters, cache options — into the documents, counts or vectors it works
// on, and reports what reading found.
//
// A [Reader] holds what one run learns while it reads: the cache it opened,
// the documents --where and the command's [Scope] keep, the documents read
// (for provenance: [Reader.Digest]) and the lexicon's hash. It prints
// nothing: warnings, notes, progress and slow steps go to the functions and
// the writer its fields name, so a program embedding tifa chooses where
// they go.
//
// Reading the reports:
//   - [Input] names the reports' options (--meta, --section, --lexicon,
//     --where, --max-size, --places, the cache, --ocr);
//   - [Reader.Prepare] checks the part and loads the lexicon
//     ([Reader.Lexicon]); [Reader.Open] finds the reports;
//   - [Reader.Each] reads them, showing progress, and hands the command the
//     documents it analyses, and tells what reading found (how many documents --where kept, which have warnings).
//
// Counting and weighing them (a [Vectors] names the options, a [Corpus] is
// the result):
//   - [Reader.Counts] and [Reader.CountSpaces]: term counts per unit of By;
//   - [Reader.Build]: TF-IDF vectors ([Vectors.Weigh] weighs counts);
//   - [Reader.Sequences]: token sequences (topics, co-occurrence, word
//     vectors);
//   - [Reader.Gram] and [Reader.Neighbours]: pairwise products and nearest
//     neighbours of the vectors;
//   - [Reader.WarnSkipped] and [Reader.WarnUnplaced]: the documents a
//     grouping left out.
//
// Reporting: [Tally] sums up the documents with one kind of warning in
// one line; [Stage] shows a slow step on a terminal; [ReadList] reads a
// word list a flag names.
//
// The corpus cache: next to each document's cleaned text and term counts
// (kept by package reports and package vector), a Reader keeps what a vector
// command builds from all of them — the term-count matrix of the corpus and
// its weighted vectors — keyed by the corpus's fingerprint and the options
// that shaped them; what reading told the command is kept with them and
// replayed, so a run from the cache records the same provenance and prints
// the same messages. [CacheOptions] choose the cache; [CacheVersion] keeps
// each build's entries apart.
package load
