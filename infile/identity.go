package infile

import "io/fs"

// Identity is what a file's metadata says of its content without reading
// it, as git's index keeps it: the same path with the same Identity is
// taken to hold the same bytes (see Stamp for when that is safe).
type Identity struct {
	Size    int64
	ModTime int64 // nanoseconds since 1970
	// Inode, Device and ChangeTime (ns) come from the system's stat where
	// it gives them (Linux); they are 0 elsewhere. ChangeTime moves when
	// a file is rewritten even if its modification time is put back
	// (cp -p, rsync -t, touch -d).
	Inode, Device, ChangeTime int64
}

// IdentityOf returns the identity in fi (from Stat: a link's target).
func IdentityOf(fi fs.FileInfo) Identity {
	id := Identity{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	sysIdentity(fi, &id)
	return id
}

// RacyMargin is how long after a file's modification time its content
// can still change without its Identity changing: file systems keep
// modification times to a granule (2 s on FAT, 1 s on ext3, a clock tick
// on others), so a file written twice in one granule, keeping its size,
// shows the same time. A hash recorded less than RacyMargin after the
// file's modification time is not trusted (git's "racily clean" entries).
const RacyMargin = 3_000_000_000 // ns

// Trusted reports whether a content hash recorded at time recorded (ns,
// read before the file was stat'ed) for a file of identity was can stand
// for the content of a file of identity now: the identities are equal and
// the file had not been modified within RacyMargin of the recording.
func Trusted(was, now Identity, recorded int64) bool {
	return was == now && now.ModTime <= recorded-RacyMargin
}
