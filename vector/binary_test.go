package vector

import (
	"reflect"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/reports"
)

// TestBinaryRoundTrip: a matrix (grouped, with an empty unit and manifest
// columns) and its weighted vectors come back equal through
// MarshalBinary and UnmarshalBinary; truncated bytes are an error.
func TestBinaryRoundTrip(t *testing.T) {
	lex := testkit.Lexicon(t, []string{"乡村振兴"}, []string{"美丽乡村"}, []string{"五水共治"}, []string{"最多跑一次"})
	v, _ := NewVectorizer(SpaceSlogans, lex, nil, reports.PartAll)
	docs := sampleDocs()
	docs[0].Meta.Extra = map[string]string{"county": "诸暨市", "code": "330681"}
	docs[1].Meta.RegionSource = "manifest"
	docs = append(docs, &reports.Document{ID: "empty.txt"})
	m, err := v.Build(eachOf(docs))
	if err != nil {
		t.Fatal(err)
	}
	vec, err := Weigh(m, &TFIDF{Sublinear: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var m2 Matrix
	if err := m2.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(&m2, m) {
		t.Errorf("matrix after a round trip (%v):\n%+v\nwant\n%+v", err, m2, *m)
	}
	if err := m2.UnmarshalBinary(b[:len(b)-3]); err == nil {
		t.Error("truncated matrix: no error")
	}
	b, err = vec.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var v2 Vectors
	if err := v2.UnmarshalBinary(b); err != nil || !reflect.DeepEqual(&v2, vec) {
		t.Errorf("vectors after a round trip (%v):\n%+v\nwant\n%+v", err, v2, *vec)
	}
	if err := v2.UnmarshalBinary(append(b, 0)); err == nil {
		t.Error("vectors with a byte too many: no error")
	}
}
