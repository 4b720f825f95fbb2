// Package reports reads government work reports as they really come — UTF-8,
// GB18030/GBK or UTF-16 files, scraped web pages, PDF extractions, bundles of
// several reports in one file — and turns each into a Document: cleaned text,
// metadata (region, level, year) and its review and plan sections.
//
// The package knows nothing of slogans or statistics; package analysis takes
// the Documents it produces.
package reports
