package tabulate

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/table"
	"github.com/tifa-project/tifa/vector"
)

// Members is the table of tifa cluster --table members: each unit (a
// document, or a group of by), its cluster (numbered from 1) and
// silhouette (empty outside the silhouette sample).
func Members(v *vector.Vectors, res *cluster.Result, by string) *table.Table {
	t := &table.Table{Title: fmt.Sprintf("Members (%s, k=%d)", res.Method, res.K), Name: "members", Cols: append(unitCols(by), table.Int("cluster"), table.Float("silhouette", 3))}
	for i, u := range v.Units {
		var sil any = res.Silhouette[i]
		if math.IsNaN(res.Silhouette[i]) {
			sil = nil // outside the silhouette sample
		}
		t.Add(append(unitCells(by, u), res.Labels[i]+1, sil)...)
	}
	return t
}

// clusterStats returns the size and mean silhouette of each cluster.
func clusterStats(res *cluster.Result) (size []int, sil []float64) {
	size, sil = make([]int, res.K), make([]float64, res.K)
	sampled := make([]int, res.K)
	for i, c := range res.Labels {
		size[c]++
		if !math.IsNaN(res.Silhouette[i]) {
			sil[c] += res.Silhouette[i]
			sampled[c]++
		}
	}
	for c := range sil {
		if sampled[c] > 0 {
			sil[c] /= float64(sampled[c])
		}
	}
	return size, sil
}

// Profiles is the table of tifa cluster --table profile: per cluster its
// size, mean silhouette, members (every one; a terminal shows the first
// six, table.Column.Preview), and the top slogans and words
// (words only in the words space) that most set it apart
// (vector.Vectors.Distinguish), each with its lift.
func Profiles(v *vector.Vectors, res *cluster.Result, top int) *table.Table {
	isSlogan := func(c int) bool { return v.Entries[c] >= 0 }
	isWord := func(c int) bool { return v.Entries[c] < 0 }
	slogans := v.Distinguish(res.Labels, res.K, top, isSlogan)
	words := v.Distinguish(res.Labels, res.K, top, isWord)
	size, sil := clusterStats(res)
	members := make([][]string, res.K)
	for i, c := range res.Labels {
		members[c] = append(members[c], v.Units[i].ID)
	}
	cs := []table.Column{table.Int("cluster"), table.Int("size"), table.Float("silhouette", 3), {Name: "members", Kind: table.KindText, Preview: 6}, table.Text("slogans")}
	hasWords := slices.ContainsFunc(v.Entries, func(e int) bool { return e < 0 })
	if hasWords {
		cs = append(cs, table.Text("words"))
	}
	t := &table.Table{Title: fmt.Sprintf("Cluster profiles (%s, k=%d, mean silhouette %.3f)", res.Method, res.K, res.Mean), Name: "profile", Cols: cs}
	for c := range res.K {
		row := []any{c + 1, size[c], sil[c], strings.Join(members[c], "; "), distinctiveLabels(v, slogans[c])}
		if hasWords {
			row = append(row, distinctiveLabels(v, words[c]))
		}
		t.Add(row...)
	}
	return t
}

func distinctiveLabels(v *vector.Vectors, ds []vector.Distinctive) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = fmt.Sprintf("%s ×%.1f", v.Terms[d.Col], d.Lift)
	}
	return strings.Join(out, "; ")
}

// ClusterTerms is the table of tifa cluster --table terms: per cluster its
// top distinguishing terms, with the slogan category, centroid weight and
// lift.
func ClusterTerms(v *vector.Vectors, lex *lexicon.Lexicon, res *cluster.Result, top int) *table.Table {
	t := &table.Table{Title: "Distinguishing terms", Name: "terms", Cols: []table.Column{table.Int("cluster"), table.Int("rank"), table.Text("term"), table.Text("category"), table.Float("centroid", 4), table.Float("lift", 3)}}
	for c, ds := range v.Distinguish(res.Labels, res.K, top, nil) {
		for r, d := range ds {
			cat := ""
			if e := v.Entries[d.Col]; e >= 0 {
				cat = lex.Entries[e].Category
			}
			t.Add(c+1, r+1, v.Terms[d.Col], cat, d.Centroid, d.Lift)
		}
	}
	return t
}

// KScores is the table of tifa cluster --table k: the mean silhouette of
// each k tried by --k auto.
func KScores(res *cluster.Result) *table.Table {
	t := &table.Table{Title: "Mean silhouette by k (--k auto)", Name: "k", Cols: []table.Column{table.Int("k"), table.Float("silhouette", 4)}}
	for _, s := range res.Tried {
		t.Add(s.K, s.Silhouette)
	}
	return t
}

// MergeTree is the table of tifa cluster --table tree: the merges of an
// agglomerative clustering in scipy's linkage convention (step, left,
// right, distance, size), leaves named by their units.
func MergeTree(v *vector.Vectors, res *cluster.Result) *table.Table {
	n := len(v.Units)
	name := func(id int) string {
		if id < n {
			return v.Units[id].ID
		}
		return "step " + strconv.Itoa(id-n+1)
	}
	t := &table.Table{Title: "Merge tree (" + res.Method + ")", Name: "tree", Cols: []table.Column{table.Int("step"), table.Text("left"), table.Text("right"), table.Float("distance", 6), table.Int("size")}}
	for i, m := range res.Merges {
		t.Add(i+1, name(m.Left), name(m.Right), m.Distance, m.Size)
	}
	return t
}

// ErrNoMergeTree is ClusterTables' error for a merge tree asked of k-means.
var ErrNoMergeTree = errors.New("k-means has no merge tree")

// ClusterTables returns the tables of a clustering of vs named in names, in
// their order: "members" (Members), "profile" (Profiles), "terms"
// (ClusterTerms), "k" (KScores, when k was chosen) and "tree" (MergeTree;
// ErrNoMergeTree without merges); other names are skipped.
func ClusterTables(names []string, vs *vector.Vectors, lex *lexicon.Lexicon, res *cluster.Result, by string, top int) ([]*table.Table, error) {
	var out []*table.Table
	for _, name := range names {
		switch name {
		case "members":
			out = append(out, Members(vs, res, by))
		case "profile":
			out = append(out, Profiles(vs, res, top))
		case "terms":
			out = append(out, ClusterTerms(vs, lex, res, top))
		case "k":
			if len(res.Tried) > 0 {
				out = append(out, KScores(res))
			}
		case "tree":
			if res.Merges == nil {
				return nil, ErrNoMergeTree
			}
			out = append(out, MergeTree(vs, res))
		}
	}
	return out, nil
}
