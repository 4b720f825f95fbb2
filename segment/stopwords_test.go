package segment

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tifa-project/tifa/lexicon"
)

func TestReadStopwords(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string
		wantErr     string // substring of the error; "" for none
	}{
		{"one word a line", "的\n了\n和\n", []string{"的", "了", "和"}, ""},
		{"comments and blank lines", "# particles\n\n的  \n  了 # aspect\n#和\n", []string{"的", "了"}, ""},
		{"CRLF line ends", "的\r\n了\r\n", []string{"的", "了"}, ""},
		{"full-width folded", "ＧＤＰ\n", []string{"GDP"}, ""},
		{"ideographic space trimmed", "\u3000的\u3000\n", []string{"的"}, ""},
		{"repeats are one word", "的\n的\n", []string{"的"}, ""},
		{"empty file", "", nil, ""},
		{"two words on a line", "的\n我们 要\n", nil, "stopwords list.txt:2: bad stopword line: want one word a line, got 2"},
		{"invalid UTF-8", "的\n了\n\xff\xfe\n", nil, "stopwords list.txt:3: bad stopword line: invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadStopwords("list.txt", strings.NewReader(tt.input))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, ErrStopword) {
					t.Fatalf("err = %v, want one containing %q and wrapping ErrStopword", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if words := slices.Sorted(maps.Keys(got)); !slices.Equal(words, slices.Sorted(slices.Values(tt.want))) {
				t.Errorf("got %q, want %q", words, tt.want)
			}
		})
	}
}

func TestReadStopwordsReadError(t *testing.T) {
	boom := errors.New("disk gone")
	_, err := ReadStopwords("list.txt", iotest.ErrReader(boom))
	if !errors.Is(err, boom) || errors.Is(err, ErrStopword) || !strings.HasPrefix(err.Error(), "stopwords list.txt: ") {
		t.Errorf("err = %v, want the read error wrapped as stopwords list.txt: …", err)
	}
}

func TestDefaultStopwords(t *testing.T) {
	stop := DefaultStopwords()
	if n := len(stop); n < 300 || n > 600 {
		t.Errorf("%d default stopwords, want 300–600", n)
	}
	// Function words and report filler that must be in the list …
	for _, w := range []string{"的", "了", "和", "与", "及", "等", "在", "是", "对", "把", "被", "将", "为", "以", "从",
		"我们", "进一步", "各位代表", "一是", "进行", "目前"} {
		if !stop[w] {
			t.Errorf("%q missing from the default stopwords", w)
		}
	}
	// … and policy words that must not be (see stopwords.txt).
	for _, w := range []string{"加强", "推进", "坚持", "全面", "深入", "积极", "大力", "切实", "发展", "改革",
		"建设", "工作", "经济", "社会", "政府", "人民", "创新", "保", "稳", "税", "粮"} {
		if stop[w] {
			t.Errorf("%q is a default stopword; policy words must stay", w)
		}
	}
	stop["发展"] = true
	if DefaultStopwords()["发展"] {
		t.Error("changing a returned set changed the default")
	}
}

// TestDefaultStopwordsFile checks the embedded file itself: no word twice,
// every word already normalised, none a form of a built-in slogan.
func TestDefaultStopwordsFile(t *testing.T) {
	seen := map[string]int{}
	for i, line := range strings.Split(defaultStopwordsText, "\n") {
		w, err := stopwordLine(line)
		if err != nil {
			t.Fatalf("stopwords.txt:%d: %v", i+1, err)
		}
		if w == "" {
			continue
		}
		if prev, ok := seen[w]; ok {
			t.Errorf("stopwords.txt:%d: %q repeats line %d", i+1, w, prev)
		}
		seen[w] = i + 1
		if strings.TrimSpace(strings.Split(line, "#")[0]) != w {
			t.Errorf("stopwords.txt:%d: %q is not normalised (want %q)", i+1, line, w)
		}
	}
	entries, err := lexicon.Default()
	if err != nil {
		t.Skipf("no built-in lexicon to compare with: %v", err)
	}
	for _, e := range entries {
		for _, f := range e.Forms() {
			if line, ok := seen[f]; ok {
				t.Errorf("stopwords.txt:%d: %q is a form of the built-in slogan %s", line, f, e.Slogan)
			}
		}
	}
}

func FuzzReadStopwords(f *testing.F) {
	for _, seed := range []string{"的\n了\n", "# c\n\n的 # x\n", "我们 要\n", "\xff\n", "ＧＤＰ\r\n", "\u200b\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		stop, err := ReadStopwords("fuzz.txt", strings.NewReader(input))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "stopwords fuzz.txt:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for w := range stop {
			if w == "" || strings.ContainsAny(w, "# \t\r\n") || lexicon.Normalize(w) != w {
				t.Fatalf("word %q: empty, holds a separator, or not normalised", w)
			}
		}
	})
}
