package testkit

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/sparse"
)

// CloseMatrix reports whether got and want agree within tol everywhere
// (and have the same shape); never compares floats with ==.
func CloseMatrix(got, want [][]float64, tol float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !CloseSlice(got[i], want[i], tol) {
			return false
		}
	}
	return true
}

// CloseSlice reports whether got and want agree within tol everywhere
// (and have the same length); a NaN in got never agrees.
func CloseSlice(got, want []float64, tol float64) bool {
	if len(got) != len(want) {
		return false
	}
	for j := range got {
		if math.IsNaN(got[j]) || math.Abs(got[j]-want[j]) > tol {
			return false
		}
	}
	return true
}

// FmtMatrix prints a matrix in full for failure messages.
func FmtMatrix(m [][]float64) string {
	var b strings.Builder
	for _, r := range m {
		fmt.Fprintf(&b, "\n\t%.12g", r)
	}
	return b.String()
}

// AssertNoNaN fails the test if any value is NaN or infinite.
func AssertNoNaN(t *testing.T, what string, vals ...float64) {
	t.Helper()
	for i, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%s[%d] = %v", what, i, v)
		}
	}
}

// RandomCSR returns a rows×cols matrix with about nnz entries per row,
// values in [1, 4) (counts-like), from a fixed seed. Columns are
// Zipf-like, so that some are shared widely.
func RandomCSR(rows, cols, nnz int, seed uint64) *sparse.CSR {
	rng := rand.New(rand.NewPCG(seed, 1))
	b := sparse.NewCSRBuilder(cols)
	row := map[int]float64{}
	for range rows {
		clear(row)
		for range nnz {
			c := int(float64(cols) * math.Pow(rng.Float64(), 2))
			row[c] += float64(1 + rng.IntN(3))
		}
		b.AddMap(row)
	}
	return b.Build()
}
