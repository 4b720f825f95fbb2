//go:build !linux

package infile

import "io/fs"

// sysIdentity leaves inode, device and change time 0: the portable
// fs.FileInfo has none of them.
func sysIdentity(fi fs.FileInfo, id *Identity) {}
