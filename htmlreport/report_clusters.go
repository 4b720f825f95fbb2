package htmlreport

import (
	"fmt"
	"strconv"

	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// clustering clusters the units, once for both sections that show it.
func (r *Report) clustering() (*cluster.Result, error) {
	if r.clusters == nil && r.clusterErr == nil {
		done := func() {}
		if r.opt.Stage != nil {
			done = r.opt.Stage("clustering (" + r.opt.Cluster.Method + ")")
		}
		r.clusters, r.clusterErr = cluster.Cluster(r.v.X, r.opt.Cluster)
		done()
	}
	return r.clusters, r.clusterErr
}

// clusterNames are the names of k clusters, as the tables number them:
// cluster 1 … cluster k.
func clusterNames(k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = "cluster " + strconv.Itoa(i+1)
	}
	return out
}

func (r *Report) clusterSection() Section {
	sec := Section{ID: "clusters", Title: "Clusters"}
	res, err := r.clustering()
	if err != nil {
		sec.Blocks = append(sec.Blocks, Note("No clustering: "+err.Error()+"."))
		return sec
	}
	flags := func(table string) []string {
		return []string{"--by", r.opt.By, "--method", r.opt.Method, "--k", r.opt.K, "--table", table}
	}
	sec.Blocks = append(sec.Blocks,
		Text(fmt.Sprintf("The %d %s in %d clusters (%s, mean silhouette %.3f; silhouettes near 1: tight, well separated clusters; "+
			"near 0: overlapping). A cluster's distinctive slogans are those whose mean TF-IDF weight in the cluster most exceeds "+
			"that in the other %s; lift = cluster mean / overall mean.", len(res.Labels), byWord(r.opt.By), res.K, res.Method, res.Mean, byWord(r.opt.By))))
	sec.Blocks = append(sec.Blocks, r.clusterMap(res)...)
	sec.Blocks = append(sec.Blocks,
		r.htmlTable(tabulate.Profiles(r.v, res, 5), "cluster_profile.csv", r.opt.Command("cluster", flags("profile")...)),
		r.htmlTable(tabulate.ClusterTerms(r.v, r.lex, res, 5), "cluster_terms.csv", r.opt.Command("cluster", flags("terms")...)))
	if len(res.Tried) > 0 {
		sec.Blocks = append(sec.Blocks, r.htmlTable(tabulate.KScores(res), "cluster_k.csv", r.opt.Command("cluster", flags("k")...)))
	}
	members := r.htmlTable(tabulate.Members(r.v, res, r.opt.By), "cluster_members.csv", r.opt.Command("cluster", flags("members")...))
	sec.Blocks = append(sec.Blocks, &Details{
		Summary: fmt.Sprintf("Members: the cluster of each of the %d %s", len(res.Labels), byWord(r.opt.By)),
		Blocks:  []Block{members}})
	return sec
}

// clusterMap draws the units on the plane of the first two principal
// components of their vectors, coloured by cluster, with its table of
// coordinates as CSV.
func (r *Report) clusterMap(res *cluster.Result) []Block {
	v := r.v
	p, err := vector.Project2D(v.X)
	if err != nil {
		return []Block{Note("No map: " + err.Error() + ".")}
	}
	t := tabulate.Map(v, r.opt.By, res.Labels, p)
	s := &Scatter{
		Caption: fmt.Sprintf("Map of the %d %s by cluster", len(v.Units), byWord(r.opt.By)),
		XLabel:  fmt.Sprintf("PC1 (%.1f %% of variance)", 100*p.Explained[0]),
		YLabel:  fmt.Sprintf("PC2 (%.1f %% of variance)", 100*p.Explained[1]),
		XName:   "PC1", YName: "PC2",
		Groups:   clusterNames(res.K),
		Download: r.download(t, "cluster_map.csv", ""),
	}
	s.Download.Label = "CSV of the coordinates"
	for i, u := range v.Units {
		cells := t.Strings(i)
		s.Points = append(s.Points, Point{Label: u.ID, X: cells[len(cells)-2], Y: cells[len(cells)-1], Group: res.Labels[i]})
	}
	return []Block{Text(fmt.Sprintf("Each point is one of the %d %s, placed by principal component analysis of "+
		"the TF-IDF vectors: points close together use similar slogans in similar proportions. The two axes carry %.1f %% of "+
		"the variance between them; the clusters were found in all dimensions, so clusters that overlap here may be apart in "+
		"others. The dashed lines cross at the mean. Click a cluster in the legend to pick out its %s.",
		len(v.Units), byWord(r.opt.By), 100*(p.Explained[0]+p.Explained[1]), byWord(r.opt.By))), s}
}
