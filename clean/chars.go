package clean

import (
	"unicode"
	"unicode/utf8"
)

// Characters: the classes the cleaning steps test runes and lines by,
// exported for package reports, which counts and reads with them too.

// HanCount counts the Chinese (Han) characters of s: the denominator of
// every per-10,000-characters rate tifa reports.
func HanCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 { // ASCII
			i++
			continue
		}
		// A well-formed three-byte sequence (lead E1–EC: no overlong or
		// surrogate forms) is decoded here, as range would decode it:
		// CJK Unified Ideographs, the common case, need no table.
		if c >= 0xE1 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r) {
				n++
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x2E80 && (r >= 0x4E00 && r <= 0x9FFF || unicode.Is(unicode.Han, r)) {
			n++
		}
		i += size
	}
	return n
}

// HanAtLeast reports whether s holds at least n Chinese characters, as
// HanCount(s) >= n would, reading no further than needed.
func HanAtLeast(s string, n int) bool {
	for _, r := range s {
		if IsHan(r) {
			if n--; n <= 0 {
				return true
			}
		}
	}
	return n <= 0
}

// IsHan reports whether r is a Chinese (Han) character.
func IsHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// IsCJKPunct reports whether r is CJK or full-width punctuation: the CJK
// Symbols and Punctuation block (、。《》「」【】…), full-width forms
// (，！？：；（）), CJK compatibility forms, and the quotes, dashes, ellipsis
// and middle dot Chinese text uses (“”‘’—…·).
func IsCJKPunct(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F && r != 0x3007: // 〇 is Han
		return true
	case r >= 0xFF01 && r <= 0xFF65 && !isFullwidthAlnum(r):
		return true
	case r >= 0xFE30 && r <= 0xFE4F:
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '—', '―', '…', '·', '•', '～', '－':
		return true
	}
	return false
}

// isFullwidthAlnum reports whether r is a full-width ASCII letter or digit.
func isFullwidthAlnum(r rune) bool {
	return (r >= '０' && r <= '９') || (r >= 'Ａ' && r <= 'Ｚ') || (r >= 'ａ' && r <= 'ｚ')
}

// MoreRunes reports whether s holds more than n runes, as
// utf8.RuneCountInString(s) > n would, without counting past n+1: a rune
// takes one to four bytes (an invalid byte counts as one rune), so only
// strings of n+1 to 4n bytes are counted. Line tests of the cleaner run
// on every line, paragraphs of thousands of characters included.
func MoreRunes(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	c := 0
	for range s {
		if c++; c > n {
			return true
		}
	}
	return false
}
