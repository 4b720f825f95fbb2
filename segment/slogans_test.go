package segment

import (
	"slices"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
)

// TestAppendSlogans: the slogan tokens are those of AppendTokens, with the
// words between them left out.
func TestAppendSlogans(t *testing.T) {
	seg, err := NewSegmenter(testkit.SegLexicon(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"稳就业六稳六保工作", "深化供给侧改革，推进乡村振兴和五水共治", "没有口号", "", "互联网+政务服务最多跑一次"} {
		var want []Token
		for _, tk := range seg.Tokens(text) {
			if tk.Entry >= 0 {
				want = append(want, tk)
			}
		}
		if got := seg.AppendSlogans(nil, text); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", text, got, want)
		}
	}
	plain, err := NewSegmenter(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := plain.AppendSlogans(nil, "乡村振兴"); len(got) != 0 {
		t.Errorf("no lexicon: %v", got)
	}
}
