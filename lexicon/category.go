package lexicon

import (
	"fmt"
	"slices"
	"strings"
)

// CheckCategory returns an error unless category is "" or that of an
// entry of l, naming l's categories.
func (l *Lexicon) CheckCategory(category string) error {
	var names []string
	for _, e := range l.Entries {
		if e.Category == category || category == "" {
			return nil
		}
		if !slices.Contains(names, e.Category) {
			names = append(names, e.Category)
		}
	}
	return fmt.Errorf("no slogan of the lexicon has category %q (want one of %s)", category, strings.Join(names, ", "))
}

// WithCandidates returns l with each of texts that is no form of l added
// as an entry of category "candidate" (file "candidates", line: its
// position in texts, from 1), so that a segmenter keeps it one token.
func (l *Lexicon) WithCandidates(texts []string) (*Lexicon, error) {
	var extra []Entry
	for i, t := range texts {
		if _, ok := l.Lookup(t); !ok {
			extra = append(extra, Entry{Slogan: t, Category: "candidate", File: "candidates", Line: i + 1})
		}
	}
	withCands, _, err := New(l.Entries, extra)
	return withCands, err
}
