package main

import (
	"fmt"
	"strconv"

	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/htmlreport"
	"github.com/tifa-project/tifa/tabulate"
	"github.com/tifa-project/tifa/vector"
)

// clustering caches the clustering, computed once for both sections.
func (r *reportRun) clustering() (*cluster.Result, error) {
	copt, _, err := r.o.cluster().parse(r.g)
	if err != nil {
		return nil, err
	}
	copt.Workers, copt.Context = r.o.vec.workers, r.g.ctx()
	if r.clusters == nil && r.clusterErr == nil {
		done := r.g.stage("clustering (" + copt.Method + ")")
		r.clusters, r.clusterErr = cluster.Cluster(r.l.vectors.X, copt)
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

func (r *reportRun) clusterSection() htmlreport.Section {
	sec := htmlreport.Section{ID: "clusters", Title: "Clusters"}
	res, err := r.clustering()
	if err != nil {
		sec.Blocks = append(sec.Blocks, htmlreport.Note("No clustering: "+err.Error()+"."))
		return sec
	}
	flags := func(table string) []string {
		return []string{"--by", r.by, "--method", r.o.method, "--k", r.o.k, "--table", table}
	}
	sec.Blocks = append(sec.Blocks,
		htmlreport.Text(fmt.Sprintf("The %d %s in %d clusters (%s, mean silhouette %.3f; silhouettes near 1: tight, well separated clusters; "+
			"near 0: overlapping). A cluster's distinctive slogans are those whose mean TF-IDF weight in the cluster most exceeds "+
			"that in the other %s; lift = cluster mean / overall mean.", len(res.Labels), byWord(r.by), res.K, res.Method, res.Mean, byWord(r.by))))
	sec.Blocks = append(sec.Blocks, r.clusterMap(res)...)
	sec.Blocks = append(sec.Blocks,
		r.htmlTable(tabulate.Profiles(r.l.vectors, res, 5), "cluster_profile.csv", r.command("cluster", vectorFlags, flags("profile")...)),
		r.htmlTable(tabulate.ClusterTerms(r.l.vectors, r.lex, res, 5), "cluster_terms.csv", r.command("cluster", vectorFlags, flags("terms")...)))
	if len(res.Tried) > 0 {
		sec.Blocks = append(sec.Blocks, r.htmlTable(tabulate.KScores(res), "cluster_k.csv", r.command("cluster", vectorFlags, flags("k")...)))
	}
	members := r.htmlTable(tabulate.Members(r.l.vectors, res, r.by), "cluster_members.csv", r.command("cluster", vectorFlags, flags("members")...))
	sec.Blocks = append(sec.Blocks, &htmlreport.Details{
		Summary: fmt.Sprintf("Members: the cluster of each of the %d %s", len(res.Labels), byWord(r.by)),
		Blocks:  []htmlreport.Block{members}})
	return sec
}

// clusterMap draws the units on the plane of the first two principal
// components of their vectors, coloured by cluster, with its table of
// coordinates as CSV.
func (r *reportRun) clusterMap(res *cluster.Result) []htmlreport.Block {
	v := r.l.vectors
	p, err := vector.Project2D(v.X)
	if err != nil {
		return []htmlreport.Block{htmlreport.Note("No map: " + err.Error() + ".")}
	}
	t := tabulate.Map(v, r.by, res.Labels, p)
	s := &htmlreport.Scatter{
		Caption: fmt.Sprintf("Map of the %d %s by cluster", len(v.Units), byWord(r.by)),
		XLabel:  fmt.Sprintf("PC1 (%.1f %% of variance)", 100*p.Explained[0]),
		YLabel:  fmt.Sprintf("PC2 (%.1f %% of variance)", 100*p.Explained[1]),
		XName:   "PC1", YName: "PC2",
		Groups:   clusterNames(res.K),
		Download: r.download(t, "cluster_map.csv", ""),
	}
	s.Download.Label = "CSV of the coordinates"
	for i, u := range v.Units {
		cells := t.Strings(i)
		s.Points = append(s.Points, htmlreport.Point{Label: u.ID, X: cells[len(cells)-2], Y: cells[len(cells)-1], Group: res.Labels[i]})
	}
	return []htmlreport.Block{htmlreport.Text(fmt.Sprintf("Each point is one of the %d %s, placed by principal component analysis of "+
		"the TF-IDF vectors: points close together use similar slogans in similar proportions. The two axes carry %.1f %% of "+
		"the variance between them; the clusters were found in all dimensions, so clusters that overlap here may be apart in "+
		"others. The dashed lines cross at the mean. Click a cluster in the legend to pick out its %s.",
		len(v.Units), byWord(r.by), 100*(p.Explained[0]+p.Explained[1]), byWord(r.by))), s}
}
