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
// neighbour, and group the regions, trying k = 2…10 and keeping the best
// mean silhouette — what tifa similar and tifa cluster --by region do.
// The samples' two industrial towns, two tourism and two farming
// townships pair up; the county goes with industry, the street office
// stands alone.
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
	res, err := cluster.Cluster(v.X, cluster.Options{Method: "kmeans", KMin: 2, KMax: 10, Seed: 1, Restarts: 10})
	if err != nil {
		log.Fatal(err)
	}
	for i, u := range v.Units {
		fmt.Printf("%s: cluster %d\n", u.ID, res.Labels[i]+1)
	}
	fmt.Printf("k=%d, mean silhouette %.3f\n", res.K, res.Mean)
	// Output:
	// 东湖街道 sounds most like 青溪县 (cosine 0.230)
	// 云溪镇 sounds most like 枫岭乡 (cosine 0.720)
	// 枫岭乡 sounds most like 云溪镇 (cosine 0.720)
	// 桑田镇 sounds most like 禾丰乡 (cosine 0.736)
	// 白沙镇 sounds most like 石桥镇 (cosine 0.621)
	// 石桥镇 sounds most like 白沙镇 (cosine 0.621)
	// 禾丰乡 sounds most like 桑田镇 (cosine 0.736)
	// 青溪县 sounds most like 白沙镇 (cosine 0.552)
	// 东湖街道: cluster 1
	// 云溪镇: cluster 2
	// 枫岭乡: cluster 2
	// 桑田镇: cluster 3
	// 白沙镇: cluster 4
	// 石桥镇: cluster 4
	// 禾丰乡: cluster 3
	// 青溪县: cluster 4
	// k=4, mean silhouette 0.486
}
