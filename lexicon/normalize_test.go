package lexicon

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"github.com/tifa-project/tifa/clean"
)

func TestNormalize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"already normal", "六稳六保", "六稳六保"},
		{"full-width plus", "互联网＋", "互联网+"},
		{"full-width latin and digits", "５Ｇ与ＰＰＰ", "5G与PPP"},
		{"half-width katakana widened", "ｶﾀｶﾅ", "カタカナ"},
		{"ideographic space", "六稳　六保", "六稳六保"},
		{"inner and outer spaces", " 六稳 六保\t\n", "六稳六保"},
		{"no-break space", "六稳\u00a0六保", "六稳六保"},
		{"zero-width space and joiner", "六\u200b稳\u200d", "六稳"},
		{"BOM and soft hyphen", "\ufeff六\u00ad稳", "六稳"},
		{"case kept", "Ppp", "Ppp"},
		{"Chinese prose punctuation kept, as the report cleaner keeps it", "两手抓，两手都要硬！（一）；", "两手抓，两手都要硬！（一）；"},
		{"other full-width punctuation folded", "六稳．六保＂＃", "六稳.六保\"#"},
		{"invalid bytes kept", "六\xff稳 ", "六\xff稳"},
		{"empty", "", ""},
		{"only spaces", " \u3000\u200b", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestNormalizeFastPath checks that the no-change path gives what the slow
// path (width.Fold but for keptFullwidth, then dropping spaces and format
// characters) gives.
func TestNormalizeFastPath(t *testing.T) {
	for r := rune(0); r <= 0x2ffff; r++ {
		s := "甲" + string(r) + "乙"
		slow := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, width.Fold.String(s))
		if strings.ContainsRune(keptFullwidth, r) {
			slow = s
		}
		if got := Normalize(s); got != slow {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, slow)
		}
	}
}

// TestNormalizeAsCleaner: on the full-width and half-width forms block
// U+FF00–U+FFEF, Normalize folds exactly what the report cleaner folds, so
// a form matches the text it was copied from.
func TestNormalizeAsCleaner(t *testing.T) {
	for r := rune(0xFF00); r <= 0xFFEF; r++ {
		s := "甲" + string(r) + "乙"
		if got, want := Normalize(s), clean.FoldWidth(s); !unicode.IsSpace(r) && got != want {
			t.Errorf("Normalize(%q) = %q, the cleaner writes %q", s, got, want)
		}
	}
}

func TestNormalizeDoesNotAllocate(t *testing.T) {
	s := "全面推进乡村振兴、做好“六稳”“六保”工作。PPP"
	if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
		t.Errorf("Normalize of a normal string allocates %.0f times", n)
	}
}
