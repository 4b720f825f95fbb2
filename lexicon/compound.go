package lexicon

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Typesetting: reports put quotation marks around slogans and their parts
// (“六稳”“六保”, 能耗“双控”, “三权”分置) and write compound slogans as lists
// (碳达峰、碳中和, 碳达峰与碳中和). Two rules let a form match all of them:
//
//   - Quotation marks are transparent: the matcher reads the text as if
//     every quotation mark (see isMark) were not there, so 能耗双控 is found
//     in 能耗“双控”. A mention still starts at its first character and ends
//     after its last one, so marks inside it are part of its span and marks
//     around it are not. But a mention does not cut a quotation (see
//     cutsQuote): 五个保定 is not found in 五个“保定之变”. Exclusions are
//     found the same way (过紧日子负面清单 in “过紧日子”负面清单). Forms and
//     exclusions lose their quotation marks when they are read
//     (stripMarks).
//   - A form written with 、 between its parts is a compound: it matches its
//     parts joined as written, with nothing between them, or with 、 between
//     all but the last two and 与, 和 or 及 between those (see variants).

// marks are the quotation marks the matcher skips: “ ” ‘ ’ 「 」 『 』 and,
// after width folding, the ASCII " and ' (from ＂ and ＇ as well).
const marks = "“”‘’「」『』\"'"

// isMark reports whether r is a quotation mark the matcher skips.
func isMark(r rune) bool {
	return strings.ContainsRune(marks, r)
}

// markLead marks, in Matcher.class, the bytes a quotation mark starts
// with: the ASCII double and single quotes, 0xE2 (“ ” ‘ ’) and 0xE3
// (「 」 『 』).
const markLead = 1 << 15

// markAt returns the length of the quotation mark at text[i:] that the
// matcher skips, or 0. A mark is skipped only where it starts a rune: at
// the start of text, or after an ASCII byte or a complete UTF-8 sequence,
// so that no rune of the text read without its marks is made of bytes from
// either side of one (a stray lead byte before “ stays a stray byte).
func markAt(text string, i int) int {
	n := markLen(text, i)
	if n == 0 || i == 0 || text[i-1] < utf8.RuneSelf || wholeRuneBefore(text, i) {
		return n
	}
	return 0
}

// markLen returns the length of the quotation mark (isMark) at text[i:],
// or 0. It is small enough to be inlined in the scan, where it rejects the
// bytes 0xE2 and 0xE3 of other runes (、。— …) at the cost of a few
// comparisons.
func markLen(text string, i int) int {
	c := text[i]
	if c == '"' || c == '\'' {
		return 1
	}
	if i+2 >= len(text) || text[i+1] != 0x80 {
		return 0
	}
	if t := text[i+2]; c == 0xE2 && (t == 0x98 || t == 0x99 || t == 0x9C || t == 0x9D) || c == 0xE3 && 0x8C <= t && t <= 0x8F {
		return 3
	}
	return 0
}

// wholeRuneBefore reports whether text[:i] ends with a complete UTF-8
// sequence.
func wholeRuneBefore(text string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	return r != utf8.RuneError || size > 1
}

// markBefore returns the length of the skipped quotation mark that ends at
// text[:p], or 0.
func markBefore(text string, p int) int {
	if p >= 1 && markAt(text, p-1) == 1 {
		return 1
	}
	if p >= 3 && markAt(text, p-3) == 3 {
		return 3
	}
	return 0
}

// Opening and closing quotation marks; the ASCII ones are neither.
const (
	opening = "“‘「『"
	closing = "”’」』"
)

// cutsQuote reports whether text[start:end], an occurrence holding
// quotation marks, cuts a quotation, taking part of a quoted phrase and
// part of what is outside it: when an opening mark inside it is not closed
// inside it nor right at end (五个“保定 in 五个“保定之变”), or a closing mark
// inside it was not opened inside it nor right before start (文旅”融合 in
// “农文旅”融合). The marks are those the scan skips (markAt); the ASCII ones,
// which neither open nor close, never cut.
func cutsQuote(text string, start, end int) bool {
	open := 0
	for i := start; i < end; {
		n := markAt(text, i)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(text[i:end])
			i += size
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[i:])
		switch {
		case strings.ContainsRune(opening, r):
			open++
		case !strings.ContainsRune(closing, r):
		case open > 0:
			open--
		default:
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); !strings.ContainsRune(opening, r) {
				return true
			}
		}
		i += n
	}
	if open > 0 {
		r, _ := utf8.DecodeRuneInString(text[end:])
		return !strings.ContainsRune(closing, r)
	}
	return false
}

// stripMarks returns s without its quotation marks (isMark), s itself when
// it has none.
func stripMarks(s string) string {
	if !strings.ContainsAny(s, marks) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s)
}

// joint separates the parts of a compound form; joiners may stand between
// its last two parts instead.
const joint = "、"

var joiners = []string{"与", "和", "及"}

// variants returns the strings that spell form, form first: a compound
// form (parts separated by 、) also matches its parts run together, and
// with the last 、 replaced by 与, 和 or 及:
//
//	碳达峰、碳中和 → 碳达峰、碳中和, 碳达峰碳中和, 碳达峰与碳中和, 碳达峰和碳中和, 碳达峰及碳中和
//	蓝天、碧水、净土 → … 蓝天碧水净土, 蓝天、碧水与净土 …
//
// A form with an empty part (a leading, trailing or doubled 、: 就业、 as
// the context of an exclusion) is no compound but a plain form. Quotation
// marks are dropped first (validated forms have none; a hand-built
// Lexicon's may).
func variants(form string) []string {
	form = stripMarks(form)
	parts := strings.Split(form, joint)
	if len(parts) == 1 || slices.Contains(parts, "") {
		return []string{form}
	}
	last := len(parts) - 1
	head := strings.Join(parts[:last], joint)
	out := []string{form, strings.Join(parts, "")}
	for _, j := range joiners {
		out = append(out, head+j+parts[last])
	}
	return out
}
