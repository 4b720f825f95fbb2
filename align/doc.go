// Package align measures how closely each report echoes the report of its
// superior: a county's the report of its city, a province's the
// national one, as studies of central–local policy signalling compare
// them.
//
// A report's superior is the nearest division above it (places.Gazetteer
// .Superiors of its code in its year: county, city, province, the centre)
// that has a report of the same year or of the year before in the corpus.
// For a report r of year y and the superior's reports s_y and s_{y−1}:
//
//	same     = cos(r, s_y)        previous = cos(r, s_{y−1})
//
// in two spaces, the TF-IDF vectors of the slogans and of the words
// (vector.Vectors; rows l2-normalised, so the cosine is the dot product).
// The slogans the report shares with the superior's report (of the same
// year, else the year before) are those both mention; those it lacks, the
// superior's that it does not mention.
//
// AlignCounts weighs the two spaces' counts and aligns them in one call.
//
// Summarize gives, per level, superior level, year and comparison (same
// year or previous year), the number of pairs and the mean and median of
// both cosines: how closely each level echoes the one above, year by year.
package align
