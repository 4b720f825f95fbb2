// Package htmlreport writes tifa report's HTML file: one self-contained
// file — tables, SVG charts, scripts and styles inside — that a researcher
// opens offline.
//
// A Report gathers what the file shows in one pass over the documents
// (Add: the documents as tifa docs lists them, their slogan counts for the
// trend and the diffusion) and lays it out as a Page with the documents'
// TF-IDF vectors (Vectors groups and weighs them): the corpus by level and year, the top slogans by year,
// the similarity heatmap of the largest groups, the clusters with their
// profiles and a map, and the diffusion curves. Every table is the one a
// tifa command prints (package tabulate), and its CSV link downloads the
// bytes that command writes with -f csv, the command shown beside it
// (CommandLine).
//
// A Page is a title, a lead paragraph, sections of blocks and a footer of
// facts. Blocks are plain data: Text, Note, Facts, Table, Figure (line
// charts sharing a legend), Heatmap, Scatter (a map of points coloured by
// group, in the colours of the Heatmap's groups), Tabs and Details. Write
// renders the page with its style sheet and script inline: no URL points
// outside the file, so it opens from file:// without a network and can be
// mailed or archived as is.
//
// Every table sorts by a click on a column header (numerically when the
// column is Numeric; empty cells last) and carries a link that downloads
// its CSV: a data:text/csv;charset=utf-8;base64 URI holding exactly the
// bytes the caller gave. Charts are inline SVG drawn here; hovering a point
// or cell shows its values (an SVG <title> per mark, turned into a small
// tooltip by the script). Values are passed as the text the tables show
// and parsed only to place marks, so a chart never shows a number its
// table does not.
//
// Every string is HTML-escaped. The output is a function of the Page only:
// the same Page gives the same bytes.
//
// The script reports its own failures: an error or unhandled rejection is
// written into the element with id "errors", and when the page is set up
// the body gets the attribute data-rendered="1". A headless browser's DOM
// dump shows both.
package htmlreport
