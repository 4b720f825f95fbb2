package cooccur

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// Network is what the writers export: the terms joined by Pairs as
// nodes, the pairs as undirected edges.
type Network struct {
	Labels    []string // label of every term id
	Freq      []int    // n_a of every term id (Result.Freq)
	Community []int    // community of every term id (Partition.Of), or nil
	Pairs     []Pair
	Weight    Measure // the measure written as each edge's weight
}

// nodes returns the term ids joined by pairs, ascending, after checking
// that every id has a label and a frequency.
func (n *Network) nodes() ([]int32, error) {
	var ids []int32
	for _, p := range n.Pairs {
		ids = append(ids, p.A, p.B)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) > 0 {
		if lo, hi := ids[0], ids[len(ids)-1]; lo < 0 || int(hi) >= len(n.Labels) || int(hi) >= len(n.Freq) ||
			(n.Community != nil && int(hi) >= len(n.Community)) {
			return nil, fmt.Errorf("cooccur: network: term ids %d..%d but %d labels, %d frequencies, %d communities",
				lo, hi, len(n.Labels), len(n.Freq), len(n.Community))
		}
	}
	if n.Weight < ByCount || n.Weight > ByNPMI {
		return nil, fmt.Errorf("cooccur: network weight %v: unknown measure", n.Weight)
	}
	return ids, nil
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// GraphML 1.0 (http://graphml.graphdrawing.org/specification.html).
type graphML struct {
	XMLName xml.Name     `xml:"graphml"`
	XMLNS   string       `xml:"xmlns,attr"`
	Keys    []graphMLKey `xml:"key"`
	Graph   graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// WriteGraphML writes n as a GraphML 1.0 document: node ids "n" + term
// id, with data label, frequency and (when known) community; edge data
// count, jaccard, npmi and weight (the value of n.Weight).
func WriteGraphML(w io.Writer, n *Network) error {
	ids, err := n.nodes()
	if err != nil {
		return err
	}
	doc := graphML{
		XMLNS: "http://graphml.graphdrawing.org/xmlns",
		Keys: []graphMLKey{
			{"label", "node", "label", "string"},
			{"frequency", "node", "frequency", "int"},
			{"community", "node", "community", "int"},
			{"count", "edge", "count", "int"},
			{"jaccard", "edge", "jaccard", "double"},
			{"npmi", "edge", "npmi", "double"},
			{"weight", "edge", "weight", "double"},
		},
		Graph: graphMLGraph{ID: "cooccur", EdgeDefault: "undirected"},
	}
	if n.Community == nil {
		doc.Keys = slices.Delete(doc.Keys, 2, 3)
	}
	for _, t := range ids {
		nd := graphMLNode{ID: "n" + strconv.Itoa(int(t)), Data: []graphMLData{
			{"label", n.Labels[t]},
			{"frequency", strconv.Itoa(n.Freq[t])},
		}}
		if n.Community != nil {
			nd.Data = append(nd.Data, graphMLData{"community", strconv.Itoa(n.Community[t])})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, nd)
	}
	for i, p := range n.Pairs {
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLEdge{
			ID:     "e" + strconv.Itoa(i),
			Source: "n" + strconv.Itoa(int(p.A)),
			Target: "n" + strconv.Itoa(int(p.B)),
			Data: []graphMLData{
				{"count", strconv.Itoa(p.Count)},
				{"jaccard", fmtFloat(p.Jaccard)},
				{"npmi", fmtFloat(p.NPMI)},
				{"weight", fmtFloat(p.Score(n.Weight))},
			},
		})
	}
	return writeXML(w, doc)
}

// GEXF 1.3 (https://gexf.net/schema.html).
type gexf struct {
	XMLName xml.Name  `xml:"gexf"`
	XMLNS   string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode       string           `xml:"mode,attr"`
	EdgeType   string           `xml:"defaultedgetype,attr"`
	Attributes []gexfAttributes `xml:"attributes"`
	Nodes      []gexfNode       `xml:"nodes>node"`
	Edges      []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class string          `xml:"class,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string      `xml:"id,attr"`
	Label  string      `xml:"label,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID     string      `xml:"id,attr"`
	Source string      `xml:"source,attr"`
	Target string      `xml:"target,attr"`
	Weight string      `xml:"weight,attr"`
	Values []gexfValue `xml:"attvalues>attvalue"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// WriteGEXF writes n as a GEXF 1.3 document for Gephi: node ids are term
// ids with the term as label and attributes frequency and (when known)
// community; each edge carries the value of n.Weight as its weight and
// count, jaccard and npmi as attributes. No date is written, so the same
// network gives the same bytes.
func WriteGEXF(w io.Writer, n *Network) error {
	ids, err := n.nodes()
	if err != nil {
		return err
	}
	nodeAttrs := []gexfAttribute{{"frequency", "frequency", "integer"}}
	if n.Community != nil {
		nodeAttrs = append(nodeAttrs, gexfAttribute{"community", "community", "integer"})
	}
	doc := gexf{
		XMLNS:   "http://gexf.net/1.3",
		Version: "1.3",
		Meta: gexfMeta{Creator: "tifa",
			Description: "term co-occurrence network; edge weight = " + n.Weight.String()},
		Graph: gexfGraph{Mode: "static", EdgeType: "undirected", Attributes: []gexfAttributes{
			{"node", nodeAttrs},
			{"edge", []gexfAttribute{
				{"count", "count", "integer"},
				{"jaccard", "jaccard", "double"},
				{"npmi", "npmi", "double"},
			}},
		}},
	}
	for _, t := range ids {
		nd := gexfNode{ID: strconv.Itoa(int(t)), Label: n.Labels[t],
			Values: []gexfValue{{"frequency", strconv.Itoa(n.Freq[t])}}}
		if n.Community != nil {
			nd.Values = append(nd.Values, gexfValue{"community", strconv.Itoa(n.Community[t])})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, nd)
	}
	for i, p := range n.Pairs {
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{
			ID:     strconv.Itoa(i),
			Source: strconv.Itoa(int(p.A)),
			Target: strconv.Itoa(int(p.B)),
			Weight: fmtFloat(p.Score(n.Weight)),
			Values: []gexfValue{
				{"count", strconv.Itoa(p.Count)},
				{"jaccard", fmtFloat(p.Jaccard)},
				{"npmi", fmtFloat(p.NPMI)},
			},
		})
	}
	return writeXML(w, doc)
}

// writeXML writes the XML declaration and doc, indented, and a final
// newline.
func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
