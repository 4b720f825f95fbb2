package lexicon

import (
	"slices"
	"testing"
)

func TestContractions(t *testing.T) {
	cases := []struct {
		name    string
		entries []string
		want    []string
	}{
		{"shared end, one counted", []string{"河长制", "湖长制", "河湖长制"},
			[]string{"河湖长制 merges 河长制 and 湖长制 but counts as a mention of 湖长制 only: make it count for both or for neither"}},
		{"shared start, one counted", []string{"碳达峰", "碳中和", "碳达峰中和"},
			[]string{"碳达峰中和 merges 碳中和 and 碳达峰 but counts as a mention of 碳达峰 only: make it count for both or for neither"}},
		{"neither: an exclusion", []string{"河长制", "湖长制|!河湖长制", "河湖长制"}, nil},
		{"both: an alias spelling it", []string{"河长制|河湖长制", "湖长制"}, nil},
		{"plain nesting is no contraction", []string{"六稳", "六保", "六稳六保"}, nil},
		{"a compound's spelling", []string{"河长制", "湖长制", "河湖长制、林长制"},
			[]string{"河湖长制、林长制 merges 河长制 and 湖长制 but counts as a mention of 湖长制 only: make it count for both or for neither"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range mustNew(t, tc.entries...).Contractions() {
				got = append(got, c.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Contractions:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestDefaultContractions: no built-in form counts a merged pair halfway
// (河湖长制 counts for neither 河长制 nor 湖长制).
func TestDefaultContractions(t *testing.T) {
	l := builtinLexicon(t)
	for _, c := range l.Contractions() {
		t.Errorf("builtin:%d: %s", l.Entries[c.Entry].Line, c)
	}
}
