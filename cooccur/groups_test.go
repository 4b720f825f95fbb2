package cooccur

import (
	"bytes"
	"errors"
	"testing"
)

func TestGroups(t *testing.T) {
	windows := [][][]int32{
		{{0, 1}, {0, 1}, {2}},    // group 0: 0 and 1 together twice
		{{1, 2}, {1, 2}, {1, 2}}, // group 1: 1 and 2 three times
	}
	res, parts, err := Groups(2, func(i int) ([][]int32, error) { return windows[i], nil }, 3, Options{MinCount: 2}, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || len(parts) != 2 {
		t.Fatalf("%d results, %d partitions; want 2 of each", len(res), len(parts))
	}
	for i, want := range []Pair{{A: 0, B: 1, Count: 2}, {A: 1, B: 2, Count: 3}} {
		if ps := res[i].Pairs; len(ps) != 1 || ps[0].A != want.A || ps[0].B != want.B || ps[0].Count != want.Count {
			t.Errorf("group %d: pairs %+v, want %d–%d ×%d", i, ps, want.A, want.B, want.Count)
		}
		if p := parts[i].Of; p[want.A] != p[want.B] {
			t.Errorf("group %d: %d and %d in communities %v", i, want.A, want.B, p)
		}
	}
	bad := errors.New("no windows")
	if _, _, err := Groups(2, func(int) ([][]int32, error) { return nil, bad }, 3, Options{}, 1, 1); !errors.Is(err, bad) {
		t.Errorf("windows' error: %v", err)
	}
}

func TestWriter(t *testing.T) {
	n := &Network{Labels: []string{"a", "b"}, Freq: []int{2, 2}, Pairs: []Pair{{A: 0, B: 1, Count: 2}}}
	for path, root := range map[string]string{"net.graphml": "<graphml", "NET.GEXF": "<gexf", "net.csv": ""} {
		w := Writer(path)
		if (w == nil) != (root == "") {
			t.Errorf("%s: writer %v", path, w != nil)
			continue
		}
		if w == nil {
			continue
		}
		var b bytes.Buffer
		if err := w(&b, n); err != nil || !bytes.Contains(b.Bytes(), []byte(root)) {
			t.Errorf("%s: %v, want a document holding %s", path, err, root)
		}
	}
}
