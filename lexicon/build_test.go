package lexicon

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// parseText parses plain-text lexicon lines for tests.
func mustParse(t *testing.T, name, text string) []Entry {
	t.Helper()
	entries, err := Parse(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func slogans(l *Lexicon) []string {
	var s []string
	for _, e := range l.Entries {
		s = append(s, e.Slogan+"@"+e.File)
	}
	return s
}

func TestNew(t *testing.T) {
	builtin := mustParse(t, "builtin", "[economy]\n六稳\n六保\n六稳六保\n[environment]\n两山理论|两山|绿水青山就是金山银山\n河长制\n"+
		"[rural]\n千万工程|千村示范、万村整治|!百千万工程|!千村示范、万村整治工程\n")
	cases := []struct {
		name     string
		user     []string // one plain-text file each
		want     []string
		warnings []string
	}{
		{"built-in only", nil, []string{"六稳@builtin", "六保@builtin", "六稳六保@builtin", "两山理论@builtin", "河长制@builtin", "千万工程@builtin"}, nil},
		{"user entries come after", []string{"五水共治\n", "最多跑一次\n"},
			[]string{"六稳@builtin", "六保@builtin", "六稳六保@builtin", "两山理论@builtin", "河长制@builtin", "千万工程@builtin", "五水共治@a", "最多跑一次@b"}, nil},
		{"same canonical form replaces", []string{"[mine]\n六保|保就业\n"},
			[]string{"六稳@builtin", "六稳六保@builtin", "两山理论@builtin", "河长制@builtin", "千万工程@builtin", "六保@a"},
			[]string{"lexicon a:2: 六保 replaces the built-in entry 六保 (economy)"}},
		{"alias replaces", []string{"绿水青山|两山\n"},
			[]string{"六稳@builtin", "六保@builtin", "六稳六保@builtin", "河长制@builtin", "千万工程@builtin", "绿水青山@a"},
			[]string{"lexicon a:1: 绿水青山 replaces the built-in entry 两山理论 (environment)"}},
		{"one user entry replaces several", []string{"\n六稳六保|六稳|六保\n"},
			[]string{"两山理论@builtin", "河长制@builtin", "千万工程@builtin", "六稳六保@a"},
			[]string{
				"lexicon a:2: 六稳六保 replaces the built-in entry 六稳 (economy)",
				"lexicon a:2: 六稳六保 replaces the built-in entry 六保 (economy)",
				"lexicon a:2: 六稳六保 replaces the built-in entry 六稳六保 (economy)",
			}},
		{"replacement matches normalised forms", []string{"河 长 制\n"},
			[]string{"六稳@builtin", "六保@builtin", "六稳六保@builtin", "两山理论@builtin", "千万工程@builtin", "河长制@a"},
			[]string{"lexicon a:1: 河长制 replaces the built-in entry 河长制 (environment)"}},
		// Issue 14 item 21: the exclusions go with the built-in entry, and
		// the warning says which.
		{"replacement drops the built-in exclusions and says so", []string{"千万工程|千万工程建设\n"},
			[]string{"六稳@builtin", "六保@builtin", "六稳六保@builtin", "两山理论@builtin", "河长制@builtin", "千万工程@a"},
			[]string{"lexicon a:1: 千万工程 replaces the built-in entry 千万工程 (rural) and drops its exclusions 百千万工程, " +
				"so 千万工程 now counts inside them: add them to your entry to keep them"}},
		{"exclusions the replacement keeps are not named", []string{"千万工程|千村示范万村整治|!百千万工程|!千村示范、万村整治工程\n"},
			[]string{"六稳@builtin", "六保@builtin", "六稳六保@builtin", "两山理论@builtin", "河长制@builtin", "千万工程@a"},
			[]string{"lexicon a:1: 千万工程 replaces the built-in entry 千万工程 (rural)"}},
		{"replacement by a compound spelling", []string{"千村示范与万村整治\n"},
			[]string{"六稳@builtin", "六保@builtin", "六稳六保@builtin", "两山理论@builtin", "河长制@builtin", "千村示范与万村整治@a"},
			[]string{"lexicon a:1: 千村示范与万村整治 replaces the built-in entry 千万工程 (rural) and drops its exclusions " +
				"千村示范、万村整治工程, so 千村示范与万村整治 now counts inside them: add them to your entry to keep them"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var user [][]Entry
			for i, text := range tc.user {
				user = append(user, mustParse(t, string(rune('a'+i)), text))
			}
			l, warnings, err := New(builtin, user...)
			if err != nil {
				t.Fatal(err)
			}
			if got := slogans(l); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("entries\n got %q\nwant %q", got, tc.want)
			}
			if !reflect.DeepEqual(warnings, tc.warnings) {
				t.Errorf("warnings\n got %q\nwant %q", warnings, tc.warnings)
			}
			for i := range l.Entries {
				for _, f := range l.Entries[i].Forms() {
					if j, ok := l.Lookup(f); !ok || j != i {
						t.Errorf("Lookup(%s) = %d, %v; want %d", f, j, ok, i)
					}
				}
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	a := []Entry{{Slogan: "六稳", File: "a.txt", Line: 1}, {Slogan: "六保", Aliases: []string{"保就业"}, File: "a.txt", Line: 2}}
	b := []Entry{{Slogan: "保就业", File: "b.txt", Line: 7}, {Slogan: " ", File: "b.txt", Line: 8}}
	builtin := []Entry{{Slogan: "河长制", File: BuiltinFile, Line: 3}, {Slogan: "河长制", File: BuiltinFile, Line: 9}}
	_, _, err := New(builtin, a, b)
	want := []string{
		"lexicon builtin:9: duplicate entry 河长制 (first at builtin:3)",
		"lexicon b.txt:7: 保就业 is already an alias of 六保 (a.txt:2)",
		"lexicon b.txt:8: slogan: empty form",
	}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
	if !errors.Is(err, ErrConflict) || !errors.Is(err, ErrDuplicate) || !errors.Is(err, ErrForm) {
		t.Errorf("errors.Is fails on %v", err)
	}
}

func TestNewDoesNotChangeItsInput(t *testing.T) {
	in := []Entry{{Slogan: "互联网＋", Aliases: []string{"互联网＋行动"}, Exclude: []string{"互联网＋行动计划"}}}
	l, _, err := New(in)
	if err != nil {
		t.Fatal(err)
	}
	if in[0].Slogan != "互联网＋" || in[0].Aliases[0] != "互联网＋行动" || in[0].Exclude[0] != "互联网＋行动计划" ||
		l.Entries[0].Slogan != "互联网+" || l.Entries[0].Exclude[0] != "互联网+行动计划" {
		t.Errorf("input %+v, lexicon %+v", in, l.Entries)
	}
}

func TestEmptyLexicon(t *testing.T) {
	l, warnings, err := New(nil)
	if err != nil || warnings != nil || len(l.Entries) != 0 {
		t.Fatalf("New(nil) = %+v, %v, %v", l, warnings, err)
	}
	if got := l.Matcher().Find("六稳六保"); len(got) != 0 {
		t.Errorf("empty lexicon finds %+v", got)
	}
	if _, ok := l.Lookup("六稳"); ok {
		t.Error("empty lexicon looks up 六稳")
	}
}

func TestHash(t *testing.T) {
	hash := func(specs ...string) string { return mustNew(t, specs...).Hash() }
	base := hash("六稳", "六保|保就业|保民生")
	cases := []struct {
		name  string
		specs []string
		same  bool
	}{
		{"identical", []string{"六稳", "六保|保就业|保民生"}, true},
		{"alias order does not matter", []string{"六稳", "六保|保民生|保就业"}, true},
		{"normalisation does not matter", []string{"六 稳", "六保|保就业|保民生"}, true},
		{"entry order matters", []string{"六保|保就业|保民生", "六稳"}, false},
		{"an alias more", []string{"六稳", "六保|保就业|保民生|保主体"}, false},
		{"alias becomes canonical", []string{"六稳", "保就业|六保|保民生"}, false},
		{"forms regrouped", []string{"六稳|六保", "保就业|保民生"}, false},
		{"an exclusion", []string{"六稳", "六保|保就业|保民生|!确保就业"}, false},
		{"an exclusion moved to another entry", []string{"六稳|!六稳六保", "六保|保就业|保民生"}, false},
	}
	// The hash is stable across runs and versions of the code (computed by
	// the code of the time the matching rules became v2: quotation marks
	// transparent, compounds; under v1 it was 6c9ac8a21dae), so caches keyed
	// by it stay valid exactly as long as the counts do.
	if base != "783620d65500" {
		t.Fatalf("Hash() = %q, want 783620d65500", base)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := hash(tc.specs...); (got == base) != tc.same {
				t.Errorf("Hash = %s, base %s, want same=%v", got, base, tc.same)
			}
		})
	}
	withExcl := hash("六稳|!六稳六保|!稳六稳", "六保")
	for _, same := range [][]string{{"六稳|!稳六稳|!六稳六保", "六保"}, {"六稳|!稳六稳|!六稳六保|!稳六稳", "六保"}} {
		if hash(same...) != withExcl {
			t.Errorf("exclusion order or repeats change the hash: %q", same)
		}
	}
	if withExcl == hash("六稳|!六稳六保", "六保") {
		t.Error("dropping an exclusion does not change the hash")
	}
	l1 := mustNew(t, "六稳")
	l2 := mustNew(t, "六稳")
	l2.Entries[0].Category = "economy"
	l2 = &Lexicon{Entries: l2.Entries}
	if l1.Hash() == l2.Hash() {
		t.Error("category does not enter the hash")
	}
}

func TestLookup(t *testing.T) {
	l := mustNew(t, "互联网+|互联网+行动", "5G")
	cases := []struct {
		form string
		want int
		ok   bool
	}{
		{"互联网+", 0, true},
		{"互联网+行动", 0, true},
		{"互联网＋行动", 0, true},
		{" 5G ", 1, true},
		{"５Ｇ", 1, true},
		{"5g", 0, false},
		{"互联网", 0, false},
		{"", 0, false},
	}
	for _, tc := range cases {
		if got, ok := l.Lookup(tc.form); got != tc.want || ok != tc.ok {
			t.Errorf("Lookup(%q) = %d, %v; want %d, %v", tc.form, got, ok, tc.want, tc.ok)
		}
	}
}

// A Lexicon built by hand, not by New, still works: shared forms go to the
// first entry.
func TestHandBuiltLexicon(t *testing.T) {
	l := &Lexicon{Entries: []Entry{{Slogan: "六稳"}, {Slogan: "六保", Aliases: []string{"六稳", ""}}}}
	if i, ok := l.Lookup("六稳"); !ok || i != 0 {
		t.Errorf("Lookup(六稳) = %d, %v", i, ok)
	}
	got := l.Matcher().Find("六稳六保")
	want := []Mention{{Entry: 0, Start: 0, End: 6}, {Entry: 1, Start: 6, End: 12}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find = %+v, want %+v", got, want)
	}
}

// A hand-built Lexicon's exclusions are used as they are: empty and
// repeated ones are skipped, and one equal to the entry's own form hides
// every occurrence of it.
func TestHandBuiltExclusions(t *testing.T) {
	l := &Lexicon{Entries: []Entry{
		{Slogan: "六稳", Exclude: []string{"", "六稳六保", "六稳六保"}},
		{Slogan: "六保", Exclude: []string{"六保"}},
		{Slogan: "稳六"},
	}}
	got := l.Matcher().Find("六稳六保,六稳")
	want := []Mention{{Entry: 2, Start: 3, End: 9}, {Entry: 0, Start: 13, End: 19}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find = %+v, want %+v", got, want)
	}
}
