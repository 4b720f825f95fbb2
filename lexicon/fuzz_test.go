package lexicon

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkParsed asserts what every successful Parse guarantees: forms are
// non-empty, valid UTF-8 and normalised, no two entries share one, every
// exclusion is normalised, differs from the entry's forms and contains one,
// and New accepts the set.
func checkParsed(t *testing.T, entries []Entry, err error) {
	if err != nil {
		if !strings.HasPrefix(err.Error(), "lexicon ") {
			t.Fatalf("error without the lexicon prefix: %v", err)
		}
		return
	}
	seen := map[string]bool{}
	for _, e := range entries {
		for _, f := range e.Forms() {
			if f == "" || !utf8.ValidString(f) || Normalize(f) != f || seen[f] {
				t.Fatalf("bad or repeated form %q in %+v", f, entries)
			}
			seen[f] = true
		}
		for _, x := range e.Exclude {
			if x == "" || Normalize(x) != x || checkExclude(x, e.Forms()) != "" {
				t.Fatalf("bad exclusion %q in %+v", x, e)
			}
		}
	}
	if _, _, err := New(nil, entries); err != nil {
		t.Fatalf("New rejects what Parse accepted: %v", err)
	}
}

func FuzzParseText(f *testing.F) {
	f.Add("六稳\n六保 | 保就业 # c\n[economy]\n互联网＋|互联网+行动\n")
	f.Add("[]\n|\n两山|两山\n\xff\n")
	f.Add("\ufeff[ a ]\r\n b | c |\r\n")
	f.Add("新发展理念 | !创新发展理念 | !新发展理念\n稳增长|！平稳 增长|!\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := Parse("fuzz.txt", strings.NewReader(in))
		checkParsed(t, entries, err)
	})
}

func FuzzParseYAML(f *testing.F) {
	f.Add(goodYAML)
	f.Add("- slogan: a\n  categroy: b\n- [x]\n- slogan: &x a\n  aliases: *x\n  category: c\n")
	f.Add("---\n- slogan: a\n  category: b\n---\n- slogan: b\n  category: b\n  since: 1e3\n")
	f.Add("- {slogan: 六稳, aliases: [六稳, ~, [x]], category: economy, since: 2020}\n")
	f.Add("- {slogan: 两新, exclude: [两新一重, 两新一重, 三新], category: economy}\n")
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := Parse("fuzz.yaml", strings.NewReader(in))
		checkParsed(t, entries, err)
	})
}

// FuzzFind compares Find with the naive oracle on any lexicon (one entry a
// line as in the plain-text format: forms separated by "|", exclusions
// starting with "!") and any text, in every layout.
func FuzzFind(f *testing.F) {
	f.Add("六稳\n六保\n六稳六保", "做好六稳六保工作")
	f.Add("互联网+|互联网+行动\n互联网", "互联网+行动，互联网+")
	f.Add("PPP\nTPP|CPTPP\n5G", "PPPoE CPTPP 5G+ 15G")
	f.Add("稳\n甲乙|乙丙丁", "\xa8\xb3稳\xe7\xa8甲乙丙丁")
	f.Add("新发展理念|!创新发展理念\n千万工程|!百千万工程|!十百千万工程", "创新发展理念、新发展理念、十百千万工程、千万工程")
	f.Add("网络|!5G网络\n乙|!甲乙|!乙丙", "15G网络5G网络甲乙丙乙")
	f.Add("六稳\n六保\n六稳六保|六稳、六保", "“六稳”、“六保”和“六稳”“六保”")
	f.Add("能耗双控\n碳中和|!碳达峰、碳中和", "能耗“双控”,碳达峰与碳中和\xe4“\xb8\x80'")
	f.Fuzz(func(t *testing.T, lex, text string) {
		var entries []Entry
		for i, line := range strings.Split(lex, "\n") {
			entries = append(entries, textEntry(line, "", "fuzz", i+1))
		}
		l, _, err := New(nil, entries)
		if err != nil {
			return
		}
		want := naiveFind(l, text)
		for _, v := range matcherVariants {
			if got := buildMatcher(l.Entries, v.budget, v.narrow).Find(text); !slices.Equal(got, want) {
				t.Fatalf("%s: Find(%q) = %+v, want %+v", v.name, text, got, want)
			}
		}
	})
}

func FuzzNormalize(f *testing.F) {
	f.Add("互联网＋ 行动\u200b")
	f.Add("\xff\u3000ｶ")
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("Normalize is not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
	})
}
