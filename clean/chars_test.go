package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestHanCount(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"GDP增长5.2%左右", 4},
		{"“六稳”“六保”", 4},
		{"〇一二", 3},     // 〇 (U+3007) is Han script too, outside the ideograph block
		{"𠀀㐀鿿", 3},     // extension B, extension A, the last basic ideograph
		{"２０２１年。，", 1}, // full-width digits and punctuation are not Han
	}
	for _, c := range cases {
		if got := HanCount(c.in); got != c.want {
			t.Errorf("HanCount(%q) = %d, want %d", c.in, got, c.want)
		}
	}
	// The fast path agrees with unicode.Han on every rune up to U+FFFF.
	for r := rune(0); r <= 0xFFFF; r++ {
		want := 0
		if unicode.Is(unicode.Han, r) {
			want = 1
		}
		if got := HanCount(string(r)); got != want && r != 0xFFFD {
			t.Fatalf("HanCount(%U) = %d, unicode.Han says %d", r, got, want)
		}
	}
}

// TestMoreRunes: MoreRunes agrees with counting, at the edges of its
// shortcuts and with invalid bytes.
func TestMoreRunes(t *testing.T) {
	for _, s := range []string{"", "a", "乡村振兴", "ab乡村", "\xff\xfe乡", strings.Repeat("乡", 21), strings.Repeat("a", 80), strings.Repeat("\xff", 9)} {
		for _, n := range []int{0, 1, 2, 3, 4, 8, 20, 21, 80} {
			if got, want := MoreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
				t.Errorf("MoreRunes(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestHanCountBytes: the byte-level HanCount counts what ranging over the
// string and asking unicode.Han does (the oracle below), on Han of every
// block, punctuation, invalid and truncated sequences and random bytes.
func TestHanCountBytes(t *testing.T) {
	oracle := func(s string) int {
		n := 0
		for _, r := range s {
			if unicode.Is(unicode.Han, r) {
				n++
			}
		}
		return n
	}
	cases := []string{"", "abc", "乡村振兴", "〇々〆", "㐀䶵𠀀𪛖", "，。、：", "\xe4\xb8", "\xe4\xb8\x80\xe4", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbc\xa1ｇ", "⺀⻳⼀"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(0xc0 + rng.IntN(0x40))
			if rng.IntN(3) == 0 {
				b[i] = byte(0x80 + rng.IntN(0x40))
			}
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want := oracle(s)
		if got := HanCount(s); got != want {
			t.Fatalf("HanCount(%q) = %d, want %d", s, got, want)
		}
		for _, n := range []int{want - 1, want, want + 1} {
			if got := HanAtLeast(s, n); got != (want >= n) {
				t.Fatalf("HanAtLeast(%q, %d) = %v with %d Han", s, n, got, want)
			}
		}
	}
}
