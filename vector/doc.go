// Package vector turns reports into TF-IDF vectors and finds which are
// alike.
//
// A Vectorizer reads documents into a Matrix of term counts, one row a
// document, in one of two spaces: slogans (the lexicon's entries, counted
// exactly as analysis.Counter counts them) or words (segment's tokens, a
// slogan one token). Matrix.Group sums the rows of a region, a year, a
// region-year or a level. Weigh fits a TFIDF on the counts — the weights
// of scikit-learn's TfidfVectorizer (1.2):
//
//	tf  = count                      (1 + ln count with Sublinear)
//	idf = ln((1 + n) / (1 + df)) + 1
//	w   = tf · idf, each row divided by its l2 norm
//
// — and returns the Vectors, which name each unit and term and tell the
// terms that weigh most in a unit (TopTerms), that two units share
// (Shared), or that set a group of units apart (Distinguish).
//
// TopK finds every unit's nearest neighbours by cosine similarity, exactly,
// through an inverted index (no n × n matrix); CosineTo and CosineMatrix
// give one row or all of it. Project2D places the units on their first two
// principal components, for a map. Clustering the vectors is package
// cluster's job.
//
// GroupUnits forms the groups of --by (their order, members and the
// documents left out) for every grouped table. Vectorizer.Sequences reads
// documents into Sequences instead: each document's tokens as term ids in
// text order, with the ends of its sentences and paragraphs, for the
// methods that need order or windows (topic models, co-occurrence, word
// vectors: packages topics, cooccur and wordvec take plain term ids).
// Trim chooses a vocabulary for them and for a Matrix: document-frequency
// bounds read as TFIDF reads them, a cap on the number of terms, slogans
// kept however common.
package vector
