package sparse_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/tifa-project/tifa/internal/testkit"
)

func BenchmarkRowDot(b *testing.B) {
	for _, rows := range []int{300, 3000} {
		b.Run(fmt.Sprint(rows), func(b *testing.B) {
			m := testkit.RandomCSR(rows, 20000, 500, 7)
			want := 0.0
			for j := range rows {
				want += m.RowDot(0, m, j)
			}
			b.SetBytes(int64(m.NNZ()) * 16) // index + value per entry
			b.ResetTimer()
			for b.Loop() {
				var s float64
				for j := range rows {
					s += m.RowDot(0, m, j)
				}
				if math.Abs(s-want) > 1e-9*want {
					b.Fatalf("sum of dots %g, want %g", s, want)
				}
			}
		})
	}
}
