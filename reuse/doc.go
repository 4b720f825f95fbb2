// Package reuse finds the passages two reports share word for word: what
// a county copied from its city's report, or a report from its own of the
// year before.
//
// A Reuser compares only Han characters, so a copied sentence with new
// figures still counts. It winnows shingles of Shingle characters (the
// smallest hash of every window), which guarantees that every shared
// passage of at least MinChars characters is found, extends each match
// exactly, and counts a passage repeated in one report once. Pairs returns
// what each pair of reports shares, with the passages' offsets into both
// texts; Against says which pairs it compares (every pair, each report
// with reference reports, or with its superiors'). The Reuser's
// documentation gives the method.
package reuse
