package cluster

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseK reads a number of clusters: a number ≥ 1, or auto (0: choose
// it by silhouette, Options.K).
func ParseK(s string) (int, error) {
	if s == "auto" {
		return 0, nil
	}
	k, err := strconv.Atoi(s)
	if err != nil || k < 1 {
		return 0, fmt.Errorf("want a number ≥ 1 or auto (got %q)", s)
	}
	return k, nil
}

// ParseKRange reads the range of k tried when K is chosen, MIN..MAX
// (Options.KMin, Options.KMax).
func ParseKRange(s string) (lo, hi int, err error) {
	a, b, ok := strings.Cut(s, "..")
	lo, err1 := strconv.Atoi(a)
	hi, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || lo > hi {
		return 0, 0, fmt.Errorf("want MIN..MAX, e.g. 2..10 (got %q)", s)
	}
	return lo, hi, nil
}

// HasTree reports whether method merges clusters into a tree
// (Result.Merges): the agglomerative methods, not k-means.
func HasTree(method string) bool { return method != "kmeans" && method != "minibatch" }
