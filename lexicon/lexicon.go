package lexicon

import "sync"

// Entry is one slogan: its canonical form and the other forms that count as
// a mention of it.
type Entry struct {
	Slogan   string   // canonical form, as printed in every output
	Aliases  []string // other forms: variants, abbreviations, full names
	Category string   // economy, reform, environment … ("user" for plain-text entries without one)
	Note     string   // one line: what it means, where it comes from
	Origin   string   // who coined it: "national", a province (浙江 …), or ""
	Since    int      // first year it appears in a report, 0 when unknown

	// Exclude lists the contexts in which a form of the entry is no
	// mention of it: an occurrence lying inside an occurrence of one of
	// them is not counted (新发展理念 inside 创新发展理念, a verb phrase).
	// Each contains at least one of the entry's forms and equals none.
	Exclude []string

	// File and Line say where the entry was defined ("builtin" for the
	// embedded lexicon).
	File string
	Line int
}

// Forms returns the canonical form followed by the aliases.
func (e *Entry) Forms() []string {
	return append([]string{e.Slogan}, e.Aliases...)
}

// Lexicon is a validated set of entries: no two entries share a form.
// Build it with New; treat Entries as read-only afterwards (the index, hash
// and matcher are built from them on first use).
type Lexicon struct {
	Entries []Entry

	indexOnce sync.Once
	index     map[string]int    // every spelling of every form → entry index
	form      map[string]string // every spelling → the form it spells
	hash      string

	matchOnce sync.Once
	matcher   *Matcher
}

// Mention is one occurrence of an entry in a text. Start and End are byte
// offsets.
type Mention struct {
	Entry      int // index into Lexicon.Entries
	Start, End int
	// Nested is true when the mention lies inside a mention of a longer,
	// different entry (六稳 inside 六稳六保).
	Nested bool
}
