package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts the profiles a developer asks for through the
// environment, for bench/ and 'go tool pprof': TIFA_CPUPROFILE=FILE writes
// a CPU profile of the whole run, TIFA_MEMPROFILE=FILE a heap profile
// (allocations since the start) when the run ends. The returned function
// stops them; it is called before the process exits, whatever the outcome.
// They are not flags: they measure tifa, not the reports.
func startProfiles() (stop func()) {
	cpu, mem := os.Getenv("TIFA_CPUPROFILE"), os.Getenv("TIFA_MEMPROFILE")
	var f *os.File
	if cpu != "" {
		var err error
		if f, err = os.Create(cpu); err != nil {
			fmt.Fprintf(os.Stderr, "tifa: TIFA_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "tifa: TIFA_CPUPROFILE: %v\n", err)
			f.Close()
			f = nil
		}
	}
	return func() {
		if f != nil {
			pprof.StopCPUProfile()
			f.Close()
		}
		if mem == "" {
			return
		}
		m, err := os.Create(mem)
		if err == nil {
			runtime.GC()
			err = pprof.Lookup("allocs").WriteTo(m, 0)
			if cerr := m.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "tifa: TIFA_MEMPROFILE: %v\n", err)
		}
	}
}
