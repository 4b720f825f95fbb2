// Package table is tifa's one row model and its renderers: a command
// builds its rows once, as a Table, and Output writes them as a terminal
// table, CSV, TSV, JSON, Markdown or an Excel workbook, so the formats
// cannot drift apart.
//
// A Table holds typed columns (Text, Int, Float with a fixed number of
// decimals) and rows of string, int or float64 values, nil for a missing
// one; an int 0 in a column named "year" is a missing year. Its rows may
// be generated (Table.Gen) rather than held, and CSV, TSV and JSON then
// stream them, so a table of millions of rows is never held in memory.
// Every float is written with its column's decimals: the same Table gives
// the same bytes in every run.
//
// With a Provenance, an output records how it was made: "# key: value"
// lines before a CSV/TSV header (read past by pandas' comment='#' and R's
// comment.char='#'; a field holding '#' is then quoted), a "provenance"
// object in JSON, a footer under a terminal table or Markdown, and a sheet
// "about" in a workbook. A workbook's bytes depend only on its tables and
// the provenance's date (RunDate: $SOURCE_DATE_EPOCH's day, else today).
//
// CSV, TSV and JSON hold one table each: several tables go to a file each
// (SplitPaths: out.members.csv, out.profile.csv), and to standard output
// they are an error; a terminal table, Markdown and xlsx hold several.
// Optional columns (a document's metadata) are chosen by Columns
// (--columns); repeated column names are made unique. Each format guards
// its reader: CSV and TSV are faithful, and with a byte order mark (for
// Excel) neutralise formulas; Markdown escapes HTML; a terminal table
// escapes control characters; xlsx stores text as text.
//
// Where a file goes depends on what is at its path (writeTo): a regular
// file is replaced atomically — a temporary file in the same folder,
// renamed into place only once everything was written, so a failed or
// interrupted run leaves no half file — a symbolic link's target is
// written and the link kept, a device, FIFO or /dev/stdout is written
// straight to (WriteFileAtomic, CheckOutput). Before a command reads
// anything, CheckOutputs, CheckSource and CheckSplit stop a run whose
// outputs (the files flags name: Named) cannot be written, are one file,
// or are one of its inputs (NotInput) — so tifa never writes over what it
// reads.
package table
