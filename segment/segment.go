package segment

import (
	"fmt"
	"maps"
	"math"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/tifa-project/tifa/lexicon"
)

// Token is one word of a text. Start and End are byte offsets into the text
// (text[Start:End] is the word as written). Entry is the index into the
// lexicon's Entries when the token is a slogan, -1 for an ordinary word.
//
// Text is the word as counted: for a slogan its entry's canonical form
// (the alias 供给侧改革 yields 供给侧结构性改革); for an ordinary word
// text[Start:End], a substring sharing the text's memory, except that
// full-width letters and digits are folded (“ＧＤＰ” → “GDP”) and format
// characters (zero-width space …) removed. Letter case is kept.
type Token struct {
	Text       string
	Start, End int
	Entry      int
}

// Segmenter cuts Chinese text into words. Slogans of its lexicon always
// come out as single tokens; the text between them is segmented on gse's
// simplified-Chinese dictionary (maximum-probability path, no HMM), giving
// exactly gse's Segment (see segDict). Build it with NewSegmenter; it is
// safe for concurrent use.
type Segmenter struct {
	dict    *segDict // shared by every Segmenter of the process, read-only
	lex     *lexicon.Lexicon
	matcher *lexicon.Matcher // nil without a lexicon
	stop    Stopwords
}

// minDictWords guards against a damaged dictionary: gse's s_1.txt holds
// about 350,000 words.
const minDictWords = 100_000

// loadDict loads the dictionary once per process. It never touches the
// file system: the dictionary is embedded (segdict.gz).
var loadDict = sync.OnceValues(func() (*segDict, error) {
	d, err := loadSegDict()
	if err != nil {
		return nil, err
	}
	if d.words < minDictWords {
		return nil, fmt.Errorf("segmenter dictionary holds %d words, want at least %d", d.words, minDictWords)
	}
	return d, nil
})

// PreloadDictionary starts loading the dictionary in the background and
// returns at once, so a command can read its reports meanwhile; the next
// NewSegmenter waits for the load to finish instead of starting it.
func PreloadDictionary() {
	go func() { _, _ = loadDict() }()
}

// NewSegmenter returns a segmenter that keeps every form of lex's entries
// whole and leaves out the words in stop (lexicon tokens are never left
// out). lex may be nil (no slogans) and stop nil (no stopwords); stop is
// copied, its words width-folded with lexicon.Normalize.
//
// The first call in a process loads the dictionary (about 0.05 s and 10 MB
// of memory); later calls share it and return at once. The lexicon's forms
// are not added to the dictionary: the matcher finds them first and only
// the text between them is segmented (see AppendTokens).
func NewSegmenter(lex *lexicon.Lexicon, stop Stopwords) (*Segmenter, error) {
	dict, err := loadDict()
	if err != nil {
		return nil, fmt.Errorf("segmenter: %w", err)
	}
	s := &Segmenter{dict: dict, lex: lex, stop: make(Stopwords, len(stop))}
	for w := range stop {
		s.stop[lexicon.Normalize(w)] = true
	}
	if lex != nil && len(lex.Entries) > 0 {
		s.matcher = lex.Matcher()
	}
	return s, nil
}

// Stopwords returns a copy of the segmenter's stopwords.
func (s *Segmenter) Stopwords() Stopwords { return maps.Clone(s.stop) }

// Tokens returns the words of text in order; see AppendTokens.
func (s *Segmenter) Tokens(text string) []Token {
	return s.AppendTokens(nil, text)
}

