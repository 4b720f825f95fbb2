// Package testkit holds what the tests of several packages share: the
// real corpus when it sits beside the repository (../shared/corpus), the
// built-in lexicon, small lexicons and documents written for a test, and comparisons of floats
// within a tolerance that print a whole matrix on failure.
//
// Only _test.go files import it (TestImportRules checks).
package testkit
