// Package reports reads government work reports as they really come — UTF-8,
// GB18030/GBK or UTF-16 files, scraped web pages, PDF extractions, bundles of
// several reports in one file; PDF, Word, RTF and OFD files and zip or tar.gz
// archives of them, through package extract — and turns each into a
// Document: cleaned text, metadata (region, level, year), its review and
// plan sections, and where each stretch of text comes from (source line or
// page).
//
// walk.go finds the files (every file under a folder is read, walked or
// listed, none skipped in silence: Source.Others, Source.OtherKinds); load.go reads them, decodes them with
// package decode, cleans them with package clean and describes them; extracted.go takes the binary formats through extract; origin.go
// maps cleaned text back to the source.
//
// The package knows nothing of slogans or statistics; package analysis takes
// the Documents it produces.
package reports
