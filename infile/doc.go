// Package infile reads the files a user names — reports, manifests,
// lexicons, fonts — without hanging or running out of memory: it reads
// regular files only, opens them without blocking, and reads at most a size
// cap.
//
// A named pipe (FIFO), a device (/dev/zero, /dev/stdin), a socket or a
// directory is refused with an error that says what it is, never opened
// for reading: its type is checked with a stat before it is opened, and
// the open itself uses O_NONBLOCK where the system has it, so a file
// swapped for a FIFO between the stat and the open does not block either
// (its type is checked again on the open file). A regular file whose size
// grows past the cap while it is read (a symlink to /dev/zero is refused
// before, but a file being written is not) is refused after reading at
// most cap+1 bytes.
//
// The errors are *fs.PathError values naming the file ("read
// /dev/zero: not a regular file: a character device"); errors.Is tells
// ErrNotRegular and ErrTooLarge apart.
package infile
