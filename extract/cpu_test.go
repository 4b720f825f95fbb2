package extract

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time this process has used. On a machine
// shared with other work, wall time overstates a benchmark's cost; the
// benchmarks report rates by CPU time too ("cpu-" metrics).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportRate reports n units per second of wall time as unit, and per
// second of CPU time as "cpu-"+unit, since cpu0 (cpuTime at the start).
func reportRate(b *testing.B, n float64, unit string, cpu0 time.Duration) {
	b.ReportMetric(n/b.Elapsed().Seconds(), unit)
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(n/cpu.Seconds(), "cpu-"+unit)
	}
}
