package lexicon

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// benchText returns 1 MiB of normalised report text: the latest national
// reports of /work/shared/corpus concatenated when present, else synthetic
// text.
func benchText(b *testing.B) string {
	const size = 1 << 20
	var sb strings.Builder
	files, _ := filepath.Glob("/work/shared/corpus/national/*.txt")
	slices.Sort(files)
	slices.Reverse(files) // the recent reports, where the slogans are
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.WriteString(Normalize(string(data)))
		if sb.Len() >= size {
			break
		}
	}
	if sb.Len() < size {
		b.Log("corpus not found: synthetic text")
		sb.Reset()
		r := rand.New(rand.NewPCG(5, 6))
		han := []rune("我们要坚持稳中求进工作总基调全面推进乡村振兴做好六稳六保工作深化改革开放加快建设现代化经济体系，。、")
		for sb.Len() < size {
			sb.WriteRune(han[r.IntN(len(han))])
		}
	}
	text := sb.String()[:size]
	for !utf8.RuneStart(text[len(text)-1]) || !utf8.ValidString(text[len(text)-4:]) {
		text = text[:len(text)-1]
	}
	return text
}

// builtinLexicon returns the built-in lexicon.
func builtinLexicon(t testing.TB) *Lexicon {
	t.Helper()
	builtin, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := New(builtin)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// syntheticLexicon returns 400 entries with 1,000 forms (1 to 4 each) of
// 2–6 characters cut from text, so they do occur, often.
func syntheticLexicon(b *testing.B, text string) *Lexicon {
	runes := []rune(text)
	r := rand.New(rand.NewPCG(7, 8))
	seen := map[string]bool{}
	var entries []Entry
	for len(entries) < 400 {
		var forms []string
		for len(forms) < 1+len(entries)%4 { // 1..4 forms: 1,000 in all
			p := r.IntN(len(runes) - 6)
			f := string(runes[p : p+2+r.IntN(5)])
			if !seen[f] && !strings.ContainsAny(f, ",.、:;()“”") {
				seen[f] = true
				forms = append(forms, f)
			}
		}
		entries = append(entries, Entry{Slogan: forms[0], Aliases: forms[1:], Category: "user"})
	}
	l, _, err := New(nil, entries)
	if err != nil {
		b.Fatal(err)
	}
	return l
}

// excludeAround gives every entry of l an exclusion: its canonical form
// with the characters before and after its first occurrence in text, so
// many occurrences are excluded.
func excludeAround(b *testing.B, l *Lexicon, text string) *Lexicon {
	entries := cloneEntries(l.Entries)
	for i := range entries {
		e := &entries[i]
		p := strings.Index(text, e.Slogan)
		if p < 0 {
			b.Fatalf("%s not in the text", e.Slogan)
		}
		_, before := utf8.DecodeLastRuneInString(text[:p])
		_, after := utf8.DecodeRuneInString(text[p+len(e.Slogan):])
		e.Exclude = []string{text[p-before : p+len(e.Slogan)+after]}
	}
	x, _, err := New(nil, entries)
	if err != nil {
		b.Fatal(err)
	}
	return x
}

// BenchmarkFind measures matching on 1 MiB of report text with the
// built-in lexicon, with a synthetic one of 1,000 forms, with that one
// again without dense rows (the fallback for huge lexicons), and with it
// plus one exclusion an entry. The number of mentions must equal the naive
// oracle's.
func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	builtin := builtinLexicon(b)
	synthetic := syntheticLexicon(b, text)
	cases := []struct {
		name   string
		l      *Lexicon
		budget int
	}{
		{"builtin", builtin, denseBudget},
		{"synthetic1000", synthetic, denseBudget},
		{"synthetic1000-sparse", synthetic, 0},
		{"synthetic1000-exclude", excludeAround(b, synthetic, text), denseBudget},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			m := buildMatcher(tc.l.Entries, tc.budget, true)
			want := len(naiveFind(tc.l, text))
			nforms, nexcl := 0, 0
			for i := range tc.l.Entries {
				nforms += len(tc.l.Entries[i].Forms())
				nexcl += len(tc.l.Entries[i].Exclude)
			}
			b.Logf("%d entries, %d forms, %d exclusions, %d states (%d dense, %d columns), %d mentions",
				len(tc.l.Entries), nforms, nexcl, len(m.out), m.ndense, m.ncls, want)
			var buf []Mention
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				buf = m.AppendFind(buf[:0], text)
				if len(buf) != want {
					b.Fatalf("Find: %d mentions, want %d", len(buf), want)
				}
			}
		})
	}
}

// BenchmarkMatcher measures building the automaton of the built-in lexicon.
func BenchmarkMatcher(b *testing.B) {
	l := builtinLexicon(b)
	for b.Loop() {
		if m := newMatcher(l.Entries); len(m.patEntry) == 0 {
			b.Fatal("no patterns")
		}
	}
}
