package reports

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/infile"
)

// DefaultMaxBytes is the size cap of a report file when Options.MaxBytes
// is 0: larger than any report (the longest of the corpus has 0.2 MB; a
// scraped page with its images inlined a few MB), small enough that a
// mistaken file (a database, a disk image, /dev/zero) is refused at once.
const DefaultMaxBytes = 64_000_000

// ManifestMaxBytes is the size cap of a manifest file: 64 MB is some
// 100,000 rows with long notes.
const ManifestMaxBytes = 64_000_000

// maxBytes is the report size cap in force, 0 for none.
func (s *Source) maxBytes() int64 {
	switch {
	case s.opt.MaxBytes < 0:
		return 0
	case s.opt.MaxBytes == 0:
		return DefaultMaxBytes
	}
	return s.opt.MaxBytes
}

// QuoteName returns a file name as it may be shown on a terminal or
// written into a message: bytes that are not UTF-8 become \xNN, control
// characters \n, \t, \r or \xNN (C0, DEL) and \u00NN (C1), and the
// invisible characters that reorder or hide text (bidirectional controls
// such as U+202E, zero-width and format characters) \uNNNN, so a name can
// neither move the cursor, recolour the terminal nor disguise itself. A
// name needing none of this comes back unchanged (without quotes).
// Backslashes are not escaped: the result is for people, not for parsing.
func QuoteName(name string) string {
	if !needsQuote(name) {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, name[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\x%02x`, r)
		case quotedRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsQuote reports whether QuoteName changes name.
func needsQuote(name string) bool {
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		if (r == utf8.RuneError && size <= 1) || r < 0x20 || r == 0x7F || quotedRune(r) {
			return true
		}
		i += size
	}
	return false
}

// quotedRune reports whether QuoteName writes r as \uNNNN: a C1 control
// or a format character (Unicode category Cf: bidirectional controls,
// zero-width characters, soft hyphen), which terminals act on or hide.
func quotedRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9F) || (r >= 0x80 && unicode.Is(unicode.Cf, r))
}

// displayName returns how a file's path (relative to its folder argument,
// or as given) is shown as a Document ID, and a note when that is not the
// name itself: a name in GB18030 (GBK), as archives made on Chinese
// Windows unpack, is decoded when it reads as Chinese; any other name that
// is not UTF-8 or holds control characters is shown through QuoteName.
func displayName(name string) (shown, note string) {
	if !needsQuote(name) {
		return name, ""
	}
	if !utf8.ValidString(name) {
		if d := decode.GB18030([]byte(name)); d.Replaced == 0 && decode.PlausibleGB([]byte(name), d.Text) && !needsQuote(d.Text) {
			return d.Text, fmt.Sprintf("file name is gb18030, not utf-8: read as %s", d.Text)
		}
		q := QuoteName(name)
		return q, fmt.Sprintf("file name is not valid utf-8: shown as %s", q)
	}
	q := QuoteName(name)
	return q, fmt.Sprintf("file name holds control or invisible characters: shown as %s", q)
}

// entryProblem returns why the report file name of fsys is not read —
// not a regular file (a FIFO, a device, a directory …), a symbolic link
// that leads nowhere or round in a loop, larger than max bytes — or ""
// when it can be read. It opens nothing.
func entryProblem(fsys fs.FS, name string, max int64) string {
	_, problem := entryStat(fsys, name, max)
	return problem
}

// entryStat is entryProblem that also returns the file's information when
// it can be read.
func entryStat(fsys fs.FS, name string, max int64) (fs.FileInfo, string) {
	fi, err := infile.Stat(fsys, name, max, name)
	if err == nil {
		return fi, ""
	}
	return nil, skipReason(err)
}

// skipReason phrases an error of infile as the reason a report is not
// read, without the file name (the document is named already).
func skipReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "not read: " + err.Error()
}

// isSkip reports whether a read error concerns the one entry and not the
// run, so that the entry is listed with its problem and the run goes on
// (issue 14: one odd entry must not abort a run over hundreds of reports):
// it is not a regular file, too large, a link that leads nowhere, gone
// since it was listed, unreadable (permission denied) or unreadable from
// the disk (an I/O error). Only a process out of file descriptors or
// memory stops the run: the next file would fail the same way.
func isSkip(err error) bool {
	return !errors.Is(err, syscall.EMFILE) && !errors.Is(err, syscall.ENFILE) && !errors.Is(err, syscall.ENOMEM)
}

// readLimited reads r whole, failing with an *infile.TooLargeError past max
// bytes (max <= 0: no cap).
func readLimited(r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		return io.ReadAll(r)
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err == nil && int64(len(b)) > max {
		return nil, &infile.TooLargeError{Size: -1, Max: max}
	}
	return b, err
}

// tifaOutput names what tifa wrote when the decoded text of the file name
// is one of its outputs, "" otherwise: an HTML report (its <meta
// name="generator" content="tifa"> tag, or the error box of reports
// written before the tag), or Markdown holding only tables, as tifa's
// -f md writes (every non-blank line a "###" title, a table row or the
// provenance line).
func tifaOutput(name, text string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		head := text[:min(len(text), 4096)]
		if strings.Contains(head, `<meta name="generator" content="tifa`) || strings.Contains(text, `<pre id="errors" hidden></pre>`) {
			return "an HTML report written by tifa"
		}
	case ".md":
		if markdownTables(text) {
			return "Markdown tables only, as tifa writes them"
		}
	}
	return ""
}

// markdownTables reports whether every non-blank line of text is a "###"
// title, a table row (|…|) or tifa's provenance line, with at least one
// table separator row (|---|).
func markdownTables(text string) bool {
	sep := false
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "|") && strings.HasSuffix(line, "|"):
			sep = sep || strings.HasPrefix(line, "|---") || strings.HasPrefix(line, "| ---") || strings.HasPrefix(line, "|:--")
		case strings.HasPrefix(line, "### "), strings.HasPrefix(line, "*Provenance* — "):
		default:
			return false
		}
	}
	return sep
}
