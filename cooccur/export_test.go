package cooccur

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// hostile holds labels that must be escaped (<, &, quotes) or replaced
// (a control character XML cannot hold).
var hostileLabels = []string{`六稳<&>"'`, "河长制", "a\x01b", "]]>"}

func hostileNetwork() *Network {
	return &Network{
		Labels:    hostileLabels,
		Freq:      []int{3, 2, 2, 1},
		Community: []int{0, 0, 1, -1},
		Pairs:     []Pair{{A: 0, B: 1, Count: 2, Jaccard: 2.0 / 3, NPMI: 0.5574929506502401}, {A: 0, B: 2, Count: 1, Jaccard: 0.25, NPMI: -0.125}},
		Weight:    ByNPMI,
	}
}

// wantLabel is what a label reads back as: XML cannot hold U+0001.
func wantLabel(t int32) string { return strings.ReplaceAll(hostileLabels[t], "\x01", "\uFFFD") }

func TestWriteGraphMLParsesBack(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, hostileNetwork()); err != nil {
		t.Fatal(err)
	}
	var doc graphML
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, buf.String())
	}
	g := doc.Graph
	if len(g.Nodes) != 3 || len(g.Edges) != 2 || g.EdgeDefault != "undirected" {
		t.Fatalf("parsed %d nodes, %d edges, edgedefault %q; want 3, 2, undirected", len(g.Nodes), len(g.Edges), g.EdgeDefault)
	}
	for i, id := range []int32{0, 1, 2} {
		n := g.Nodes[i]
		if n.Data[0].Value != wantLabel(id) {
			t.Errorf("node %s label %q, want %q", n.ID, n.Data[0].Value, wantLabel(id))
		}
	}
	e := g.Edges[1]
	if e.Source != "n0" || e.Target != "n2" || e.Data[0].Value != "1" || e.Data[3].Value != "-0.125" {
		t.Errorf("edge 1 %+v, want n0–n2, count 1, weight −0.125", e)
	}
}

func TestWriteGEXFParsesBack(t *testing.T) {
	var buf bytes.Buffer
	net := hostileNetwork()
	net.Community = nil
	net.Weight = ByCount
	if err := WriteGEXF(&buf, net); err != nil {
		t.Fatal(err)
	}
	var doc gexf
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, buf.String())
	}
	g := doc.Graph
	if len(g.Nodes) != 3 || len(g.Edges) != 2 || doc.Version != "1.3" {
		t.Fatalf("parsed %d nodes, %d edges, version %q", len(g.Nodes), len(g.Edges), doc.Version)
	}
	for i, id := range []int32{0, 1, 2} {
		if g.Nodes[i].Label != wantLabel(id) || len(g.Nodes[i].Values) != 1 {
			t.Errorf("node %d: %+v, want label %q and frequency only", i, g.Nodes[i], wantLabel(id))
		}
	}
	if e := g.Edges[0]; e.Weight != "2" || e.Values[2].Value != "0.5574929506502401" {
		t.Errorf("edge 0 %+v, want weight 2 (count), npmi 0.5574929506502401", e)
	}
	var again bytes.Buffer
	_ = WriteGEXF(&again, net)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two writes of one network differ")
	}
}

func TestWriteNetworkErrors(t *testing.T) {
	net := hostileNetwork()
	net.Labels = net.Labels[:2]
	for name, write := range map[string]func(*bytes.Buffer, *Network) error{
		"graphml": func(b *bytes.Buffer, n *Network) error { return WriteGraphML(b, n) },
		"gexf":    func(b *bytes.Buffer, n *Network) error { return WriteGEXF(b, n) },
	} {
		var buf bytes.Buffer
		if err := write(&buf, net); err == nil || !strings.Contains(err.Error(), "2 labels") {
			t.Errorf("%s: error %v, want one about 2 labels", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: wrote %d bytes before failing", name, buf.Len())
		}
	}
}
