//go:build unix

package table

import "syscall"

// oNonblock makes opening a FIFO for writing fail at once (ENXIO) when it
// has no reader, instead of waiting for one.
const oNonblock = syscall.O_NONBLOCK
