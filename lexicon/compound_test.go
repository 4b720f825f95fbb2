package lexicon

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkAt(t *testing.T) {
	// Oracle: by hand, from the UTF-8 encodings (“ = E2 80 9C, 「 = E3 80 8C).
	cases := []struct {
		name string
		text string
		i    int
		want int
	}{
		{"left double", "“六", 0, 3},
		{"right double after a rune", "六”", 3, 3},
		{"single quotes", "‘’", 3, 3},
		{"corner brackets", "「」『』", 9, 3},
		{"ASCII double", `a"b`, 1, 1},
		{"ASCII single", "六'", 3, 1},
		{"not a mark: em dash", "—", 0, 0},
		{"not a mark: 、", "、", 0, 0},
		{"not a mark: 《", "《", 0, 0},
		{"truncated mark", "\xe2\x80", 0, 0},
		{"after a stray lead byte", "\xe4“", 1, 0},
		{"after a truncated rune", "\xe4\xb8“", 2, 0},
		{"after a stray continuation byte", "\x80“", 1, 0},
		{"after U+FFFD, a whole rune", "\uFFFD“", 3, 3},
		{"after a mark", "“”", 3, 3},
	}
	for _, tc := range cases {
		if got := markAt(tc.text, tc.i); got != tc.want {
			t.Errorf("%s: markAt(%q, %d) = %d, want %d", tc.name, tc.text, tc.i, got, tc.want)
		}
	}
	// Every rune of marks is a mark, and nothing else among the runes
	// U+0000..U+FFFF (after an ASCII letter).
	n := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := "a" + string(r)
		if got := markAt(s, 1); (got > 0) != strings.ContainsRune(marks, r) || got > 0 && got != utf8.RuneLen(r) {
			t.Errorf("markAt(%q) = %d", s, got)
		}
		if got := markAt(s, 1); got > 0 {
			n++
		}
	}
	if n != utf8.RuneCountInString(marks) {
		t.Errorf("%d runes are marks, want the %d of %q", n, utf8.RuneCountInString(marks), marks)
	}
}

func TestMarkBefore(t *testing.T) {
	cases := []struct {
		text string
		p    int
		want int
	}{
		{"六“", 6, 3},
		{"六'", 4, 1},
		{"六“稳", 9, 0},
		{"\xe4“", 4, 0},
		{"“", 2, 0},
		{"", 0, 0},
	}
	for _, tc := range cases {
		if got := markBefore(tc.text, tc.p); got != tc.want {
			t.Errorf("markBefore(%q, %d) = %d, want %d", tc.text, tc.p, got, tc.want)
		}
	}
}

func TestVariants(t *testing.T) {
	cases := []struct {
		form string
		want []string
	}{
		{"六稳六保", []string{"六稳六保"}},
		{"六稳、六保", []string{"六稳、六保", "六稳六保", "六稳与六保", "六稳和六保", "六稳及六保"}},
		{"蓝天、碧水、净土", []string{"蓝天、碧水、净土", "蓝天碧水净土", "蓝天、碧水与净土", "蓝天、碧水和净土", "蓝天、碧水及净土"}},
		{"“六稳”、“六保”", []string{"六稳、六保", "六稳六保", "六稳与六保", "六稳和六保", "六稳及六保"}},
		{"、六保", []string{"、六保"}}, // an empty part: no compound
		{"六稳、", []string{"六稳、"}},
		{"、", []string{"、"}},
		{"蓝天、、净土", []string{"蓝天、、净土"}},
	}
	for _, tc := range cases {
		if got := variants(tc.form); !slices.Equal(got, tc.want) {
			t.Errorf("variants(%q) = %q, want %q", tc.form, got, tc.want)
		}
	}
}

func TestStripMarks(t *testing.T) {
	for in, want := range map[string]string{
		"能耗“双控”": "能耗双控", "「三权」分置": "三权分置", `"a'b"`: "ab", "六稳": "六稳", "“”": "",
	} {
		if got := stripMarks(in); got != want {
			t.Errorf("stripMarks(%q) = %q, want %q", in, got, want)
		}
	}
}

// bracketed returns s without its first [ and ], and the byte span that
// they enclosed.
func bracketed(s string) (text string, start, end int) {
	start = strings.Index(s, "[")
	end = strings.Index(s, "]") - 1
	return strings.Replace(strings.Replace(s, "[", "", 1), "]", "", 1), start, end
}

func TestCutsQuote(t *testing.T) {
	// The occurrence is the part of text between [ and ].
	cases := []struct {
		text string
		want bool
	}{
		{"[六稳”“六保]", true},    // a closing mark opened nowhere, an opening one closed nowhere
		{"“[六稳”“六保]”", false}, // the quotations it opens and closes are its own
		{"“[六稳”、“六保]”", false},
		{"[能耗“双控]”", false},
		{"“[三权”分置]", false},
		{"五个“[保定]之变", false}, // no mark inside
		{"[五个“保定]之变”", true},
		{"“农[文旅”融合]", true},
		{"「[文旅」融合]", false},
		{"[甲“乙”丙]", false},
		{"[甲“乙]“丙”", true}, // an opening mark at its end is no closing one
		{`[五个"保定]之变"`, false},
		{"‘[甲’乙]", false},
		{"x[甲’乙]", true},
		{"[甲「乙]』", false},
	}
	for _, tc := range cases {
		if got := cutsQuote(bracketed(tc.text)); got != tc.want {
			t.Errorf("cutsQuote(%s) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestFormOf(t *testing.T) {
	l := mustNew(t, "碳达峰碳中和|碳达峰、碳中和", "能耗双控", "六稳")
	cases := []struct {
		text, want string
		ok         bool
	}{
		{"碳达峰与碳中和", "碳达峰、碳中和", true},
		{"碳达峰”、“碳中和", "碳达峰、碳中和", true},
		{"碳达峰碳中和", "碳达峰碳中和", true}, // the canonical form before the compound's spelling
		{"能耗“双控", "能耗双控", true},
		{"六稳", "六稳", true},
		{"六保", "", false},
		{"", "", false},
	}
	for _, tc := range cases {
		if got, ok := l.FormOf(tc.text); got != tc.want || ok != tc.ok {
			t.Errorf("FormOf(%q) = %q, %v; want %q, %v", tc.text, got, ok, tc.want, tc.ok)
		}
	}
	// Every mention's text spells a form of its own entry.
	text := "“碳达峰”和“碳中和”,能耗“双控”,“六稳”"
	for _, m := range l.Matcher().Find(text) {
		f, ok := l.FormOf(text[m.Start:m.End])
		if i, _ := l.Lookup(f); !ok || i != m.Entry {
			t.Errorf("FormOf(%q) = %q, %v: not a form of %s", text[m.Start:m.End], f, ok, l.Entries[m.Entry].Slogan)
		}
	}
}

func TestUnmark(t *testing.T) {
	for in, want := range map[string]string{
		"能耗“双控”": "能耗双控", "六稳": "六稳", "\xe4“": "\xe4“", `"a"`: "a", "": "",
	} {
		if got := Unmark(in); got != want {
			t.Errorf("Unmark(%q) = %q, want %q", in, got, want)
		}
	}
}
