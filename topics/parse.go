package topics

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseK reads the number of free topics as a user writes it: a number
// 1..MaxTopics (0 too when seeded: seeded topics only), or auto, for
// which it returns ok false: choose k by ChooseK.
func ParseK(s string, seeded bool) (k int, ok bool, err error) {
	if s == "auto" {
		return 0, false, nil
	}
	if k, err = strconv.Atoi(s); err != nil || k < 0 || k > MaxTopics || (k == 0 && !seeded) {
		return 0, false, fmt.Errorf("want a number 1..%d (0 with --seeded) or auto (got %q)", MaxTopics, s)
	}
	return k, true, nil
}

// ParseKs reads the numbers of topics ChooseK tries (Search.Ks):
// numbers 1..MaxTopics separated by commas.
func ParseKs(s string) ([]int, error) {
	var ks []int
	for _, f := range strings.Split(s, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 1 || k > MaxTopics {
			return nil, fmt.Errorf("want numbers 1..%d separated by commas, e.g. 5,10,20 (got %q)", MaxTopics, s)
		}
		ks = append(ks, k)
	}
	return ks, nil
}
