// Package segment cuts the cleaned text of a report into words, keeping
// every slogan of a lexicon whole.
//
// A Segmenter first finds the lexicon's forms (lexicon.Matcher), so
// 五水共治 stays one token where a segmenter alone gives 五/水/共/治, and
// segments only the text between them. That text is cut as gse v0.80.3's
// Segment cuts it — its simplified-Chinese dictionary (zh_s, Apache-2.0)
// and its maximum-probability path, no HMM — on a trie built from that
// dictionary and embedded here (segdict.gz). TestSegDictMatchesGSE rebuilds
// the trie from gse and checks that the tokens equal gse's; gse itself is
// imported by that test only. The dictionary so loads in about 50 ms
// instead of gse's 1.3 s, and segmentation runs about four times faster.
//
// Punctuation, numbers (2020, 7.5%, 百分之三, 四十五个), units after numbers
// and Stopwords are dropped; slogans never are. DefaultStopwords is the
// built-in list (stopwords.txt); ReadStopwords reads a user's.
//
// Every Token keeps its byte span in the text, so a word can be traced
// back to its sentence.
package segment
