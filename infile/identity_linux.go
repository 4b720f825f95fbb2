package infile

import (
	"io/fs"
	"syscall"
)

func sysIdentity(fi fs.FileInfo, id *Identity) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		id.Inode, id.Device = int64(st.Ino), int64(st.Dev)
		id.ChangeTime = st.Ctim.Nano()
	}
}
