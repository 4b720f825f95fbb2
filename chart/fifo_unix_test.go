//go:build unix

package chart

import (
	"syscall"
	"testing"
)

// mkfifo makes a named pipe at p, skipping the test when it cannot.
func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}
