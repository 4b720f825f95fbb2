package lexicon

import (
	"slices"
	"testing"
)

// TestDefault checks the embedded lexicon: it parses, passes the built-in
// checks, is large enough to be the curated list, and builds a Lexicon
// without warnings.
func TestDefault(t *testing.T) {
	entries, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 300 {
		t.Fatalf("Default() has %d entries, want at least 300", len(entries))
	}
	for _, e := range entries {
		if !slices.Contains(Categories, e.Category) || e.File != BuiltinFile || e.Line <= 0 || e.Slogan == "" {
			t.Errorf("bad built-in entry %+v", e)
		}
	}
	l, warnings, err := New(entries)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("New(Default()) = %v, %v", warnings, err)
	}
	if len(l.Entries) != len(entries) {
		t.Errorf("New kept %d of %d entries", len(l.Entries), len(entries))
	}
	// The caller owns the result: changing it does not change the next one.
	entries[0].Slogan = "changed"
	entries[0].Aliases = append(entries[0].Aliases[:0], "changed")
	again, _ := Default()
	if again[0].Slogan == "changed" || slices.Contains(again[0].Aliases, "changed") {
		t.Error("Default() returns shared entries")
	}
}

// TestDefaultFindsItsSlogans checks that the built-in lexicon finds each
// entry's canonical form in a text made of all of them.
func TestDefaultFindsItsSlogans(t *testing.T) {
	entries, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := New(entries)
	if err != nil {
		t.Fatal(err)
	}
	var text []byte
	for _, e := range l.Entries {
		text = append(text, e.Slogan...)
		text = append(text, "。"...)
	}
	found := make([]bool, len(l.Entries))
	for _, m := range l.Matcher().Find(string(text)) {
		found[m.Entry] = true
	}
	for i, ok := range found {
		if !ok {
			t.Errorf("entry %s (builtin:%d) not found in a text that contains it", l.Entries[i].Slogan, l.Entries[i].Line)
		}
	}
}
