package cache

import (
	"errors"
	"testing"
)

// text is a value that encodes itself, for records.
type text struct{ s string }

func (t text) MarshalBinary() ([]byte, error) {
	if t.s == "unencodable" {
		return nil, errors.New("unencodable")
	}
	return []byte(t.s), nil
}

func (t *text) UnmarshalBinary(b []byte) error {
	if string(b) == "bad" {
		return errors.New("bad")
	}
	t.s = string(b)
	return nil
}

type rec struct {
	Names []string
	N     int
}

func TestRecord(t *testing.T) {
	w := &warnings{}
	c := open(t, t.TempDir(), "v", w)
	c.PutRecord("k", rec{Names: []string{"a", "b"}, N: 2}, text{"matrix"})
	c.PutRecord("bad", rec{N: 1}, text{"bad"})
	c.PutRecord("unencodable", rec{N: 1}, text{"unencodable"})
	c.PutBlob("short", []byte{0x85}) // a length whose varint is cut short
	c.PutBlob("long", []byte{9, 1})  // a length past the end

	r := rec{Names: []string{"stale"}, N: 7}
	var v text
	if !GetRecord(c, "k", &r, &v) || len(r.Names) != 2 || r.Names[1] != "b" || r.N != 2 || v.s != "matrix" {
		t.Fatalf("GetRecord(k) = %+v, %q", r, v.s)
	}
	for _, key := range []string{"bad", "unencodable", "short", "long", "missing"} {
		r := rec{Names: []string{"stale"}}
		if GetRecord(c, key, &r, &v) {
			t.Errorf("GetRecord(%s) = true, want a miss", key)
		}
	}
	r = rec{Names: []string{"stale"}, N: 7}
	c.PutRecord("zero", rec{}, text{"x"})
	if !GetRecord(c, "zero", &r, &v) || r.Names != nil || r.N != 0 {
		t.Errorf("GetRecord(zero) kept the old value: %+v", r)
	}
	var nilc *Cache
	nilc.PutRecord("k", rec{}, text{"x"})
	if GetRecord(nilc, "k", &r, &v) {
		t.Error("nil cache: GetRecord = true")
	}
}

func TestCorpusKeys(t *testing.T) {
	m := MatrixOptions{Fingerprint: "fp", Space: "words", Part: "all", Lexicon: "lex", Where: []string{"year>=2020", "region=浙江"}}
	v := VectorOptions{By: "doc", MinDF: 2, MaxDF: 0.5, Sublinear: true}
	k := NewCorpusKeys(m, v)
	wantM := "corpus\x00fp\x00words\x00all\x00lex\x00\x00year>=2020\x01region=浙江\x00"
	if k.Matrix != wantM {
		t.Errorf("Matrix = %q, want %q", k.Matrix, wantM)
	}
	if want := wantM + "\x00vectors\x00doc\x002\x000.5\x00true"; k.Vectors != want {
		t.Errorf("Vectors = %q, want %q", k.Vectors, want)
	}
	if want := k.Vectors + "\x00gram"; k.Gram() != want {
		t.Errorf("Gram = %q, want %q", k.Gram(), want)
	}
	if (CorpusKeys{}).Gram() != "" {
		t.Error("Gram of no vectors is not empty")
	}
	seen := map[string]bool{k.Matrix: true}
	for _, m2 := range []MatrixOptions{
		{Fingerprint: "fp2", Space: "words", Part: "all", Lexicon: "lex", Where: m.Where},
		{Fingerprint: "fp", Space: "chars", Part: "all", Lexicon: "lex", Where: m.Where},
		{Fingerprint: "fp", Space: "words", Part: "review", Lexicon: "lex", Where: m.Where},
		{Fingerprint: "fp", Space: "words", Part: "all", Lexicon: "lex2", Where: m.Where},
		{Fingerprint: "fp", Space: "words", Part: "all", Lexicon: "lex", Stopwords: "s", Where: m.Where},
		{Fingerprint: "fp", Space: "words", Part: "all", Lexicon: "lex"},
		{Fingerprint: "fp", Space: "words", Part: "all", Lexicon: "lex", Where: m.Where, Scope: "county"},
	} {
		key := NewCorpusKeys(m2, v).Matrix
		if seen[key] {
			t.Errorf("%+v: key %q not distinct", m2, key)
		}
		seen[key] = true
	}
	seen = map[string]bool{k.Vectors: true}
	for _, v2 := range []VectorOptions{{By: "region", MinDF: 2, MaxDF: 0.5, Sublinear: true}, {By: "doc", MinDF: 1, MaxDF: 0.5, Sublinear: true},
		{By: "doc", MinDF: 2, MaxDF: 1, Sublinear: true}, {By: "doc", MinDF: 2, MaxDF: 0.5}} {
		key := NewCorpusKeys(m, v2).Vectors
		if seen[key] {
			t.Errorf("%+v: key %q not distinct", v2, key)
		}
		seen[key] = true
	}
}
