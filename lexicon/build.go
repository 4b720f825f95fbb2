package lexicon

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
)

// New combines the built-in entries with the researcher's own sets (one per
// file, in the order given) into a Lexicon.
//
// Every set is normalised and checked as in Parse (categories are not
// checked again); a form shared by two entries of the built-in set, or of
// the user sets together, is an error naming both places. A user entry
// that shares any form (or compound spelling) with a built-in entry
// replaces that built-in entry instead, and New returns a warning
// "lexicon FILE:LINE: 六稳 replaces the built-in entry 六稳 (economy)" for
// it, so a researcher can redefine built-ins. The user entry is taken as
// written: the built-in entry's exclusions go with it, and the warning
// names those the user entry could have used ("… and drops its exclusions
// 百千万工程, so 千万工程 now counts inside them: add them to your entry to
// keep them"). Keeping them silently would make the entry count otherwise
// than its file says, and leave no way to drop one. Entries keep a deterministic
// order: the surviving built-in entries in their order, then the user
// entries in theirs.
//
// The error, when not nil, is an errors.Join of *Error values in entry
// order (built-in set first, then the user sets in order); the Lexicon is
// then nil.
func New(builtin []Entry, user ...[]Entry) (*Lexicon, []string, error) {
	base, errs := validateSet(builtin)
	var all []Entry
	for _, set := range user {
		all = append(all, set...)
	}
	mine, uerrs := validateSet(all)
	errs = append(errs, uerrs...)
	if len(errs) > 0 {
		return nil, nil, joinErrors(errs)
	}
	base, warnings := replaceBuiltins(base, mine)
	l := &Lexicon{Entries: append(base, mine...)}
	l.buildIndex()
	return l, warnings, nil
}

// replaceBuiltins drops every built-in entry that shares a form with a user
// entry and says so, one warning per pair, in user order.
func replaceBuiltins(base, mine []Entry) ([]Entry, []string) {
	owner := make(map[string]int)
	for i := range base {
		for _, v := range spellings(&base[i]) {
			owner[v] = i
		}
	}
	replaced := make([]bool, len(base))
	var warnings []string
	for _, u := range mine {
		var hit []int
		for _, v := range spellings(&u) {
			if i, ok := owner[v]; ok && !slices.Contains(hit, i) {
				hit = append(hit, i)
			}
		}
		slices.Sort(hit)
		for _, i := range hit {
			replaced[i] = true
			b := &base[i]
			w := fmt.Sprintf("lexicon %s:%d: %s replaces the built-in entry %s (%s)",
				u.File, u.Line, u.Slogan, b.Slogan, b.Category)
			if lost := lostExclusions(b, &u); len(lost) > 0 {
				w += fmt.Sprintf(" and drops its exclusions %s, so %s now counts inside them: add them to your entry to keep them",
					strings.Join(lost, ", "), u.Slogan)
			}
			warnings = append(warnings, w)
		}
	}
	kept := base[:0]
	for i := range base {
		if !replaced[i] {
			kept = append(kept, base[i])
		}
	}
	return kept, warnings
}

// lostExclusions returns the exclusions of built-in entry b that user
// entry u, replacing it, lacks and could use (they contain one of its
// forms).
func lostExclusions(b, u *Entry) []string {
	var lost []string
	forms := u.Forms()
	for _, x := range b.Exclude {
		if !slices.Contains(u.Exclude, x) && checkExclude(x, forms) == "" {
			lost = append(lost, x)
		}
	}
	return lost
}

// buildIndex maps every form to its entry (the first entry, should a
// hand-built Lexicon share a form) and computes the hash.
func (l *Lexicon) buildIndex() {
	l.indexOnce.Do(func() {
		l.index = make(map[string]int)
		l.form = make(map[string]string)
		h := sha256.New()
		// v2: quotation marks are transparent and compounds match in all
		// their spellings, so the same entries count differently than in
		// v1 and caches keyed by the hash must not be reused.
		h.Write([]byte("tifa lexicon v2\n"))
		for i := range l.Entries {
			e := &l.Entries[i]
			for _, f := range e.Forms() {
				for _, v := range variants(f) {
					if _, ok := l.index[v]; !ok {
						l.index[v] = i
						l.form[v] = f
					}
				}
			}
			aliases := slices.Clone(e.Aliases)
			slices.Sort(aliases)
			// Length-prefixed strings: no separator can be forged.
			fmt.Fprintf(h, "%d:%s%d:%s%d:", len(e.Slogan), e.Slogan, len(e.Category), e.Category, len(aliases))
			for _, a := range aliases {
				fmt.Fprintf(h, "%d:%s", len(a), a)
			}
			if len(e.Exclude) > 0 {
				// Only when there are some (so v1 lexicons without
				// exclusions kept the hash they had before exclusions
				// existed); "x" cannot begin an entry's record, which
				// starts with a digit.
				excl := slices.Clone(e.Exclude)
				slices.Sort(excl)
				fmt.Fprintf(h, "x%d:", len(excl))
				for _, x := range excl {
					fmt.Fprintf(h, "%d:%s", len(x), x)
				}
			}
		}
		l.hash = hex.EncodeToString(h.Sum(nil))[:12]
	})
}

// Hash returns 12 hex digits of the SHA-256 of the version of the matching
// rules ("v2") and the lexicon's entries in order — canonical form,
// category, sorted aliases and sorted exclusions of each — so two lexicons
// that count the same way have the same hash. Notes, origins, years and
// file positions do not enter it. Use it to key caches and to record which
// lexicon produced a result.
func (l *Lexicon) Hash() string {
	l.buildIndex()
	return l.hash
}

// Lookup returns the index in Entries of the entry that has form as its
// canonical form, an alias, or a spelling of a compound form (碳达峰与碳中和
// for 碳达峰、碳中和). form is normalised and stripped of quotation marks
// first when it is not found as given, so "互联网＋" finds the entry 互联网+
// and "能耗“双控”" the entry 能耗双控.
func (l *Lexicon) Lookup(form string) (int, bool) {
	l.buildIndex()
	if i, ok := l.index[form]; ok {
		return i, true
	}
	if n := stripMarks(Normalize(form)); n != form {
		i, ok := l.index[n]
		return i, ok
	}
	return 0, false
}

// FormOf returns the form of the lexicon that a mention's text spells —
// text[m.Start:m.End] as written, quotation marks and all — and whether it
// spells one: 碳达峰与碳中和 gives the compound form 碳达峰、碳中和, and
// 能耗“双控 the form 能耗双控.
func (l *Lexicon) FormOf(mention string) (string, bool) {
	l.buildIndex()
	f, ok := l.form[Unmark(mention)]
	return f, ok
}

// Unmark returns s without the quotation marks the matcher skips (see
// Typesetting in the package documentation): 能耗“双控” gives 能耗双控. It
// returns s itself when there are none.
func Unmark(s string) string {
	if !strings.ContainsAny(s, marks) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := markAt(s, i); n > 0 {
			i += n
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// spellings returns every string that is a mention of e: the variants of
// each of its forms, canonical form first.
func spellings(e *Entry) []string {
	var out []string
	for _, f := range e.Forms() {
		out = append(out, variants(f)...)
	}
	return out
}

// Matcher returns the lexicon's matcher, built on first use and shared:
// it is safe for concurrent use.
func (l *Lexicon) Matcher() *Matcher {
	l.matchOnce.Do(func() { l.matcher = newMatcher(l.Entries) })
	return l.matcher
}
