package audit

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/infile"
)

// Error is a problem with a sample file, located by file and line (Line is
// 0 when the problem has none, such as an unreadable file). Its message
// reads "audit FILE:LINE: …".
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	return fmt.Sprintf("audit %s: %v", infile.At(e.File, e.Line, 0), e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// ErrVerdict is wrapped by the errors of verdicts Read cannot read.
var ErrVerdict = errors.New("bad verdict")

// MaxFileSize bounds what Read reads: a sample file is small, and a larger
// input (a report, a device) is no sample file.
const MaxFileSize = 64 << 20

// maxErrors is how many problems Read reports before it stops.
const maxErrors = 20

// Columns are the columns of a sample file, in the order tifa lexicon
// sample writes them. Read finds them by name, in any order; it needs
// entry, mentions and verdict, and reads the others when present.
var Columns = []string{"doc", "region", "level", "year", "entry", "category", "form", "offset", "line",
	"left", "match", "right", "mentions", "verdict", "note"}

// ReadFile reads the sample file at path; see Read.
func ReadFile(path string) ([]Line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Err: err}
	}
	defer f.Close()
	return Read(path, f)
}

// Read reads a sample file filled in by a reader: CSV, or TSV when its
// first line holds a tab and no comma; UTF-8 with or without a byte-order
// mark, UTF-16 or GB18030, as spreadsheets save it (decode.Decode). The
// header names the columns (see Columns; case and spaces around names do
// not matter); a row may be shorter than the header (a spreadsheet drops
// empty cells at the end) and blank rows are skipped. A verdict is
// written as ParseVerdict reads it.
//
// Every problem is reported as an *Error naming name and the line: a bad
// verdict (wrapping ErrVerdict), a missing entry, a mentions or offset
// that is no count, an entry whose lines disagree on its mentions or
// category, a line repeating another (same doc, offset and entry), a
// missing column, broken CSV quoting, an undecodable file. The error is an
// errors.Join of them in line order (Read stops after 20); the lines are
// then nil.
func Read(name string, r io.Reader) ([]Line, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if len(raw) > MaxFileSize {
		return nil, &Error{File: name, Err: fmt.Errorf("larger than %d MiB: not a sample file", MaxFileSize>>20)}
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, &Error{File: name, Err: errors.New("empty file: want the CSV written by tifa lexicon sample, with its verdicts filled in")}
	}
	text, _, err := decode.Decode(raw)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	text = strings.TrimPrefix(text, "\ufeff")
	cr := csv.NewReader(strings.NewReader(text))
	if first, _, _ := strings.Cut(text, "\n"); strings.Contains(first, "\t") && !strings.Contains(first, ",") {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	rd := &reader{name: name, col: map[string]int{}, first: map[string]int{}, seen: map[string]int{}}
	header, err := cr.Read()
	if err != nil {
		return nil, rd.csvError(err)
	}
	if err := rd.header(header); err != nil {
		return nil, err
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			rd.errs = append(rd.errs, rd.csvError(err))
			break
		}
		line, _ := cr.FieldPos(0)
		if len(rd.errs) >= maxErrors {
			rd.errs = append(rd.errs, &Error{File: name, Line: line, Err: fmt.Errorf("stopped after %d problems", maxErrors)})
			break
		}
		rd.row(rec, line)
	}
	if len(rd.errs) > 0 {
		return nil, errors.Join(rd.errs...)
	}
	if len(rd.lines) == 0 {
		return nil, &Error{File: name, Line: 1, Err: errors.New("a header and no lines")}
	}
	return rd.lines, nil
}

// reader holds the state of one Read.
type reader struct {
	name  string
	col   map[string]int // column name → index
	lines []Line
	first map[string]int // entry → index in lines of its first line
	seen  map[string]int // doc, offset, entry → line of the file
	errs  []error
}

// csvError turns an error of encoding/csv into an *Error at its line.
func (rd *reader) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: rd.name, Line: pe.Line, Err: pe.Err}
	}
	if err == io.EOF {
		err = errors.New("empty file")
	}
	return &Error{File: rd.name, Line: 1, Err: err}
}

// header finds the columns.
func (rd *reader) header(h []string) error {
	for i, c := range h {
		c = strings.ToLower(strings.TrimSpace(c))
		if _, dup := rd.col[c]; dup && c != "" {
			return &Error{File: rd.name, Line: 1, Err: fmt.Errorf("column %q twice", c)}
		}
		rd.col[c] = i
	}
	var missing []string
	for _, c := range []string{"entry", "mentions", "verdict"} {
		if _, ok := rd.col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return &Error{File: rd.name, Line: 1, Err: fmt.Errorf("no column %s: want the header written by tifa lexicon sample (%s)",
			strings.Join(missing, ", "), strings.Join(Columns, ","))}
	}
	return nil
}

// row reads one record at line n of the file.
func (rd *reader) row(rec []string, n int) {
	get := func(c string) string {
		if i, ok := rd.col[c]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	if strings.TrimSpace(strings.Join(rec, "")) == "" {
		return
	}
	fail := func(format string, args ...any) {
		rd.errs = append(rd.errs, &Error{File: rd.name, Line: n, Err: fmt.Errorf(format, args...)})
	}
	l := Line{Doc: get("doc"), Region: get("region"), Level: get("level"), Entry: get("entry"), Category: get("category"),
		Form: get("form"), Left: get("left"), Match: get("match"), Right: get("right"), Note: get("note"), Row: n}
	ok := true
	count := func(c string, dst *int) {
		v := get(c)
		if v == "" && c != "mentions" {
			return
		}
		k, err := strconv.Atoi(v)
		if err != nil || k < 0 {
			fail("%s %q: want a whole number, 0 or more", c, v)
			ok = false
			return
		}
		*dst = k
	}
	count("mentions", &l.Mentions)
	count("offset", &l.Offset)
	count("line", &l.TextLine)
	count("year", &l.Year)
	if l.Entry == "" {
		fail("empty entry")
		ok = false
	}
	v, good := ParseVerdict(get("verdict"))
	if !good {
		rd.errs = append(rd.errs, &Error{File: rd.name, Line: n, Err: fmt.Errorf("%w %q: write yes or no (or leave it empty, or ?, to skip the line)",
			ErrVerdict, get("verdict"))})
		ok = false
	}
	l.Verdict = v
	if !ok {
		return
	}
	if i, had := rd.first[l.Entry]; had {
		f := &rd.lines[i]
		if f.Mentions != l.Mentions || f.Category != l.Category {
			fail("entry %s has mentions %d and category %q, but %d and %q on line %d: every line of an entry carries the same",
				l.Entry, l.Mentions, l.Category, f.Mentions, f.Category, f.Row)
			return
		}
	} else {
		rd.first[l.Entry] = len(rd.lines)
	}
	if l.Doc != "" && get("offset") != "" {
		key := l.Doc + "\x00" + strconv.Itoa(l.Offset) + "\x00" + l.Entry
		if prev, dup := rd.seen[key]; dup {
			fail("repeats line %d (the same mention of %s in %s at offset %d): it would count twice", prev, l.Entry, l.Doc, l.Offset)
			return
		}
		rd.seen[key] = n
	}
	rd.lines = append(rd.lines, l)
}
