package sparse_test

import (
	"math"
	"slices"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
	"github.com/tifa-project/tifa/sparse"
)

// TestBinaryRoundTrip: matrices come back exactly, values to the bit,
// with the bytes that follow them; an empty matrix and zero rows too.
func TestBinaryRoundTrip(t *testing.T) {
	odd := sparse.FromDense([][]float64{{0, math.SmallestNonzeroFloat64, -0.1}, {0, 0, 0}, {1e100, 0, math.Pi}})
	for name, m := range map[string]*sparse.CSR{
		"random": testkit.RandomCSR(50, 300, 20, 1),
		"odd":    odd,
		"empty":  sparse.NewCSRBuilder(7).Build(),
	} {
		b, _ := m.AppendBinary([]byte("head"))
		b = append(b, "tail"...)
		got, rest, err := sparse.DecodeCSR(b[4:])
		if err != nil || string(rest) != "tail" {
			t.Fatalf("%s: DecodeCSR: %v, rest %q", name, err, rest)
		}
		same := got.Rows == m.Rows && got.Cols == m.Cols && slices.Equal(got.Indptr, m.Indptr) && slices.Equal(got.Ind, m.Ind)
		for k := range m.Val {
			same = same && math.Float64bits(got.Val[k]) == math.Float64bits(m.Val[k])
		}
		if !same {
			t.Errorf("%s: round trip changed the matrix", name)
		}
	}
}

// FuzzDecodeCSR: no input makes DecodeCSR panic; what it accepts is valid
// and survives a second round trip (the bytes may differ: a varint can be
// written longer than needed).
func FuzzDecodeCSR(f *testing.F) {
	b, _ := testkit.RandomCSR(4, 9, 3, 2).AppendBinary(nil)
	f.Add(b)
	f.Add([]byte{0, 0, 0})
	f.Add([]byte{1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0xf0, 0x7f})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := sparse.DecodeCSR(b)
		if err != nil {
			return
		}
		if m.Validate() != nil {
			t.Fatal("accepted an invalid matrix")
		}
		again, _ := m.AppendBinary(nil)
		m2, rest2, err := sparse.DecodeCSR(again)
		if err != nil || len(rest2) != 0 || !slices.Equal(m2.Ind, m.Ind) || !slices.Equal(m2.Indptr, m.Indptr) || len(m2.Val) != len(m.Val) {
			t.Fatalf("second round trip: %v", err)
		}
		for k := range m.Val {
			if math.Float64bits(m2.Val[k]) != math.Float64bits(m.Val[k]) {
				t.Fatal("second round trip changed a value")
			}
		}
	})
}
