//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package cache

import (
	"os"
	"time"
)

// oNonblock is 0 where the flag is not used.
const oNonblock = 0

// lockFile takes no lock here: on Windows, bbolt's lock makes the file
// impossible to rename or remove while a tifa uses it, which is as safe.
func lockFile(*os.File, bool, time.Duration) error { return nil }
