package places

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Overrides are the user's own placements, read from a CSV file (tifa's
// --places FILE) of rows
//
//	name,code[,anything else]
//
// where name is a document's path (保定/徐水区/2019.txt: the path's last
// folders and file name, as many as written, so a document ID tifa prints
// matches whatever folder was named on the command line), its file name
// (徐水区_2019.txt), either followed by #N for the N-th report of a file
// holding several (001.txt#2), or a place name as written in the manifest
// or found in the text (城关镇, 雄安新区); code is a code of the gazetteer
// (6 or 9 digits, or a pseudo-code), or NoDivision (none) for an author
// that is no division (a zone the gazetteer does not list). Later fields
// (a note) are ignored. A first row name,code is a header; lines starting
// with # are comments; the file is UTF-8 (a byte-order mark is allowed).
// An override decides before anything else: a longer path before a
// shorter one, a path before a name.
type Overrides struct {
	file string
	rows map[string]override
}

type override struct {
	code string
	line int
}

// Len returns the number of overrides.
func (o *Overrides) Len() int {
	if o == nil {
		return 0
	}
	return len(o.rows)
}

// ParseError is an error in an overrides file, at a line (and column, a
// 1-based byte index, when known), as encoding/csv's ParseError. It unwraps
// to the cause: ErrBadCode, ErrDuplicate, ErrEncoding, a csv error.
type ParseError struct {
	File   string
	Line   int // 1-based; 0 for the whole file
	Column int // 1-based byte index in the line; 0 when not known
	Err    error
}

func (e *ParseError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("places %s: %v", e.File, e.Err)
	case e.Column > 0:
		return fmt.Sprintf("places %s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("places %s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// Errors of an overrides file.
var (
	ErrBadCode   = errors.New("not a code of the gazetteer")
	ErrDuplicate = errors.New("given twice with different codes")
	ErrEncoding  = errors.New("not UTF-8 text (save the file as UTF-8 CSV)")
	ErrEmpty     = errors.New("no overrides in the file")
	ErrTooLarge  = fmt.Errorf("larger than %d MB", MaxOverridesBytes>>20)
	ErrFields    = errors.New("want name,code")
)

// MaxOverridesBytes bounds an overrides file: a file of name,code rows is
// small, and a device such as /dev/zero must not be read without end.
const MaxOverridesBytes = 16 << 20

// ParseOverrides reads an overrides file named file (for errors) from r,
// checking every code against g. Every problem is a *ParseError.
func ParseOverrides(file string, r io.Reader, g *Gazetteer) (*Overrides, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxOverridesBytes+1))
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	if len(data) > MaxOverridesBytes {
		return nil, &ParseError{File: file, Err: ErrTooLarge}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bad := invalidAt(data); bad >= 0 {
		return nil, &ParseError{File: file, Line: 1 + bytes.Count(data[:bad], []byte("\n")), Err: ErrEncoding}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	o := &Overrides{file: file, rows: map[string]override{}}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if pe, ok := err.(*csv.ParseError); ok {
			return nil, &ParseError{File: file, Line: pe.Line, Column: pe.Column, Err: pe.Err}
		}
		if err != nil {
			return nil, &ParseError{File: file, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if len(rec) < 2 {
			return nil, &ParseError{File: file, Line: line, Err: fmt.Errorf("%w (got %d field)", ErrFields, len(rec))}
		}
		key, code := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if first && strings.EqualFold(key, "name") && strings.EqualFold(code, "code") {
			continue
		}
		_, col := cr.FieldPos(1)
		if key == "" {
			return nil, &ParseError{File: file, Line: line, Column: 1, Err: errors.New("empty name")}
		}
		if strings.EqualFold(code, NoDivision) {
			code = NoDivision
		} else if g.find(code, 0) < 0 {
			return nil, &ParseError{File: file, Line: line, Column: col, Err: fmt.Errorf("code %q: %w", code, ErrBadCode)}
		}
		if prev, ok := o.rows[key]; ok && prev.code != code {
			return nil, &ParseError{File: file, Line: line, Err: fmt.Errorf("%s: %w (line %d: %s; here %s)", key, ErrDuplicate, prev.line, prev.code, code)}
		}
		o.rows[key] = override{code: code, line: line}
	}
	if len(o.rows) == 0 {
		return nil, &ParseError{File: file, Err: ErrEmpty}
	}
	return o, nil
}

// invalidAt returns the offset of the first byte that is not UTF-8 text
// (invalid, or a NUL of a binary file), or -1.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 || r == 0 {
			return i
		}
		i += size
	}
	return -1
}

// override looks up the document's path, each shorter tail of it (whole
// folders dropped from the front: a/b/c.txt, b/c.txt, c.txt), with the
// part's #N first, then its region.
func (r *Resolver) override(d Doc, y int) (Result, bool) {
	if r.ov == nil {
		return Result{}, false
	}
	for p := d.Path; p != ""; {
		if d.Part > 0 {
			if res, ok := r.overrideName(p+"#"+strconv.Itoa(d.Part), y); ok {
				return res, true
			}
		}
		if res, ok := r.overrideName(p, y); ok {
			return res, true
		}
		_, rest, ok := strings.Cut(p, "/")
		if !ok {
			break
		}
		p = rest
	}
	return r.overrideName(d.Region, y)
}

// overrideName looks up one key.
func (r *Resolver) overrideName(key string, y int) (Result, bool) {
	if r.ov == nil || key == "" {
		return Result{}, false
	}
	o, ok := r.ov.rows[key]
	if !ok {
		return Result{}, false
	}
	why := fmt.Sprintf("%s:%d", r.ov.file, o.line)
	if o.code == NoDivision {
		return Result{Source: FromOverride, Matched: key, Why: why + ": no division", NoDivision: true}, true
	}
	i := r.g.find(o.code, y)
	return r.g.result(i, y, FromOverride, key, why), true
}