// AppendTokens appends the words of text to dst, in order, and returns the
// extended slice.
//
// Slogans first: of the lexicon mentions in text (lexicon.Matcher.Find),
// the leftmost-longest ones that do not overlap become tokens — scanning
// left to right, a mention is kept when it starts at or after the end of
// the last kept one, and of those starting together the longest wins. So
// every mention that overlaps no other non-nested mention is a token with
// its exact span, even where gse's dictionary would cut across it:
// 稳就业六稳六保工作 gives 稳/就业/六稳六保/工作, where gse alone cuts
// 六/稳/六/保. A slogan nested in a longer one (六稳 in 六稳六保) is no
// token of its own, and of two overlapping slogans the one starting first
// wins. Only the text between kept mentions is segmented, line by line.
//
// Then ordinary words are filtered; a word is dropped when it is
//   - white space, punctuation or symbols (no letter in it);
//   - a number: digits with or without . and % (2020, 7.5%), or Chinese
//     numerals (一百八十九, 十四点六, 百分之三, 第一), or two or more
//     numerals and a unit (四十五个, 二十亿元, 第三次) — except the
//     five-year-plan names 十一五 … 十五五, which are words;
//   - a unit right after a number (年 in 2020年, 万元 in 1000万元, 个 and
//     百分点 in 0.5个百分点);
//   - a stopword.
//
// One-character words are kept (政, 税, 粮) unless they are stopwords.
func (s *Segmenter) AppendTokens(dst []Token, text string) []Token {
	var kept []lexicon.Mention
	if s.matcher != nil {
		kept = cover(s.matcher.Find(text))
	}
	lt := lattices.Get().(*lattice)
	defer lattices.Put(lt)
	w := wordAppender{s: s, lt: lt, f: wordFilter{stop: s.stop}}
	from := 0
	for _, m := range kept {
		dst = w.appendWords(dst, text, from, m.Start)
		dst = append(dst, Token{Text: s.lex.Entries[m.Entry].Slogan, Start: m.Start, End: m.End, Entry: m.Entry})
		from = m.End
	}
	return w.appendWords(dst, text, from, len(text))
}

// cover keeps, in place, the leftmost-longest mentions of ms that do not
// overlap each other. ms must be sorted by Start ascending, then End
// descending, as the matcher returns them.
func cover(ms []lexicon.Mention) []lexicon.Mention {
	w, end := 0, 0
	for _, m := range ms {
		if m.Start >= end {
			ms[w] = m
			w++
			end = m.End
		}
	}
	return ms[:w]
}

// wordAppender segments the text between slogans and filters its words.
type wordAppender struct {
	s  *Segmenter
	lt *lattice
	f  wordFilter
}

// appendWords segments text[from:to], which holds no kept slogan, and
// appends the words that pass the filter. Each line is segmented on its
// own, as gse would be given it: no word spans a line break.
func (w *wordAppender) appendWords(dst []Token, text string, from, to int) []Token {
	w.f.afterNumber = false
	for from < to {
		end := to
		if i := strings.IndexByte(text[from:to], '\n'); i >= 0 {
			end = from + i + 1
		}
		dst = w.appendLine(dst, text[from:end], from)
		from = end
	}
	return dst
}

// appendLine segments line, found at offset from of the text, and appends
// the words the filter keeps.
func (w *wordAppender) appendLine(dst []Token, line string, from int) []Token {
	if len(line) >= math.MaxInt32 {
		return dst // beyond the lattice's offsets; no report line is 2 GB long
	}
	if needsFold(line) {
		return w.appendFolded(dst, line, from)
	}
	spans := w.s.dict.segment(w.lt, line)
	for k := 0; k < len(spans); k += 2 {
		a, b := int(spans[k]), int(spans[k+1])
		if word := line[a:b]; w.f.keep(word) {
			dst = append(dst, Token{Text: word, Start: from + a, End: from + b, Entry: -1})
		}
	}
	return dst
}

// appendFolded is appendLine for a line with full-width letters or digits
// or format characters: a folded copy is segmented (so “ＧＤＰ” is one word,
// and “乡村\u200b振兴” two words, not three), and each word's span is mapped
// back to the original bytes.
func (w *wordAppender) appendFolded(dst []Token, line string, from int) []Token {
	fg := fold(line)
	text := string(fg.text) // one copy: the words are substrings of it
	spans := w.s.dict.segment(w.lt, text)
	for k := 0; k < len(spans); k += 2 {
		a, b := int(spans[k]), int(spans[k+1])
		if word := text[a:b]; w.f.keep(word) {
			dst = append(dst, Token{Text: word, Start: from + int(fg.start[a]), End: from + int(fg.end[b]), Entry: -1})
		}
	}
	return dst
}

