package keyness

import (
	"math"
	"sort"

	"github.com/tifa-project/tifa/vector"
)

// Side sums one side of a comparison.
type Side struct {
	Docs  int
	Chars int     // Han characters
	Size  float64 // the G² corpus size: tokens (words space) or characters (slogans space)
}

// KeyTerm is one term compared between sides A and B.
type KeyTerm struct {
	Col              int
	A, B             float64 // raw counts
	Per10kA, Per10kB float64 // per 10,000 Han characters of each side
	LogRatio         float64 // log2 of the ratio of relative frequencies (0.5 added to counts)
	G2, P            float64 // signed log-likelihood (positive: more in A) and its p-value
}

// Compare compares the units of m for which inA is true with those for
// which inB is true, term by term, with Dunning's log-likelihood (see
// LogLikelihood). In the words space the corpus sizes are the sides' token
// counts; in the slogans space, their Han character counts. Terms are
// sorted by |G²| descending, then label; terms absent from both sides are
// left out.
func Compare(m *vector.Matrix, inA, inB []bool) (a, b Side, keys []KeyTerm) {
	ca := make([]float64, m.Counts.Cols)
	cb := make([]float64, m.Counts.Cols)
	var tokA, tokB float64
	for i, u := range m.Units {
		if !inA[i] && !inB[i] {
			continue
		}
		ind, val := m.Counts.Row(i)
		var tok float64
		for _, x := range val {
			tok += x
		}
		if inA[i] {
			a.Docs++
			a.Chars += u.Chars
			tokA += tok
			for k, c := range ind {
				ca[c] += val[k]
			}
		}
		if inB[i] {
			b.Docs++
			b.Chars += u.Chars
			tokB += tok
			for k, c := range ind {
				cb[c] += val[k]
			}
		}
	}
	a.Size, b.Size = float64(a.Chars), float64(b.Chars)
	if m.Space == vector.SpaceWords {
		a.Size, b.Size = tokA, tokB
	}
	for c := range ca {
		if ca[c] == 0 && cb[c] == 0 {
			continue
		}
		g2, p := LogLikelihood(ca[c], cb[c], a.Size, b.Size)
		keys = append(keys, KeyTerm{Col: c, A: ca[c], B: cb[c],
			Per10kA: per10kF(ca[c], a.Chars), Per10kB: per10kF(cb[c], b.Chars),
			LogRatio: LogRatio(ca[c], cb[c], a.Size, b.Size), G2: g2, P: p})
	}
	sort.Slice(keys, func(i, j int) bool {
		gi, gj := math.Abs(keys[i].G2), math.Abs(keys[j].G2)
		if gi != gj {
			return gi > gj
		}
		return m.Terms[keys[i].Col] < m.Terms[keys[j].Col]
	})
	return a, b, keys
}

func per10kF(count float64, chars int) float64 {
	if chars <= 0 {
		return 0
	}
	return count / float64(chars) * 10000
}
