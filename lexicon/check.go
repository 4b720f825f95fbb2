package lexicon

import "fmt"

// FileCheck is what CheckFiles found in one file: its entries, or the
// error saying what is wrong with it (an *Error naming file and line).
type FileCheck struct {
	Path    string
	Entries int
	Err     error
}

// CheckFiles checks each lexicon file on its own (ParseFile), then, when
// none has an error, all of them together with the built-in lexicon
// (Default; without it when builtin is false), as New builds them: the
// files' checks in order, the lexicon, and New's warnings (the built-in
// entries they replace). err says when a file, or the whole, is invalid.
func CheckFiles(paths []string, builtin bool) (files []FileCheck, lex *Lexicon, warns []string, err error) {
	var sets [][]Entry
	bad := 0
	for _, p := range paths {
		es, err := ParseFile(p)
		if err != nil {
			bad++
		}
		files, sets = append(files, FileCheck{Path: p, Entries: len(es), Err: err}), append(sets, es)
	}
	if bad > 0 {
		return files, nil, nil, fmt.Errorf("%d of %d lexicon files have errors", bad, len(paths))
	}
	var base []Entry
	if builtin {
		if base, err = Default(); err != nil {
			return files, nil, nil, err
		}
	}
	lex, warns, err = New(base, sets...)
	return files, lex, warns, err
}