// needsFold reports whether gap holds a full-width Latin letter or digit or
// a format character (Unicode Cf: zero-width space, joiners, BOM, soft
// hyphen). Full-width punctuation (，：？) needs no folding: it is dropped
// either way.
func needsFold(gap string) bool {
	for i := 0; i < len(gap); {
		if gap[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(gap[i:])
		i += size
		switch {
		case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs: the common case
		case isFullWidthAlnum(r), isFormat(r):
			return true
		}
	}
	return false
}

// isFullWidthAlnum reports whether r is a full-width Latin letter or digit
// (Ａ, ｚ, ０): the only runes fold folds. Other runes width.Fold maps
// (half-width katakana and Hangul, full-width punctuation) are kept as
// written, so that a word reads the same whether its line was folded or
// not (FuzzTokens found ￕ turned into ㅞ beside a format character).
func isFullWidthAlnum(r rune) bool {
	return r >= 0xFF10 && r <= 0xFF19 || r >= 0xFF21 && r <= 0xFF3A || r >= 0xFF41 && r <= 0xFF5A
}

// foldedGap is a gap width-folded, with the way back to the original bytes.
// For a byte offset i of text where a rune starts, start[i] is the offset
// in the gap where the rune it came from starts; for an offset e where a
// rune ends, end[e] is where the rune it came from ends.
type foldedGap struct {
	text       []byte
	start, end []int32
}

// fold returns gap with its full-width letters and digits width-folded
// (width.Fold, rune by rune; see isFullWidthAlnum) and format characters
// removed. Invalid bytes are kept as they are. Folding never
// lengthens a rune (TestFoldNeverGrows), so the result fits the tables.
func fold(gap string) foldedGap {
	fg := foldedGap{
		text:  make([]byte, 0, len(gap)),
		start: make([]int32, len(gap)+1),
		end:   make([]int32, len(gap)+1),
	}
	for i := 0; i < len(gap); {
		r, size := utf8.DecodeRuneInString(gap[i:])
		at := len(fg.text)
		switch {
		case r == utf8.RuneError && size == 1:
			fg.text = append(fg.text, gap[i])
		case isFormat(r):
			i += size
			continue
		default:
			if isFullWidthAlnum(r) {
				r = width.LookupRune(r).Folded()
			}
			fg.text = utf8.AppendRune(fg.text, r)
		}
		fg.start[at] = int32(i)
		i += size
		fg.end[len(fg.text)] = int32(i)
	}
	return fg
}

// wordFilter decides, word by word in text order, which ordinary words
// become tokens. It remembers whether the previous word was a number, so
// that the unit after it is dropped too.
type wordFilter struct {
	stop        Stopwords
	afterNumber bool
}

// keep reports whether word becomes a token; see AppendTokens for the
// rules.
func (f *wordFilter) keep(word string) bool {
	switch classify(word) {
	case wordSpace, wordNumberPunct:
		return false // "2020 年", "7.5%", "2021—2025年": the number goes on
	case wordNumber:
		f.afterNumber = true
		return false
	case wordPunct:
		f.afterNumber = false
		return false
	}
	if f.afterNumber && units[word] {
		return false
	}
	if chineseNumber(word) {
		f.afterNumber = true
		return false
	}
	f.afterNumber = false
	return !f.stop[word]
}

// numberPunct are the marks that go with numbers: decimal point, percent
// and per mille, and the dashes, tildes and slashes of ranges and dates
// (2021—2025年, 3～5年, 2024/25).
const numberPunct = ".%‰．％-—–~～/／"

// wordKind is what classify finds a gse word to be.
type wordKind int

const (
	wordLetters     wordKind = iota // has a letter: Chinese, Latin, …
	wordSpace                       // white space only
	wordNumber                      // digits, maybe with numberPunct
	wordNumberPunct                 // only numberPunct (between or after digits)
	wordPunct                       // any other punctuation or symbol
)

// classify sorts a word by the runes in it: any letter makes it wordLetters.
func classify(word string) wordKind {
	if isHan(word) {
		return wordLetters // the common case
	}
	digit, space, numPunct, other := false, false, false, false
	for _, r := range word {
		switch {
		case unicode.IsLetter(r):
			return wordLetters
		case unicode.IsNumber(r):
			digit = true
		case unicode.IsSpace(r):
			space = true
		case numberPunctSet.has(r):
			numPunct = true
		default:
			other = true
		}
	}
	switch {
	case other:
		return wordPunct
	case digit:
		return wordNumber
	case numPunct:
		return wordNumberPunct
	case space:
		return wordSpace
	}
	return wordPunct // empty: never produced by gse
}

// chineseNumber reports whether word is a number written in Chinese
// numerals, after an optional 第 or 百分之: numerals only (一百八十九,
// 十四点六, 三十多, 第一, 百分之三), or numerals and a unit — two or more
// numerals (四十五个, 二十亿元), or one after 第 (第一次, 第三年). One
// numeral and a unit stays a word (百年, 一线), and so do the five-year
// plans 十一五 … 十五五.
func chineseNumber(word string) bool {
	if first, _ := utf8.DecodeRuneInString(word); !numeralSet.has(first) && first != '第' {
		return false // the common case; 百分之 starts with a numeral
	}
	if planPeriods[word] {
		return false
	}
	minUnit := 2 // numerals needed before a unit
	for _, p := range []string{"第", "百分之"} {
		if rest, ok := strings.CutPrefix(word, p); ok {
			if rest == "" {
				return true
			}
			word, minUnit = rest, 1
			break
		}
	}
	n, rest := 0, word
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		if !numeralSet.has(r) && (n == 0 || !approxSet.has(r)) {
			break
		}
		n++
		rest = rest[size:]
	}
	switch {
	case n == 0:
		return false
	case rest == "":
		return true
	}
	return n >= minUnit && units[rest]
}

