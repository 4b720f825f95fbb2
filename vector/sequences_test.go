package vector

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/segment"
)

// seqDocs are documents whose sentences and paragraphs are known: a is
// three sentences in two paragraphs, b one paragraph, c has no token.
func seqDocs() []*reports.Document {
	return []*reports.Document{
		testkit.Doc("a", 2020, "", "推进乡村振兴。建设五水共治！\n推进六稳六保工作", ""),
		testkit.Doc("b", 2021, "", "乡村振兴乡村振兴", ""),
		testkit.Doc("c", 2022, "", "。。。", ""),
	}
}

// words returns the terms of doc i of s, sentences cut by "|" and
// paragraphs by "‖".
func words(s *Sequences, i int) string {
	var b strings.Builder
	si, pi := 0, 0
	for k, t := range s.Docs[i] {
		b.WriteString(s.Terms[t])
		switch {
		case pi < len(s.Paragraphs[i]) && s.Paragraphs[i][pi] == int32(k+1):
			b.WriteString("‖")
			pi++
			si++
		case si < len(s.Sentences[i]) && s.Sentences[i][si] == int32(k+1):
			b.WriteString("|")
			si++
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

// sequencesOf reads seqDocs into sequences of space, over lex.
func sequencesOf(t *testing.T, lex *lexicon.Lexicon, space string) *Sequences {
	t.Helper()
	seg, err := segment.NewSegmenter(lex, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVectorizer(space, lex, seg, reports.PartAll)
	if err != nil {
		t.Fatal(err)
	}
	s, err := v.Sequences(eachOf(seqDocs()))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSequencesWords(t *testing.T) {
	lex := testkit.SegLexicon(t)
	seg, err := segment.NewSegmenter(lex, nil)
	if err != nil {
		t.Fatal(err)
	}
	var all []*Sequences
	for _, workers := range []int{1, 3} {
		v, err := NewVectorizer(SpaceWords, lex, seg, reports.PartAll)
		if err != nil {
			t.Fatal(err)
		}
		v.Workers = workers
		s, err := v.Sequences(eachOf(seqDocs()))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, s)
	}
	if !reflect.DeepEqual(all[0], all[1]) {
		t.Fatal("1 and 3 workers give different sequences")
	}
	s := all[0]
	// Oracle: the segmenter's tokens of each text, cut by hand at 。！ and
	// the line break.
	for i, want := range []string{"推进 乡村振兴|建设 五水共治‖推进 六稳六保 工作‖", "乡村振兴 乡村振兴‖", ""} {
		if got := words(s, i); got != want {
			t.Errorf("doc %d: %q, want %q", i, got, want)
		}
	}
	if id := s.ID("五水共治"); id < 0 || s.Terms[id] != "五水共治" || s.ID("不在") != -1 {
		t.Errorf("ID: 五水共治 %d, 不在 %d", id, s.ID("不在"))
	}
	if !slices.IsSorted(s.Terms) {
		t.Errorf("terms not sorted: %v", s.Terms)
	}
	for id, term := range s.Terms {
		if (s.Entries[id] >= 0) != (term == "乡村振兴" || term == "五水共治" || term == "六稳六保") {
			t.Errorf("term %s: entry %d", term, s.Entries[id])
		}
	}
	if !reflect.DeepEqual(s.Empty, []string{"c"}) {
		t.Errorf("Empty = %v, want [c]", s.Empty)
	}
	for _, c := range []struct {
		kind string
		want int
	}{{WindowSentence, 4}, {WindowParagraph, 3}, {WindowDocument, 2}} {
		w, err := s.Windows(c.kind)
		if err != nil || len(w) != c.want {
			t.Errorf("%s windows: %d (%v), want %d", c.kind, len(w), err, c.want)
		}
	}
	if _, err := s.Windows("page"); err == nil {
		t.Error("unknown window kind: no error")
	}

	tokens, docs := s.Freq()
	id := slices.Index(s.Terms, "乡村振兴")
	if tokens[id] != 3 || docs[id] != 2 {
		t.Errorf("乡村振兴: %d tokens in %d documents, want 3 in 2", tokens[id], docs[id])
	}
	// Keep only the terms in two documents: 乡村振兴 alone; a's sentences
	// without it vanish.
	k, err := s.Trim(Trim{MinDF: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := []string{words(k, 0), words(k, 1)}; !reflect.DeepEqual(got, []string{"乡村振兴‖", "乡村振兴 乡村振兴‖"}) {
		t.Errorf("trimmed: %q", got)
	}
	// Cap at 2 terms: the most documents win (乡村振兴), then the most
	// tokens (推进).
	k, err = s.Trim(Trim{MaxTerms: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(k.Terms, []string{"乡村振兴", "推进"}) {
		t.Errorf("capped: %v", k.Terms)
	}
	// Slogans stay however common; the cap counts words only.
	k, err = s.Trim(Trim{MaxDF: 1, MaxTerms: 1, Slogans: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(k.Terms, []string{"乡村振兴", "五水共治", "六稳六保", "推进"}) {
		t.Errorf("slogans kept: %v", k.Terms)
	}
	if _, err := s.Trim(Trim{MinDF: 3}); !errors.Is(err, ErrEmptyVocabulary) {
		t.Errorf("nothing left: %v, want ErrEmptyVocabulary", err)
	}
}

func TestSequencesSlogans(t *testing.T) {
	lex := testkit.SegLexicon(t)
	s := sequencesOf(t, lex, SpaceSlogans)
	if len(s.Terms) != len(lex.Entries) || s.Entries[3] != 3 {
		t.Fatalf("terms %v entries %v: want the lexicon's entries", s.Terms, s.Entries)
	}
	if s.ID("五水共治") != 3 || s.ID("推进") != -1 {
		t.Errorf("ID: 五水共治 %d (want its entry, 3), 推进 %d", s.ID("五水共治"), s.ID("推进"))
	}
	if got := words(s, 0); got != "乡村振兴|五水共治‖六稳六保‖" {
		t.Errorf("slogans of a: %q", got)
	}
	if v, _ := NewVectorizer(SpaceSlogans, lex, nil, reports.PartAll); v != nil {
		if _, err := v.Sequences(eachOf(seqDocs())); err == nil {
			t.Error("no segmenter: no error")
		}
	}
}

func TestMatrixTrim(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"乡村振兴"}, []string{"美丽乡村"}, []string{"五水共治"}, []string{"最多跑一次"})
	v, err := NewVectorizer(SpaceSlogans, lex, nil, reports.PartAll)
	if err != nil {
		t.Fatal(err)
	}
	m, err := v.Build(eachOf(sampleDocs()))
	if err != nil {
		t.Fatal(err)
	}
	// Oracle: sampleDocs by hand. df: 乡村振兴 2, 美丽乡村 1, 五水共治 2,
	// 最多跑一次 1; tokens 3, 1, 3, 1.
	tm, err := m.Trim(Trim{MinDF: 2})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tm.Terms, []string{"乡村振兴", "五水共治"}) || !reflect.DeepEqual(tm.Entries, []int{0, 2}) {
		t.Errorf("terms %v entries %v", tm.Terms, tm.Entries)
	}
	if !reflect.DeepEqual(tm.Counts.Dense(), [][]float64{{2, 0}, {1, 1}, {0, 2}, {0, 0}}) {
		t.Errorf("counts %v", tm.Counts.Dense())
	}
	if !reflect.DeepEqual(tm.Empty, []string{"d"}) {
		t.Errorf("Empty = %v", tm.Empty)
	}
	dm := tm.DropEmpty()
	if len(dm.Units) != 3 || dm.Units[2].ID != "c" || !reflect.DeepEqual(dm.Counts.Dense(), [][]float64{{2, 0}, {1, 1}, {0, 2}}) || dm.Empty != nil {
		t.Errorf("DropEmpty: units %v counts %v", dm.Units, dm.Counts.Dense())
	}
}

func TestSequencesCategories(t *testing.T) {
	lex := testkit.SegLexicon(t)
	s := sequencesOf(t, lex, SpaceWords)
	// Oracle: SegLexicon's categories in entry order are economy,
	// environment, reform, innovation, rural; the documents hold 六稳六保
	// (economy), 五水共治 (environment) and 乡村振兴 (rural).
	names, terms := s.Categories(lex)
	if !reflect.DeepEqual(names, []string{"economy", "environment", "rural"}) {
		t.Fatalf("categories %v", names)
	}
	for i, want := range []string{"六稳六保", "五水共治", "乡村振兴"} {
		if len(terms[i]) != 1 || s.Terms[terms[i][0]] != want {
			t.Errorf("%s: terms %v, want %s", names[i], terms[i], want)
		}
	}
}

func TestWindowsOfAndGroupAll(t *testing.T) {
	lex := testkit.SegLexicon(t)
	s := sequencesOf(t, lex, SpaceSlogans)
	// Oracle: seqDocs by hand. b alone: one paragraph of two slogans; b
	// then a as documents: b's two tokens, then a's three.
	if w, err := s.WindowsOf(WindowParagraph, []int{1}); err != nil || len(w) != 1 || len(w[0]) != 2 {
		t.Errorf("paragraphs of b: %v (%v)", w, err)
	}
	if w, _ := s.WindowsOf(WindowDocument, []int{1, 0, 2}); len(w) != 2 || len(w[0]) != 2 || len(w[1]) != 3 {
		t.Errorf("documents b, a, c: %v", w)
	}
	units, members, skipped, err := GroupUnits(s.Units, "all")
	if err != nil || len(units) != 1 || units[0].ID != "all" || !reflect.DeepEqual(members, [][]int{{0, 1, 2}}) || skipped != nil {
		t.Errorf("all: %v %v %v %v", units, members, skipped, err)
	}
	if !reflect.DeepEqual(units[0].Docs, []string{"a", "b", "c"}) || units[0].Meta.Year != 0 || units[0].Meta.Region != "云溪镇" {
		t.Errorf("all: unit %+v", units[0])
	}
}

func TestFrequent(t *testing.T) {
	lex := testkit.SegLexicon(t)
	s := sequencesOf(t, lex, SpaceWords)
	// Oracle: the three slogans, and the word with most tokens (推进, 2).
	var got []string
	for _, id := range s.Frequent(1) {
		got = append(got, s.Terms[id])
	}
	slices.Sort(got)
	if want := []string{"乡村振兴", "五水共治", "六稳六保", "推进"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Frequent(1) = %v, want %v", got, want)
	}
}
