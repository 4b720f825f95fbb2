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
	k := slices.IndexFunc(entries, func(e Entry) bool { return len(e.Exclude) > 0 })
	if k < 0 {
		t.Fatal("no built-in entry has exclusions")
	}
	entries[k].Exclude[0] = "changed"
	again, _ := Default()
	if again[0].Slogan == "changed" || slices.Contains(again[0].Aliases, "changed") || again[k].Exclude[0] == "changed" {
		t.Error("Default() returns shared entries")
	}
}

// TestDefaultFindsItsSlogans checks that the built-in lexicon finds each
// entry's canonical form in a text made of all of them.
func TestDefaultFindsItsSlogans(t *testing.T) {
	l := builtinLexicon(t)
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

// TestDefaultExclusions checks the built-in exclusions: each hides its
// entry's forms inside it and nothing else, and the known false positives
// of the corpus are gone.
func TestDefaultExclusions(t *testing.T) {
	l := builtinLexicon(t)
	m := l.Matcher()
	count := func(text string, entry int) int {
		n := 0
		for _, x := range m.Find(text) {
			if x.Entry == entry {
				n++
			}
		}
		return n
	}
	n := 0
	for i, e := range l.Entries {
		for _, x := range e.Exclude {
			n++
			if got := count(x, i); got != 0 {
				t.Errorf("%s: its exclusion %s holds %d mentions of it", e.Slogan, x, got)
			}
			if got := count(x+"。"+e.Slogan, i); got != 1 {
				t.Errorf("%s: %d mentions in %s。%s, want 1", e.Slogan, got, x, e.Slogan)
			}
		}
	}
	if n < 7 {
		t.Errorf("only %d built-in exclusions", n)
	}
	cases := []struct{ slogan, text string }{
		{"新发展理念", "尊重发展规律,创新发展理念,破解发展难题"}, // State Council 2013
		{"稳增长", "在保持出口平稳增长的同时"},           // State Council 2008
		{"土特产", "对于烟叶、茶叶、水果等土特产品"},        // State Council 1958
		{"两新", "推进“两新一重”建设"},              // State Council 2021
		{"千万工程", "深入实施“百千万工程”"},           // Zhongshan 2024
		{"千万工程", "医保经办服务能力提升“十百千万工程”"},    // Laibin 2024
		{"百千万工程", "“十百千万工程”深入实施"},         // Yi county 2017
		{"两山理论", "持续推进“两山七河五湖”"},          // Shanxi 2025
	}
	for _, tc := range cases {
		i, ok := l.Lookup(tc.slogan)
		if !ok {
			t.Fatalf("no built-in entry %s", tc.slogan)
		}
		if got := count(tc.text, i); got != 0 {
			t.Errorf("%s found %d times in %s", tc.slogan, got, tc.text)
		}
	}
}
