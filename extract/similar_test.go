package extract

import (
	"unicode"
)

// similarity compares two texts as multisets of their non-space
// characters: the characters they share (each counted as often as in the
// text holding fewer of it) over the length of the longer. 1 means the
// same characters, whatever the white space and line breaks; each
// character one text lacks or adds lowers it by about 1/len.
func similarity(a, b string) float64 {
	count := map[rune]int{}
	na, nb := 0, 0
	for _, r := range a {
		if !unicode.IsSpace(r) {
			count[r]++
			na++
		}
	}
	shared := 0
	for _, r := range b {
		if unicode.IsSpace(r) {
			continue
		}
		nb++
		if count[r] > 0 {
			count[r]--
			shared++
		}
	}
	if max(na, nb) == 0 {
		return 1
	}
	return float64(shared) / float64(max(na, nb))
}
