package cache

import (
	"reflect"
	"slices"
	"testing"

	"github.com/tifa-project/tifa/reports"
)

// FuzzDecodeDocs: no payload makes decodeDocs panic, and what it accepts
// encodes back to a value that decodes to the same documents.
func FuzzDecodeDocs(f *testing.F) {
	for _, docs := range [][]*reports.Document{nil, {}, {sampleDoc()}, {{}, sampleDoc()}} {
		p, _ := unseal(kindDocs, encodeDocs(docs))
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		docs, err := decodeDocs(p)
		if err != nil {
			return
		}
		again, err := decodeDocs(encodeDocs(docs)[headerLen:])
		if err != nil || !reflect.DeepEqual(again, docs) {
			t.Fatalf("re-encoding changed the documents: %v", err)
		}
	})
}

// FuzzDecodeTerms: no payload makes decodeTerms panic, and what it
// accepts survives a second round trip.
func FuzzDecodeTerms(f *testing.F) {
	for _, terms := range [][]string{{}, {"乡村振兴"}, {"乡", "乡村", "乡村振兴", "GDP"}} {
		counts, entries := make([]int, len(terms)), make([]int, len(terms))
		for i := range terms {
			counts[i], entries[i] = i+1, i-1
		}
		p, _ := unseal(kindTerms, encodeTerms(terms, counts, entries))
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		terms, counts, entries, err := decodeTerms(p)
		if err != nil {
			return
		}
		t2, c2, e2, err := decodeTerms(encodeTerms(terms, counts, entries)[headerLen:])
		if err != nil {
			t.Fatalf("re-encoded terms do not decode: %v", err)
		}
		if !slices.Equal(t2, terms) || !slices.Equal(c2, counts) || !slices.Equal(e2, entries) {
			t.Fatalf("round trip changed the terms: %q %v %v → %q %v %v", terms, counts, entries, t2, c2, e2)
		}
	})
}
