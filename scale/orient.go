package scale

// Orient returns the two documents whose order fixes the sign of θ
// (WordfishOptions.Dir) when the user names none, given each document's
// year (0 when unknown): the first document of the earliest year lies
// left of the first of the latest, so θ reads as a movement over time;
// without two different known years, documents 0 and 1.
func Orient(years []int) [2]int {
	lo, hi := -1, -1
	for i, y := range years {
		if y == 0 {
			continue
		}
		if lo < 0 || y < years[lo] {
			lo = i
		}
		if hi < 0 || y > years[hi] {
			hi = i
		}
	}
	if lo < 0 || years[lo] == years[hi] {
		return [2]int{0, 1}
	}
	return [2]int{lo, hi}
}
