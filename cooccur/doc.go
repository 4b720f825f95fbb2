// Package cooccur counts which terms occur together in the same window
// (sentence, paragraph or document: whatever windows the caller passes),
// scores each pair, finds communities of terms and writes the network for
// Gephi.
//
// # Counts
//
// A window is a list of term ids; a term counts once per window however
// often it occurs there (binary co-occurrence, as KH Coder's co-occurrence
// network and quanteda's fcm(context = "document", count = "boolean")).
// With N windows, n_a the number of windows holding term a and n_ab the
// number holding both a and b:
//
//	jaccard(a, b) = n_ab / (n_a + n_b − n_ab)
//	p_a = n_a / N,   p_ab = n_ab / N
//	pmi(a, b)  = log( p_ab / (p_a · p_b) )
//	npmi(a, b) = pmi(a, b) / −log p_ab            (Bouma 2009)
//
// npmi lies in [−1, 1]: 1 when a and b only ever occur together, 0 when
// they are independent; a pair that never co-occurs (n_ab = 0) has the
// limit −1 and is not listed. When p_ab = 1 (both in every window) npmi is
// taken as 1.
//
// Bouma, G. (2009). Normalized (pointwise) mutual information in
// collocation extraction. Proceedings of GSCL, 31–40.
//
// Pairs come back sorted by the chosen measure, strongest first, ties by
// the smaller term id and then the larger, so the order never depends on
// scheduling or map order.
//
// # Communities
//
// Communities partitions the terms of a pair list with the Louvain method
// (Blondel et al. 2008) as implemented by gonum's graph/community package,
// maximising the modularity
//
//	Q = 1/(2m) Σ_ij [ A_ij − γ k_i k_j / (2m) ] δ(c_i, c_j)
//
// where A_ij is the edge weight (count, jaccard or positive npmi), k_i the
// weighted degree, m the total weight and γ the resolution. The graph is
// handed to gonum with nodes and neighbours in id order and the random
// source seeded, so the partition is the same on every run.
//
// Blondel, V. D., Guillaume, J.-L., Lambiotte, R., Lefebvre, E. (2008).
// Fast unfolding of communities in large networks. J. Stat. Mech. P10008.
//
// # Layout
//
// Layout places the network's terms in the plane for a chart (package
// chart's Network): each connected component by gonum's Eades spring
// embedder, the components packed in rows, largest first; seeded, so the
// same network gives the same picture.
//
// # Export
//
// WriteGraphML and WriteGEXF write the network (nodes with label,
// frequency and community; edges with count, jaccard and npmi) as GraphML
// 1.0 and GEXF 1.3, the formats Gephi, Cytoscape and igraph read. Labels
// are XML-escaped by encoding/xml; characters XML cannot hold are replaced
// by U+FFFD. Writer picks one by a file's extension.
//
// Groups counts and partitions a network per group of documents (a
// region, a year …) in one call.
package cooccur
