package lexicon

import (
	"errors"
	"fmt"

	"github.com/tifa-project/tifa/infile"
)

// Error is a problem with one entry of a lexicon file, located by file and
// line (Line is 0 when the problem has no line, such as an unreadable file).
// Its message reads "lexicon FILE:LINE: …".
type Error struct {
	File string
	Line int
	Err  error
}

// Error returns "lexicon FILE:LINE: message", or "lexicon FILE: message"
// when Line is 0.
func (e *Error) Error() string {
	return fmt.Sprintf("lexicon %s: %v", infile.At(e.File, e.Line, 0), e.Err)
}

// Unwrap returns the underlying error, so errors.Is(err, ErrConflict) works.
func (e *Error) Unwrap() error { return e.Err }

// The kinds of lexicon error; every *Error wraps one of them (test with
// errors.Is).
var (
	// ErrSyntax: the file cannot be read as YAML or plain text, or a YAML
	// entry has an unknown, repeated or ill-typed field.
	ErrSyntax = errors.New("syntax error")
	// ErrForm: a form is empty, not valid UTF-8, or holds control characters.
	ErrForm = errors.New("bad form")
	// ErrDuplicate: two entries have the same canonical form.
	ErrDuplicate = errors.New("duplicate entry")
	// ErrConflict: a form is claimed by two entries, at least once as an alias.
	ErrConflict = errors.New("form claimed twice")
	// ErrField: a field value is out of range: a missing category, a category
	// or origin the built-in lexicon does not allow, an impossible year.
	ErrField = errors.New("bad field")
	// ErrExclude: an exclusion equals one of its entry's forms, or contains
	// none of them, so it could never apply.
	ErrExclude = errors.New("bad exclusion")
)

// kindError carries a full message while unwrapping to one of the Err*
// kinds above, so messages need not end in ": bad form".
type kindError struct {
	kind error
	msg  string
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// errorf builds an *Error of the given kind at file:line.
func errorf(file string, line int, kind error, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Err: &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}}
}
