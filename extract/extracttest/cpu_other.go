//go:build !unix

package extracttest

import (
	"testing"
	"time"
)

// CPUTime is 0 where getrusage is missing: ReportRate then reports wall
// time only.
func CPUTime() time.Duration { return 0 }

// ReportRate reports n units per second of wall time as unit.
func ReportRate(b *testing.B, n float64, unit string, _ time.Duration) {
	b.ReportMetric(n/b.Elapsed().Seconds(), unit)
}
