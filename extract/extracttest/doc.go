// Package extracttest writes the documents tests read: PDFs with Chinese
// text (fpdf, a subset of a TrueType font given by the caller), .docx and
// OFD files from their XML, and zips with GBK member names, as Chinese
// Windows writes them. Tests build their fixtures with it instead of
// keeping binary files.
//
// It takes the font as bytes because the code that finds one on the
// system (package chart) sits above the packages whose tests use it.
package extracttest
