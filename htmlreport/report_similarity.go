package htmlreport

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// matrixMax is the largest similarity matrix the report offers as CSV.
const matrixMax = 300

// byWord names the units of --by in prose.
func byWord(by string) string {
	switch by {
	case "doc":
		return "documents"
	case "region-year":
		return "region-years"
	}
	return by + "s"
}

func (r *Report) similaritySection() Section {
	sec := Section{ID: "similarity", Title: "Similarity"}
	v := r.v
	n := len(v.Units)
	if n < 2 {
		sec.Blocks = append(sec.Blocks, Note(fmt.Sprintf("%d %s: nothing to compare.", n, byWord(r.opt.By))))
		return sec
	}
	sel := largestUnits(v, r.opt.Heatmap)
	var full *table.Table
	if n <= matrixMax {
		full = tabulate.Similarity(v, r.opt.By)
	}
	h := r.heatmap(sel, full)
	what := fmt.Sprintf("all %d %s", n, byWord(r.opt.By))
	switch {
	case len(sel) < n && r.opt.By == "doc":
		what = fmt.Sprintf("the first %d of the %d documents (--heatmap N shows more)", len(sel), n)
	case len(sel) < n:
		what = fmt.Sprintf("the %d %s with the most reports, of %d (--heatmap N shows more)", len(sel), byWord(r.opt.By), n)
	}
	sec.Blocks = append(sec.Blocks, Text(fmt.Sprintf("Cosine similarity of the TF-IDF vectors (%s space) between %s. "+
		"Rows and columns are ordered by average-linkage clustering, so that similar %s sit together; the coloured strip marks "+
		"the cluster of the next section. Hover a cell for its value.", r.opt.Space, what, byWord(r.opt.By))))
	command := r.opt.Command("similar", "--by", r.opt.By, "--matrix")
	if full != nil {
		h.Download = r.download(full, "similarity.csv", command)
		h.Download.Label = fmt.Sprintf("CSV (all %d×%d)", n, n)
	} else {
		sec.Blocks = append(sec.Blocks, Note(fmt.Sprintf("The full %d×%d matrix is too large to include: %s prints it.", n, n, command)))
	}
	sec.Blocks = append(sec.Blocks, h)
	return sec
}

// heatmap draws the similarity between the units sel, ordered by
// average-linkage clustering; the values are the text of full (the
// matrix 'tifa similar --matrix' prints) when there is one.
func (r *Report) heatmap(sel []int, full *table.Table) *Heatmap {
	v := r.v
	single := make([][]int, len(sel))
	for i, u := range sel {
		single[i] = []int{u}
	}
	sub := v.X.SumRows(single) // the rows sel
	order := make([]int, len(sel))
	for i := range order {
		order[i] = i
	}
	if merges, err := cluster.Agglomerate(sub, "average"); err == nil {
		order = cluster.LeafOrder(merges, len(sel))
	}
	cos := vector.CosineMatrix(sub)
	h := &Heatmap{Min: 0, Max: 1, ValueName: "cosine"}
	res, err := r.clustering()
	if err == nil {
		h.Groups = clusterNames(res.K)
	}
	for _, a := range order {
		u := sel[a]
		h.Labels = append(h.Labels, v.Units[u].ID)
		if err == nil {
			h.GroupOf = append(h.GroupOf, res.Labels[u])
		}
		var row, cells []string
		if full != nil {
			cells = full.Strings(u)
		}
		for _, b := range order {
			if cells != nil {
				row = append(row, cells[1+sel[b]])
			} else {
				row = append(row, strconv.FormatFloat(cos[a][b], 'f', 4, 64))
			}
		}
		h.Values = append(h.Values, row)
	}
	return h
}

// largestUnits returns the indices of the n units with the most
// documents (ties in unit order), in unit order.
func largestUnits(v *vector.Vectors, n int) []int {
	idx := make([]int, len(v.Units))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return len(v.Units[idx[a]].Docs) > len(v.Units[idx[b]].Docs) })
	if len(idx) > n {
		idx = idx[:n]
	}
	sort.Ints(idx)
	return idx
}