// numerals are the Chinese digits and powers of ten, everyday and formal.
const numerals = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟"

// Rune sets of the filter: numerals, the marks of approximate or decimal
// numbers after a numeral, and numberPunct.
var (
	numeralSet     = newRuneSet(numerals)
	approxSet      = newRuneSet("点多余几")
	numberPunctSet = newRuneSet(numberPunct)
)

// runeSet is a set of runes of the Basic Multilingual Plane, one bit each.
type runeSet [0x10000 / 64]uint64

func newRuneSet(runes string) *runeSet {
	var s runeSet
	for _, r := range runes {
		if r >= 0x10000 {
			panic("segment: runeSet holds the Basic Multilingual Plane only")
		}
		s[r/64] |= 1 << (r % 64)
	}
	return &s
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0
}

// formatSet holds the format characters (Unicode Cf) of the Basic
// Multilingual Plane.
var formatSet = func() *runeSet {
	var s runeSet
	for _, rg := range unicode.Cf.R16 {
		for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
			s[r/64] |= 1 << (r % 64)
		}
	}
	return &s
}()

// isFormat reports whether r is a format character (Unicode Cf).
func isFormat(r rune) bool {
	if r < 0x10000 {
		return formatSet.has(r)
	}
	return unicode.Is(unicode.Cf, r)
}

// isHan reports whether word starts with a CJK unified ideograph
// U+4E00..U+9FFF, every one of which is a letter (TestIsHanIsLetter).
func isHan[T string | []byte](word T) bool {
	if len(word) < 3 || word[0]&0xF0 != 0xE0 {
		return false
	}
	r := rune(word[0]&0x0F)<<12 | rune(word[1]&0x3F)<<6 | rune(word[2]&0x3F)
	return r >= 0x4E00 && r <= 0x9FFF && word[1]&0xC0 == 0x80 && word[2]&0xC0 == 0x80
}

// planPeriods are the five-year plans named by number, kept as words.
var planPeriods = map[string]bool{"十一五": true, "十二五": true, "十三五": true, "十四五": true, "十五五": true}

// units are the measure words and units dropped right after a number, and
// allowed after two or more Chinese numerals in chineseNumber.
var units = setOf(`年 年来 年间 来 月 日 号 时 天 周 岁 个 元 角 人 次 项 家 户 名 位 倍 条 所 座 种 批 期
届 件 套 台 辆 艘 架 只 头 篇 部 本 成 度 万 亿 千 百 余 多 余个 多个 余万 多万 左右 以上 以下
万亿 万元 亿元 万亿元 千元 美元 万美元 亿美元 万人 亿人 人次 万人次 万户 万个 万家 万名 亩 万亩 公顷 万公顷
吨 万吨 亿吨 公斤 千克 公里 平方公里 千米 米 平方米 万平方米 立方米 亿立方米 千瓦 万千瓦
亿千瓦 千瓦时 亿千瓦时 百分点 个百分点`)

// setOf returns the set of white-space separated words in list.
func setOf(list string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// segmentAll segments every text with s, using workers goroutines (the
// number of CPUs when workers < 1), and returns the tokens of texts[i] at
// index i: the result never depends on scheduling.
func segmentAll(s *Segmenter, texts []string, workers int) [][]Token {
	out := make([][]Token, len(texts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workerCount(workers, len(texts)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(texts); i = int(next.Add(1) - 1) {
				out[i] = s.Tokens(texts[i])
			}
		})
	}
	wg.Wait()
	return out
}

// workerCount returns how many goroutines to use for n texts.
func workerCount(workers, n int) int {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(1, min(workers, n))
}
