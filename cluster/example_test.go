package cluster_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/tifa-project/tifa"
	"github.com/tifa-project/tifa/cluster"
	"github.com/tifa-project/tifa/lexicon"
	"github.com/tifa-project/tifa/reports"
	"github.com/tifa-project/tifa/vector"
)

// From reports to clusters: read the sample reports, sum each region's
// slogan counts, weigh them by TF-IDF, find each region's nearest
// neighbour, and group the regions in two clusters — what tifa similar
// and tifa cluster --by region do.
func Example() {
	builtin, err := lexicon.Default()
	lex, _, err2 := lexicon.New(builtin)
	if err := errors.Join(err, err2); err != nil {
		log.Fatal(err)
	}
	src, err := reports.OpenFS(tifa.Samples(), ".", reports.Options{})
	if err != nil {
		log.Fatal(err)
	}
	// The slogans space counts the lexicon's entries; the words space
	// (vector.SpaceWords) needs a segment.Segmenter instead of nil.
	vz, err := vector.NewVectorizer(vector.SpaceSlogans, lex, nil, reports.PartAll)
	if err != nil {
		log.Fatal(err)
	}
	counts, err := vz.Build(src.Each)
	if err != nil {
		log.Fatal(err)
	}
	byRegion, _, err := counts.Group("region")
	if err != nil {
		log.Fatal(err)
	}
	v, err := vector.Weigh(byRegion, &vector.TFIDF{})
	if err != nil {
		log.Fatal(err)
	}
	for i, nbrs := range vector.TopK(v.X, 1, 0) {
		nb := nbrs[0]
		fmt.Printf("%s sounds most like %s (cosine %.3f)\n", v.Units[i].ID, v.Units[nb.Index].ID, nb.Score)
	}
	res, err := cluster.Cluster(v.X, cluster.Options{Method: "kmeans", K: 2, Seed: 1, Restarts: 10})
	if err != nil {
		log.Fatal(err)
	}
	for i, u := range v.Units {
		fmt.Printf("%s: cluster %d\n", u.ID, res.Labels[i]+1)
	}
	fmt.Printf("mean silhouette %.3f\n", res.Mean)
	// Output:
	// 东湖街道 sounds most like 青溪县 (cosine 0.325)
	// 临江市 sounds most like 青溪县 (cosine 0.673)
	// 云溪镇 sounds most like 青溪县 (cosine 0.555)
	// 白沙镇 sounds most like 青溪县 (cosine 0.553)
	// 青溪县 sounds most like 临江市 (cosine 0.673)
	// 东湖街道: cluster 1
	// 临江市: cluster 2
	// 云溪镇: cluster 2
	// 白沙镇: cluster 2
	// 青溪县: cluster 2
	// mean silhouette 0.275
}
