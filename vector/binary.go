package vector

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"math"

	"github.com/tifa-project/tifa/sparse"
)

// Matrices and vectors are encoded for the cache (cmd/tifa keeps a
// corpus's matrix and vectors so that a second run reads neither the
// reports nor their terms):
//
//	uvarint n | n bytes of gob: the labels (units, terms, entries …) | the counts (sparse.AppendBinary)
//
// The labels go through encoding/gob, so a field added to Unit or
// reports.Meta is kept without a change here; the matrices, which are
// most of the bytes, through sparse's compact encoding.

type matrixLabels struct {
	Space   string
	Units   []Unit
	Terms   []string
	Entries []int
	Empty   []string
}

type vectorsLabels struct {
	Units     []Unit
	Terms     []string
	Entries   []int
	IDF       []float64
	Sublinear bool
	Norm      string
}

// MarshalBinary encodes m (see above).
func (m *Matrix) MarshalBinary() ([]byte, error) {
	return encodeLabeled(matrixLabels{m.Space, m.Units, m.Terms, m.Entries, m.Empty}, m.Counts)
}

// UnmarshalBinary decodes what MarshalBinary wrote; anything else is an
// error, never a panic.
func (m *Matrix) UnmarshalBinary(b []byte) error {
	var l matrixLabels
	xs, err := decodeLabeled(b, &l, 1)
	if err != nil {
		return err
	}
	if xs[0].Rows != len(l.Units) || xs[0].Cols != len(l.Terms) || len(l.Entries) != len(l.Terms) {
		return fmt.Errorf("vector: matrix of %d×%d for %d units and %d terms", xs[0].Rows, xs[0].Cols, len(l.Units), len(l.Terms))
	}
	*m = Matrix{Space: l.Space, Units: l.Units, Terms: l.Terms, Entries: l.Entries, Counts: xs[0], Empty: l.Empty}
	return nil
}

// MarshalBinary encodes v (see above): its counts, not its weights, which
// UnmarshalBinary weighs again from them as Weigh did, to the bit. Counts
// take a byte or two an entry, weights eight.
func (v *Vectors) MarshalBinary() ([]byte, error) {
	return encodeLabeled(vectorsLabels{v.Units, v.Terms, v.Entries, v.IDF, v.Sublinear, v.Norm}, v.Counts)
}

// UnmarshalBinary decodes what MarshalBinary wrote; anything else is an
// error, never a panic.
func (v *Vectors) UnmarshalBinary(b []byte) error {
	var l vectorsLabels
	xs, err := decodeLabeled(b, &l, 1)
	if err != nil {
		return err
	}
	c := xs[0]
	if c.Rows != len(l.Units) || c.Cols != len(l.Terms) || len(l.Entries) != len(l.Terms) || len(l.IDF) != len(l.Terms) {
		return fmt.Errorf("vector: matrix of %d×%d for %d units and %d terms", c.Rows, c.Cols, len(l.Units), len(l.Terms))
	}
	t := &TFIDF{Sublinear: l.Sublinear, Norm: l.Norm}
	if err := t.checkOptions(); err != nil {
		return fmt.Errorf("vector: %w", err)
	}
	if err := checkNonNegative(c); err != nil {
		return err
	}
	for _, w := range l.IDF {
		if !(w > 0) || math.IsInf(w, 0) {
			return fmt.Errorf("%w: idf %v", errEncoding, w)
		}
	}
	*v = Vectors{Units: l.Units, Terms: l.Terms, Entries: l.Entries, IDF: l.IDF, Counts: c,
		X: t.reweigh(c, l.IDF), Sublinear: l.Sublinear, Norm: l.Norm}
	return nil
}

func encodeLabeled(labels any, xs ...*sparse.CSR) ([]byte, error) {
	var g bytes.Buffer
	if err := gob.NewEncoder(&g).Encode(labels); err != nil {
		return nil, err
	}
	b := binary.AppendUvarint(nil, uint64(g.Len()))
	b = append(b, g.Bytes()...)
	for _, x := range xs {
		b, _ = x.AppendBinary(b)
	}
	return b, nil
}

var errEncoding = errors.New("vector: malformed encoding")

func decodeLabeled(b []byte, labels any, n int) ([]*sparse.CSR, error) {
	l, k := binary.Uvarint(b)
	if k <= 0 || l > uint64(len(b)-k) {
		return nil, errEncoding
	}
	if err := gob.NewDecoder(bytes.NewReader(b[k : k+int(l)])).Decode(labels); err != nil {
		return nil, fmt.Errorf("%w: %v", errEncoding, err)
	}
	b = b[k+int(l):]
	xs := make([]*sparse.CSR, n)
	for i := range xs {
		var err error
		if xs[i], b, err = sparse.DecodeCSR(b); err != nil {
			return nil, err
		}
	}
	if len(b) != 0 {
		return nil, errEncoding
	}
	return xs, nil
}
