package lexicon

import (
	"strings"
	"unicode/utf8"
)

// Context returns the width characters (runes) of text before start and
// after end — the two sides of a mention text[start:end] in a key word in
// context line — each made one line: every run of white space becomes one
// space, and none is kept at either end. Invalid bytes count as one
// character each.
func Context(text string, start, end, width int) (left, right string) {
	i := start
	for k := 0; k < width && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	j := end
	for k := 0; k < width && j < len(text); k++ {
		_, size := utf8.DecodeRuneInString(text[j:])
		j += size
	}
	return oneLine(text[i:start]), oneLine(text[end:j])
}

// oneLine joins the words of s with single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
