package cooccur_test

import (
	"fmt"

	"github.com/tifa-project/tifa/cooccur"
)

func Example() {
	terms := []string{"六稳", "六保", "河长制", "湖长制"}
	// One window per paragraph, each the term ids found in it.
	paragraphs := [][]int32{{0, 1}, {0, 1}, {2, 3}, {2, 3, 0}, {1}}
	res, err := cooccur.Count(paragraphs, len(terms), cooccur.Options{SortBy: cooccur.ByNPMI})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range res.Pairs {
		fmt.Printf("%s %s count=%d jaccard=%.3f npmi=%.3f\n", terms[p.A], terms[p.B], p.Count, p.Jaccard, p.NPMI)
	}
	part, err := cooccur.Communities(len(terms), res.Pairs, cooccur.ByCount, 1, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("communities:", part.Of)
	// Output:
	// 河长制 湖长制 count=2 jaccard=1.000 npmi=1.000
	// 六稳 六保 count=2 jaccard=0.500 npmi=0.115
	// 六稳 河长制 count=1 jaccard=0.250 npmi=-0.113
	// 六稳 湖长制 count=1 jaccard=0.250 npmi=-0.113
	// communities: [0 0 1 1]
}
