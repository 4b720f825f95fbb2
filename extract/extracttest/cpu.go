//go:build unix

package extracttest

import (
	"syscall"
	"testing"
	"time"
)

// CPUTime returns the CPU time this process has used. On a machine shared
// with other work, wall time overstates a benchmark's cost; the
// benchmarks report rates by CPU time too ("cpu-" metrics).
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportRate reports n units per second of wall time as unit, and per
// second of CPU time as "cpu-"+unit, since cpu0 (CPUTime at the start).
func ReportRate(b *testing.B, n float64, unit string, cpu0 time.Duration) {
	b.ReportMetric(n/b.Elapsed().Seconds(), unit)
	if cpu := CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "cpu-"+unit)
	}
}
