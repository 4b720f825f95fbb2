// Package cluster groups the rows of a matrix — the TF-IDF vectors of
// reports or regions — and says how well they are grouped.
//
// Cluster is the entry point: k-means (KMeans: k-means++ seeding, Lloyd
// iterations, the best of several seeded restarts, as scikit-learn's
// KMeans) or agglomerative clustering (Agglomerate: average and complete
// linkage on cosine distance, Ward on Euclidean distance, as scipy's
// linkage, cut into k groups by Cut), with k given or chosen by the best
// mean Silhouette (cosine distance, as scikit-learn's silhouette_score)
// over a range (ParseK and ParseKRange read them as a user writes them;
// HasTree says which methods merge into a tree). LeafOrder lays a merge
// tree out as a dendrogram does.
//
// Randomness comes from a seed only: the same rows, options and seed give
// the same labels on any machine and for any number of goroutines.
// Clusters are numbered by first appearance in row order.
package cluster
