// Package decode turns the bytes of a text file as researchers get it
// (UTF-8 with or without a byte-order mark, UTF-16 or UTF-32 with or
// without one, GB18030/GBK) into UTF-8 text, replacing what cannot be
// decoded and saying how much.
//
// Detect is the whole job: it names the encoding (by byte-order mark, or
// by trying each and keeping the one that reads as text with the fewest
// replacements), writes U+FFFD for each invalid byte sequence and counts
// them with the offset of the first (Decoded), refuses bytes that are
// empty (ErrEmpty), binary (ErrBinary) or of no encoding it reads
// (ErrEncoding), and turns CRLF and CR line ends into LF. Decode is Detect
// without the count. UTF8, GB18030 and PlausibleGB are single steps of
// Detect, for callers that must decode one way whatever the bytes hold
// (package reports: a manifest's bad line, a file name saved as GBK).
//
// GB18030 is golang.org/x/text's decoder; UTF-16 and UTF-32 are decoded
// here, with unicode/utf16, because the replacements must be counted and
// located. The package imports no other package of tifa; package reports
// decodes every text file it reads through it.
package decode
