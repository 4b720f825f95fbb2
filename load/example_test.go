package load_test

import (
	"context"
	"fmt"

	"github.com/tifa-project/tifa/load"
)

// Open a folder of reports and build their TF-IDF vectors, one per county
// or township (the manifest's region), then find each one's nearest
// neighbour. The Reader prints nothing: its Warn and Note say what reading
// found.
func Example() {
	r := &load.Reader{
		Warn: func(msg string) { fmt.Println("warning:", msg) },
		Note: func(msg string) { fmt.Println("note:", msg) },
	}
	v := &load.Vectors{
		Input: load.Input{Section: "all", MaxSize: "64MB", Where: []string{"year=2019..2024"}, Cache: load.CacheOptions{Off: true}},
		Space: "slogans", By: "region", MinDF: 1,
	}
	c, err := r.Build(context.Background(), v, []string{"../testdata/samples"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(c.Vectors.Units), "units,", len(c.Vectors.Terms), "slogans")
	nbrs, err := r.Neighbours(context.Background(), v, c, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, u := range c.Vectors.Units {
		fmt.Printf("%s → %s\n", u.ID, c.Vectors.Units[nbrs[i][0].Index].ID)
	}
	_, n := r.Digest()
	fmt.Println(n, "documents read")
	// Output:
	// note: --where year=2019..2024: 18 of 20 documents
	// 8 units, 114 slogans
	// 东湖街道 → 青溪县
	// 云溪镇 → 枫岭乡
	// 枫岭乡 → 云溪镇
	// 桑田镇 → 禾丰乡
	// 白沙镇 → 石桥镇
	// 石桥镇 → 白沙镇
	// 禾丰乡 → 桑田镇
	// 青溪县 → 白沙镇
	// 18 documents read
}
