package cooccur

import (
	"io"
	"path/filepath"
	"strings"
)

// Groups counts the co-occurrences of each of n groups of documents
// (windows(i) returns the windows of group i) and finds the communities
// of its pairs, weighted by opt.SortBy (Count, then Communities at
// resolution and seed): a network per group, in order.
func Groups(n int, windows func(i int) ([][]int32, error), nTerms int, opt Options, resolution float64, seed uint64) ([]*Result, []*Partition, error) {
	var res []*Result
	var parts []*Partition
	for i := range n {
		w, err := windows(i)
		if err != nil {
			return nil, nil, err
		}
		r, err := Count(w, nTerms, opt)
		if err != nil {
			return nil, nil, err
		}
		part, err := Communities(nTerms, r.Pairs, opt.SortBy, resolution, seed)
		if err != nil {
			return nil, nil, err
		}
		res, parts = append(res, r), append(parts, part)
	}
	return res, parts, nil
}

// Writer returns the writer of a network file named path by its
// extension, case aside: WriteGraphML for .graphml, WriteGEXF for .gexf;
// nil for any other.
func Writer(path string) func(io.Writer, *Network) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".graphml":
		return WriteGraphML
	case ".gexf":
		return WriteGEXF
	}
	return nil
}
