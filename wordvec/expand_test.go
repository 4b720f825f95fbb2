package wordvec

import (
	"slices"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/vector"
)

func TestParseQuery(t *testing.T) {
	lex, _, err := lexicon.New(nil, []lexicon.Entry{{Slogan: "河长制", Aliases: []string{"河长"}, Category: "environment"}})
	if err != nil {
		t.Fatal(err)
	}
	seq := &vector.Sequences{Space: vector.SpaceWords, Terms: []string{"河长制", "治理", "生态"}, Entries: []int{0, -1, -1}}
	for _, c := range []struct {
		arg      string
		ids      []int32
		category string
		err      string
	}{
		{"生态", []int32{2}, "", ""},
		{"治理, 河长", []int32{1, 0}, "environment", ""}, // an alias stands for its slogan
		{"生态,,治理", nil, "", `TERM "": not a word`},
		{"湖长制", nil, "", `TERM "湖长制": not a word`},
	} {
		ids, category, err := ParseQuery(lex, seq, c.arg)
		if c.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %s…", c.arg, err, c.err)
			}
			continue
		}
		if err != nil || !slices.Equal(ids, c.ids) || category != c.category {
			t.Errorf("%q: %v %q %v, want %v %q", c.arg, ids, category, err, c.ids, c.category)
		}
	}
}

func TestExpand(t *testing.T) {
	// Terms 0 and 1 always share a sentence, 2 and 3 too; term 4 is rare.
	var docs [][]int32
	var ends [][]int32
	for range 30 {
		docs = append(docs, []int32{0, 1, 0, 1, 2, 3, 2, 3, 4})
		ends = append(ends, []int32{4, 8, 9})
	}
	seq := &vector.Sequences{Space: vector.SpaceWords, Terms: []string{"a", "b", "c", "d", "e"}, Entries: []int{-1, -1, -1, -1, -1},
		Docs: docs, Sentences: ends, Paragraphs: ends}
	all := make([]int, len(docs))
	for i := range all {
		all[i] = i
	}
	opt := DefaultOptions()
	opt.MinCount, opt.Dims = 2, 2
	m, nn, err := Expand(seq, all, vector.WindowSentence, []int32{0}, 1, nil, opt)
	if err != nil || m == nil || len(nn) != 1 || nn[0].Term != 1 {
		t.Errorf("nearest a: %v %v, want b", nn, err)
	}
	opt.MinCount = 31 // e has 30 tokens: no vector
	if _, _, err := Expand(seq, all, vector.WindowSentence, []int32{4}, 1, nil, opt); err == nil || !strings.Contains(err.Error(), "no TERM has --min-count 31 tokens") {
		t.Errorf("query without a vector: %v", err)
	}
}

func TestExpandGroups(t *testing.T) {
	lex, _, err := lexicon.New(nil, []lexicon.Entry{{Slogan: "a", Category: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	var docs, ends [][]int32
	for i := range 40 {
		doc, end := []int32{0, 1, 0, 1, 2, 3, 2, 3}, []int32{4, 8}
		if i >= 30 {
			doc, end = []int32{2, 3}, []int32{2} // the second group never uses term 0
		}
		docs, ends = append(docs, doc), append(ends, end)
	}
	seq := &vector.Sequences{Space: vector.SpaceWords, Terms: []string{"a", "b", "c", "d"}, Entries: []int{0, -1, -1, -1},
		Docs: docs, Sentences: ends, Paragraphs: ends}
	var first, second []int
	for i := range 40 {
		if i < 30 {
			first = append(first, i)
		} else {
			second = append(second, i)
		}
	}
	opt := DefaultOptions()
	opt.MinCount, opt.Dims = 2, 2
	models, nbrs, checks, errs := ExpandGroups(seq, lex, [][]int{first, second}, vector.WindowSentence, []int32{0}, 1, nil, opt)
	if len(models) != 2 || len(nbrs) != 2 || len(checks) != 2 || len(errs) != 2 {
		t.Fatalf("%d models, %d lists, %d checks, %d errors; want 2 of each", len(models), len(nbrs), len(checks), len(errs))
	}
	if errs[0] != nil || len(nbrs[0]) != 1 || nbrs[0][0].Term != 1 {
		t.Errorf("first group: %v %v, want b nearest a", nbrs[0], errs[0])
	}
	if errs[1] == nil || nbrs[1] != nil {
		t.Errorf("second group (no a): %v, %v; want an error", nbrs[1], errs[1])
	}
}
