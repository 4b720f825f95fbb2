//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package cache

import (
	"os"
	"syscall"
	"time"
)

// oNonblock opens a FIFO put in the cache's place without waiting.
const oNonblock = syscall.O_NONBLOCK

// lockFile takes the advisory lock bbolt takes on the database (flock,
// exclusive or shared), retrying until timeout (errLockTimeout), so that
// checking, moving aside or removing the file never races a tifa using it.
func lockFile(f *os.File, exclusive bool, timeout time.Duration) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if err != syscall.EWOULDBLOCK {
			return err
		}
		if time.Now().After(deadline) {
			return errLockTimeout
		}
		time.Sleep(20 * time.Millisecond)
	}
}
