package vector

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tifa-project/tifa/sparse"
)

// Blocks numbers the units' values of key (year, level, region, a
// division — province, city or county, by its code, from the gazetteer —
// or a manifest column) in order of first appearance, for TopKWithin: −1
// for a unit without one, and counts those.
func Blocks(units []Unit, key string) (block []int, missing int) {
	ids := map[string]int{}
	block = make([]int, len(units))
	for i, u := range units {
		v := u.Meta.Value(key)
		if d := u.Meta.Division(key); d.Code != "" && (key == "province" || key == "city" || key == "county") {
			v = d.Code // names repeat across provinces (城关镇, 新区 …): codes do not
		}
		if v == "" {
			block[i] = -1
			missing++
			continue
		}
		id, ok := ids[v]
		if !ok {
			id = len(ids)
			ids[v] = id
		}
		block[i] = id
	}
	return block, missing
}

// TopKWithin is TopK restricted to pairs of rows in the same block
// ("blocking"): block[i] is row i's block (≥ 0), or −1 for a row in none,
// which gets no neighbours and is no one's. A row's neighbours and scores
// are those TopK finds for it among the rows of its block alone, bit for
// bit (the rows are the same vectors, their products summed alike), so
// the cost is Σ_blocks of TopK on the block instead of TopK on all rows:
// 100,000 township reports in 2,800 counties make pairs 2,800 times fewer.
// Blocks are shared among workers goroutines (≤ 0 means GOMAXPROCS), each
// running TopK on one block at a time; it stops, returning ctx's error,
// when ctx is done. It panics if len(block) ≠ x.Rows.
func TopKWithin(ctx context.Context, x *sparse.CSR, block []int, k, workers int) ([][]Neighbor, error) {
	x.MustValid()
	if len(block) != x.Rows {
		panic("vector: TopKWithin: a block per row needed")
	}
	out := make([][]Neighbor, x.Rows)
	for i := range out {
		out[i] = []Neighbor{}
	}
	var groups [][]int
	index := map[int]int{}
	for i, b := range block {
		if b < 0 {
			continue
		}
		g, ok := index[b]
		if !ok {
			g = len(groups)
			index[b] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(groups)) {
		wg.Go(func() {
			for {
				g := int(next.Add(1)) - 1
				if g >= len(groups) || ctx.Err() != nil {
					return
				}
				rows := groups[g]
				nn, err := TopKContext(ctx, x.SelectRows(rows), k, 1)
				if err != nil {
					return
				}
				for r, list := range nn {
					for p := range list {
						list[p].Index = rows[list[p].Index]
					}
					out[rows[r]] = list
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
