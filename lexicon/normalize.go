package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Normalize returns s in the form the matcher compares: full-width and
// half-width variants folded to their canonical width with width.Fold
// (“互联网＋” → “互联网+”, “５Ｇ” → “5G”, “｜” → “|”) — except the
// punctuation of Chinese prose ，！？：；（） and ＜＞, which the report
// cleaner keeps in texts, so that a form holding it can match — format characters
// (Unicode category Cf: zero-width space and joiners, BOM, soft hyphen,
// bidirectional marks) removed, and every white-space rune removed, so
// “ 六稳 六保 ” becomes “六稳六保”. Letter case is kept: “PPP” and “ppp” are
// different forms. Invalid UTF-8 bytes are kept as they are. Normalize is
// idempotent.
//
// Normalize returns s itself, without allocating, when there is nothing to
// change.
func Normalize(s string) string {
	for !isNormal(s) {
		n := normalizeOnce(s)
		if n == s {
			return n
		}
		// Dropping a space between stray bytes can join them into a new
		// rune ("\xef\xbc \x8d" → "－"): go again until nothing changes.
		s = n
	}
	return s
}

// normalizeOnce folds widths and drops spaces and format characters once.
func normalizeOnce(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteByte(s[i]) // keep invalid bytes untouched
		case dropped(r):
		case folds(r):
			b.WriteString(width.Fold.String(s[i : i+size]))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// keptFullwidth is the full-width punctuation Normalize keeps, as the
// report cleaner (clean.FoldWidth) keeps it in texts: the marks of
// Chinese prose, and ＜＞.
const keptFullwidth = "，！？：；（）＜＞"

// folds reports whether width folding changes r and Normalize lets it.
func folds(r rune) bool {
	return width.LookupRune(r).Folded() != 0 && !strings.ContainsRune(keptFullwidth, r)
}

// isNormal reports whether Normalize(s) == s, cheaply: no rune needs folding
// or removing and s is valid UTF-8 (invalid bytes take the slow path, which
// keeps them).
func isNormal(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || dropped(r) {
			return false
		}
		if folds(r) {
			return false
		}
		i += size
	}
	return true
}

// dropped reports whether Normalize removes r.
func dropped(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
