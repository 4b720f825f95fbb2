package segment

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/tifa-project/tifa/clean"
	"github.com/tifa-project/tifa/decode"
	"github.com/tifa-project/tifa/internal/testkit"

	"golang.org/x/text/width"

	"github.com/tifa-project/tifa/lexicon"
)

// newTestSegmenter returns a segmenter over lex with the default stopwords.
func newTestSegmenter(t testing.TB, lex *lexicon.Lexicon) *Segmenter {
	t.Helper()
	s, err := NewSegmenter(lex, DefaultStopwords())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// render writes a token stream as "word[start:end]", slogans as
// "slogan#entry[start:end]", separated by spaces.
func render(toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		if t.Entry >= 0 {
			parts[i] = fmt.Sprintf("%s#%d[%d:%d]", t.Text, t.Entry, t.Start, t.End)
		} else {
			parts[i] = fmt.Sprintf("%s[%d:%d]", t.Text, t.Start, t.End)
		}
	}
	return strings.Join(parts, " ")
}

// TestTokens compares whole token streams. Oracle: the ordinary words are
// gse v0.80.3's segmentation with its zh_s dictionary, checked by hand to
// be the natural reading; spans counted at 3 bytes a Chinese character.
func TestTokens(t *testing.T) {
	s := newTestSegmenter(t, testkit.SegLexicon(t))
	tests := []struct {
		name, text, want string
	}{
		// gse alone gives 稳/就业/六/稳/六/保/工作.
		{"slogan beats dictionary split", "稳就业六稳六保工作", "稳[0:3] 就业[3:9] 六稳六保#2[9:21] 工作[21:27]"},
		{"nested slogan alone", "做好六稳工作", "做好[0:6] 六稳#0[6:12] 工作[12:18]"},
		// gse alone gives 五/水/共/治.
		{"五水共治 one token", "推进五水共治", "推进[0:6] 五水共治#3[6:18]"},
		// 一次 is a stopword and 一 a numeral; neither touches the slogan.
		{"最多跑一次 one token", "深化最多跑一次改革", "深化[0:6] 最多跑一次#4[6:21] 改革[21:27]"},
		{"互联网+ keeps its symbol", "推进互联网+政务服务", "推进[0:6] 互联网+#5[6:16] 政务[16:22] 服务[22:28]"},
		{"slogan inside dictionary words", "实施乡村振兴战略", "实施[0:6] 乡村振兴#6[6:18] 战略[18:24]"},
		{"alias becomes canonical", "推进供给侧改革", "推进[0:6] 供给侧结构性改革#7[6:21]"},
		{"two slogans and a stopword", "推进五水共治和最多跑一次改革", "推进[0:6] 五水共治#3[6:18] 最多跑一次#4[21:36] 改革[36:42]"},
		{"one-character words kept", "减税降费", "减税[0:6] 降[6:9] 费[9:12]"},
		{"one-character verbs kept", "保就业保民生", "保[0:3] 就业[3:9] 保[9:12] 民生[12:18]"},
		{"punctuation and digits dropped", "2020年GDP增长7.5%，达到101.6万亿元。", "GDP[7:10] 增长[10:16] 达到[23:29]"},
		{"unit chain after a number", "增长0.5个百分点", "增长[0:6]"},
		{"unit after a range", "2021—2025年规划，3～5年", "规划[14:20]"},
		{"Chinese numerals and units dropped", "完成投资一千二百万元，四十五个项目", "完成[0:6] 投资[6:12] 项目[45:51]"},
		{"Chinese year dropped", "二〇二〇年", ""},
		{"ordinal dropped", "第一次", ""},
		{"percentage in words dropped", "百分之七点五", ""},
		{"five-year plan kept", "十四五时期", "十四五[0:9] 时期[9:15]"},
		{"one numeral and unit is a word", "建党百年", "建党[0:6] 百年[6:12]"},
		{"stopwords dropped", "我们要坚持稳中求进工作总基调", "坚持[9:15] 稳中求进[15:27] 工作[27:33] 基调[36:42]"},
		{"Latin case kept", "5G网络和PPP项目", "5G[0:2] 网络[2:8] PPP[11:14] 项目[14:20]"},
		{"full-width letters folded", "ＧＤＰ增长", "GDP[0:9] 增长[9:15]"},
		{"zero-width space removed", "疫情\u200b防控", "疫情[0:6] 防控[9:15]"},
		{"zero-width space inside a folded word", "ＰＰ\u200bＰ项目", "PPP[0:12] 项目[12:18]"},
		{"white space only", " \t\n\u3000", ""},
		{"empty", "", ""},
		{"invalid UTF-8 skipped", "\xff发展\xfe", "发展[1:7]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(s.Tokens(tt.text)); got != tt.want {
				t.Errorf("Tokens(%q)\n got: %s\nwant: %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestStopwordsNeverRemoveSlogans(t *testing.T) {
	lex := testkit.SegLexicon(t)
	s, err := NewSegmenter(lex, Stopwords{"六稳": true, "五水共治": true, "工作": true})
	if err != nil {
		t.Fatal(err)
	}
	got := render(s.Tokens("做好六稳工作，推进五水共治"))
	want := "做好[0:6] 六稳#0[6:12] 推进[21:27] 五水共治#3[27:39]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestNewSegmenterNormalisesStopwords(t *testing.T) {
	stop := Stopwords{"ＧＤＰ": true}
	s, err := NewSegmenter(nil, stop)
	if err != nil {
		t.Fatal(err)
	}
	stop["增长"] = true // the segmenter keeps its own copy
	if got, want := render(s.Tokens("GDP增长")), "增长[3:9]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := s.Stopwords(); !got["GDP"] || len(got) != 1 {
		t.Errorf("Stopwords() = %v, want map[GDP:true]", got)
	}
}

func TestAppendTokensKeepsDst(t *testing.T) {
	s := newTestSegmenter(t, testkit.SegLexicon(t))
	dst := []Token{{Text: "前", Start: 0, End: 3, Entry: -1}}
	got := s.AppendTokens(dst, "推进五水共治")
	if want := "前[0:3] 推进[0:6] 五水共治#3[6:18]"; render(got) != want {
		t.Errorf("got %s, want %s", render(got), want)
	}
}

// TestFoldNeverGrows checks, over every rune, what fold relies on to size
// its offset tables: width folding never lengthens a rune's UTF-8.
func TestFoldNeverGrows(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if f := width.LookupRune(r).Folded(); f != 0 && utf8.RuneLen(f) > utf8.RuneLen(r) {
			t.Errorf("%U folds to the longer %U", r, f)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"一百八十九", true}, {"十四点六", true}, {"三十多", true}, {"百分之三", true}, {"第一", true},
		{"第", true}, {"百分之", true}, {"四十五个", true}, {"二十亿元", true}, {"第一次", true},
		{"三", true}, {"两", true},
		{"百年", false}, {"一流", false}, {"两岸", false}, {"三农", false}, {"十九大", false},
		{"十四五", false}, {"十三五", false}, {"多元", false}, {"千方百计", false}, {"第三产业", false},
		{"发展", false}, {"点", false}, {"多", false},
	}
	for _, tt := range tests {
		if got := chineseNumber(tt.word); got != tt.want {
			t.Errorf("chineseNumber(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// checkTokens reports the first broken invariant of toks over text, or "":
// tokens in order and disjoint, inside text, with text; an ordinary token's
// text is the span as written unless the span needed folding; a slogan
// token's span is a form of its entry and its Text the canonical form.
func checkTokens(s *Segmenter, lex *lexicon.Lexicon, text string, toks []Token) string {
	end := 0
	for i, tk := range toks {
		switch {
		case tk.Start < end || tk.End <= tk.Start || tk.End > len(text):
			return fmt.Sprintf("token %d %s: span out of order or bounds (previous end %d, len %d)", i, render(toks[i:i+1]), end, len(text))
		case tk.Text == "":
			return fmt.Sprintf("token %d: empty text", i)
		case tk.Entry >= 0:
			j, ok := lex.Lookup(text[tk.Start:tk.End])
			if !ok || j != tk.Entry || tk.Text != lex.Entries[j].Slogan {
				return fmt.Sprintf("token %d %s: span %q is not a form of entry %d", i, render(toks[i:i+1]), text[tk.Start:tk.End], tk.Entry)
			}
		case tk.Entry != -1:
			return fmt.Sprintf("token %d: entry %d", i, tk.Entry)
		case !needsFold(text[tk.Start:tk.End]) && tk.Text != text[tk.Start:tk.End]:
			return fmt.Sprintf("token %d %s: text differs from span %q", i, render(toks[i:i+1]), text[tk.Start:tk.End])
		case s.stop[tk.Text]:
			return fmt.Sprintf("token %d %s: a stopword", i, render(toks[i:i+1]))
		case classify(tk.Text) != wordLetters:
			return fmt.Sprintf("token %d %s: no letter", i, render(toks[i:i+1]))
		}
		end = tk.End
	}
	return ""
}

// corpusSample returns up to limit bytes of the real national reports,
// cut at a line end, or "" when the corpus is absent.
func corpusSample(limit int) string {
	files, _ := filepath.Glob("/work/shared/corpus/national/*.txt")
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		b.Write(data)
		if b.Len() >= limit {
			break
		}
	}
	text := b.String()
	if len(text) > limit {
		text = text[:strings.LastIndexByte(text[:limit], '\n')+1]
	}
	return text
}

func TestTokensInvariantsOnReports(t *testing.T) {
	text := corpusSample(300_000)
	if text == "" {
		t.Skip("corpus /work/shared/corpus/national absent")
	}
	lex := testkit.SegLexicon(t)
	s := newTestSegmenter(t, lex)
	toks := s.Tokens(text)
	if msg := checkTokens(s, lex, text, toks); msg != "" {
		t.Fatal(msg)
	}
	// A report runs about 1 kept token to 4–6 characters (12–18 bytes).
	if n := len(toks); n < len(text)/25 || n > len(text)/6 {
		t.Errorf("%d tokens for %d bytes: outside 1 per 6–25 bytes", n, len(text))
	}
}

// TestSlogansAlwaysOneToken is a property test: in random texts built from
// lexicon forms and filler chosen to tempt gse across their boundaries,
// every mention the matcher finds that overlaps no other non-nested
// mention is a token with the same span and entry, and every slogan token
// is such a mention or another mention the matcher found.
func TestSlogansAlwaysOneToken(t *testing.T) {
	lexicons := map[string]*lexicon.Lexicon{"test": testkit.SegLexicon(t)}
	if entries, err := lexicon.Default(); err == nil {
		lex, _, err := lexicon.New(entries)
		if err != nil {
			t.Fatal(err)
		}
		lexicons["default"] = lex
	}
	filler := []string{"稳", "就业", "六", "保", "工作", "战略", "实施", "五", "水", "共", "治", "最多", "跑", "一次",
		"互联网", "+", "改革", "乡村", "振兴", "供给", "侧", "结构性", "，", "。", "2020年", " ", "和", "的", "加快", "建设"}
	for name, lex := range lexicons {
		t.Run(name, func(t *testing.T) {
			s := newTestSegmenter(t, lex)
			var forms []string
			for i := range lex.Entries {
				forms = append(forms, lex.Entries[i].Forms()...)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			for n := 0; n < 2000; n++ {
				var b strings.Builder
				for k := rng.IntN(12) + 1; k > 0; k-- {
					if rng.IntN(3) == 0 {
						b.WriteString(forms[rng.IntN(len(forms))])
					} else {
						b.WriteString(filler[rng.IntN(len(filler))])
					}
				}
				text := b.String()
				if msg := slogansWhole(s, lex, text); msg != "" {
					t.Fatalf("text %q: %s", text, msg)
				}
			}
		})
	}
}

// slogansWhole checks the property of TestSlogansAlwaysOneToken for one
// text, returning "" or what broke.
func slogansWhole(s *Segmenter, lex *lexicon.Lexicon, text string) string {
	toks := s.Tokens(text)
	if msg := checkTokens(s, lex, text, toks); msg != "" {
		return msg
	}
	ms := lex.Matcher().Find(text)
	type span struct{ entry, start, end int }
	tokens := map[span]bool{}
	for _, tk := range toks {
		if tk.Entry >= 0 {
			tokens[span{tk.Entry, tk.Start, tk.End}] = true
		}
	}
	found := map[span]bool{}
	for _, m := range ms {
		found[span{m.Entry, m.Start, m.End}] = true
	}
	for sp := range tokens {
		if !found[sp] {
			return fmt.Sprintf("slogan token %+v is no mention", sp)
		}
	}
	for _, m := range ms {
		if m.Nested {
			continue
		}
		alone := true
		for _, o := range ms {
			if o != m && !o.Nested && o.Start < m.End && m.Start < o.End {
				alone = false
			}
		}
		if alone && !tokens[span{m.Entry, m.Start, m.End}] {
			return fmt.Sprintf("mention %+v (%q) is not a token: %s", m, text[m.Start:m.End], render(toks))
		}
	}
	return ""
}

func TestTokensConcurrent(t *testing.T) {
	lex := testkit.SegLexicon(t)
	s := newTestSegmenter(t, lex)
	texts := []string{"稳就业六稳六保工作", "推进五水共治和最多跑一次改革", "ＧＤＰ增长7.5%", corpusSample(60_000)}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = render(s.Tokens(text))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(texts))
	for range 4 {
		wg.Go(func() {
			for i, text := range texts {
				if got := render(s.Tokens(text)); got != want[i] {
					errs <- fmt.Sprintf("text %d: concurrent tokens differ from sequential ones", i)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// segTexts returns texts for the parallel tests: synthetic ones, plus real
// reports when the corpus is present.
func segTexts() []string {
	texts := []string{"", "稳就业六稳六保工作", "推进五水共治", "我们要坚持稳中求进工作总基调", "5G网络和PPP项目"}
	files, _ := filepath.Glob("/work/shared/corpus/national/全国_20*.txt")
	for _, f := range files[:min(len(files), 6)] {
		if data, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(data[:min(len(data), 40_000)]))
		}
	}
	for i := range 30 {
		texts = append(texts, strings.Repeat("深化最多跑一次改革，", i%7+1))
	}
	return texts
}

func TestSegmentAll(t *testing.T) {
	s := newTestSegmenter(t, testkit.SegLexicon(t))
	texts := segTexts()
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = render(s.Tokens(text))
	}
	for _, workers := range []int{-1, 0, 1, 2, 3, 100} {
		got := segmentAll(s, texts, workers)
		if len(got) != len(texts) {
			t.Fatalf("workers %d: %d results for %d texts", workers, len(got), len(texts))
		}
		for i := range got {
			if render(got[i]) != want[i] {
				t.Errorf("workers %d: text %d differs from Tokens", workers, i)
			}
		}
	}
	if got := segmentAll(s, nil, 2); len(got) != 0 {
		t.Errorf("segmentAll(nil) = %v, want empty", got)
	}
}

// childEnv makes TestSegmenterChild run: it is the process that
// TestSegmenterOutsideSourceTree starts in an empty directory.
const childEnv = "TIFA_SEGMENTER_CHILD"

// TestSegmenterOutsideSourceTree runs the test binary again in an empty
// temporary directory, so the dictionary is loaded for the first time there:
// the load must not depend on the working directory or a relative path.
func TestSegmenterOutsideSourceTree(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process that loads the dictionary")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSegmenterChild$", "-test.v", "-test.count=1")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestSegmenterChild") {
		t.Fatalf("child in %s: %v\n%s", cmd.Dir, err, out)
	}
	for line := range strings.Lines(string(out)) {
		if _, msg, ok := strings.Cut(line, "child: "); ok {
			t.Log(strings.TrimSpace(msg))
		}
	}
}

// TestSegmenterChild is the child process of TestSegmenterOutsideSourceTree;
// it skips in a normal run.
func TestSegmenterChild(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("run by TestSegmenterOutsideSourceTree")
	}
	wd, _ := os.Getwd()
	if entries, _ := os.ReadDir(wd); len(entries) != 0 {
		t.Fatalf("working directory %s is not empty", wd)
	}
	start := time.Now()
	s, err := NewSegmenter(testkit.SegLexicon(t), DefaultStopwords())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("child: dictionary loaded in %v in %s", time.Since(start).Round(time.Millisecond), wd)
	got := render(s.Tokens("稳就业六稳六保工作，实施乡村振兴战略"))
	want := "稳[0:3] 就业[3:9] 六稳六保#2[9:21] 工作[21:27] 实施[30:36] 乡村振兴#6[36:48] 战略[48:54]"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func FuzzTokens(f *testing.F) {
	for _, seed := range []string{"稳就业六稳六保工作", "推进互联网+政务服务", "ＧＤＰ增长7.5%", "疫情\u200b防控", "\xff发展\xfe", "二〇二〇年第一次"} {
		f.Add(seed)
	}
	lex := testkit.SegLexicon(f)
	s := newTestSegmenter(f, lex)
	f.Fuzz(func(t *testing.T, text string) {
		if msg := slogansWhole(s, lex, text); msg != "" {
			t.Fatalf("text %q: %s", text, msg)
		}
	})
}

func ExampleSegmenter_Tokens() {
	lex, _, err := lexicon.New(nil, []lexicon.Entry{
		{Slogan: "六稳六保", Category: "economy"},
		{Slogan: "供给侧结构性改革", Aliases: []string{"供给侧改革"}, Category: "reform"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := NewSegmenter(lex, DefaultStopwords())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, tok := range s.Tokens("我们要做好六稳六保工作，深化供给侧改革。") {
		fmt.Printf("%s [%d:%d] entry %d\n", tok.Text, tok.Start, tok.End, tok.Entry)
	}
	// Output:
	// 做好 [9:15] entry -1
	// 六稳六保 [15:27] entry 0
	// 工作 [27:33] entry -1
	// 深化 [36:42] entry -1
	// 供给侧结构性改革 [42:57] entry 1
}

// BenchmarkNewSegmenter measures a cold load of the dictionary, the cost
// of the first NewSegmenter in a process.
func BenchmarkNewSegmenter(b *testing.B) {
	for b.Loop() {
		d, err := loadSegDict()
		if err != nil || d.words < minDictWords {
			b.Fatalf("load: %v", err)
		}
	}
}

// benchText returns about 1 MB of real report text, or skips.
func benchText(b *testing.B) string {
	text := corpusSample(1 << 20)
	if text == "" {
		b.Skip("corpus /work/shared/corpus/national absent")
	}
	return text
}

func BenchmarkTokens(b *testing.B) {
	text := benchText(b)
	s := newTestSegmenter(b, testkit.SegLexicon(b))
	want := len(s.Tokens(text))
	b.SetBytes(int64(len(text)))
	var dst []Token
	for b.Loop() {
		dst = s.AppendTokens(dst[:0], text)
		if len(dst) != want {
			b.Fatalf("%d tokens, want %d", len(dst), want)
		}
	}
}

// BenchmarkSegmentAll segments the same megabyte cut into report-sized
// texts with 1 and 2 workers.
func BenchmarkSegmentAll(b *testing.B) {
	text := benchText(b)
	var texts []string
	for len(text) > 0 {
		cut := len(text)
		if i := strings.IndexByte(text[min(cut, 40_000):], '\n'); i >= 0 {
			cut = min(cut, 40_000) + i + 1
		}
		texts, text = append(texts, text[:cut]), text[cut:]
	}
	s := newTestSegmenter(b, testkit.SegLexicon(b))
	want, size := 0, 0
	for _, t := range texts {
		want += len(s.Tokens(t))
		size += len(t)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				got := 0
				for _, toks := range segmentAll(s, texts, workers) {
					got += len(toks)
				}
				if got != want {
					b.Fatalf("%d tokens, want %d", got, want)
				}
			}
		})
	}
}

// TestIsHanIsLetter guards classify's fast path: every rune isHan accepts
// is a letter, and isHan accepts exactly U+4E00..U+9FFF.
func TestIsHanIsLetter(t *testing.T) {
	for r := rune(0x4DF0); r <= 0xA010; r++ {
		want := r >= 0x4E00 && r <= 0x9FFF
		if got := isHan(string(r) + "x"); got != want {
			t.Errorf("isHan(%U) = %v, want %v", r, got, want)
		}
		if want && (!unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsSpace(r)) {
			t.Errorf("%U is not a plain letter", r)
		}
	}
	for _, s := range []string{"", "a", "中"[:2], "\xe4\x38\x80", "〇", "ＧＤＰ"} {
		if isHan(s) {
			t.Errorf("isHan(%q) = true", s)
		}
	}
}

func TestRuneSet(t *testing.T) {
	set := newRuneSet(numerals)
	for r := rune(-1); r < 0x10010; r++ {
		if got, want := set.has(r), strings.ContainsRune(numerals, r); got != want {
			t.Errorf("has(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestIsFormat(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isFormat(r), unicode.Is(unicode.Cf, r); got != want {
			t.Fatalf("isFormat(%U) = %v, want %v", r, got, want)
		}
	}
}

// BenchmarkSegmentWords measures segmentation with the built-in lexicon on
// one goroutine, over cleaned national reports.
func BenchmarkSegmentWords(b *testing.B) {
	raws := testkit.CorpusFiles(b, "national")
	builtin, _ := lexicon.Default()
	lex, _, _ := lexicon.New(builtin)
	seg, err := NewSegmenter(lex, DefaultStopwords())
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var size int64
	for _, raw := range raws[len(raws)-10:] {
		text, _, _ := decode.Decode(raw)
		texts = append(texts, clean.Clean(text))
		size += int64(len(texts[len(texts)-1]))
	}
	b.SetBytes(size)
	for b.Loop() {
		n := 0
		for _, t := range texts {
			n += len(seg.Tokens(t))
		}
		if n < 10000 {
			b.Fatalf("only %d tokens", n)
		}
	}
}
