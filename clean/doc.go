// Package clean turns the text of a scraped page or an extracted document
// into the report's prose: it strips HTML, drops menus, page furniture,
// stamps and link lists, joins broken lines and normalises widths and
// spaces.
//
// Clean runs the steps in order, the line steps again until they change
// nothing; each step is also a function of its own, in a file of its own:
//
//	clean_width.go   FoldWidth, JoinZeroWidthBreaks: widths, invisible
//	                 characters, odd spaces; Wikisource's marked breaks
//	clean_html.go    StripHTML: tags, scripts and entities out of a page
//	clean_spaces.go  CollapseSpaces, JoinSpacedHan: space runs, spaces
//	                 between Chinese characters
//	clean_junk.go    DropJunk: menus, breadcrumbs, stamps, footers and link
//	                 lists at the head and tail of a page
//	clean_lines.go   JoinBrokenLines: lines broken inside a sentence (PDF
//	                 page widths, page numbers)
//	repeat.go        DropRepeat: a second copy of the whole text (a page and
//	                 its print view), which package reports drops per report
//	chars.go         HanCount, IsHan, IsCJKPunct, MoreRunes: the character
//	                 classes the steps test by, which package reports counts
//	                 and reads with too
//
// The steps take decoded UTF-8 text (package reports decodes files first)
// and never reorder or change Chinese characters, so reports can map the
// cleaned text back to its source. The package imports no other package of
// tifa.
package clean
