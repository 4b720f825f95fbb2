package extract

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tifa-project/tifa/extract/extracttest"
)

// makeTarGz writes a .tar.gz (gzip false: a .tar) of members whose
// names are taken byte for byte; a member whose data starts with "->" is
// a symbolic link to the rest.
func makeTarGz(t testing.TB, gz bool, members [][2]string) []byte {
	var b bytes.Buffer
	var tw *tar.Writer
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(&b)
		tw = tar.NewWriter(zw)
	} else {
		tw = tar.NewWriter(&b)
	}
	for _, m := range members {
		h := &tar.Header{Name: m[0], Mode: 0o644, Size: int64(len(m[1])), Typeflag: tar.TypeReg, Format: tar.FormatGNU}
		if strings.HasPrefix(m[1], "->") {
			h.Typeflag, h.Linkname, h.Size = tar.TypeSymlink, m[1][2:], 0
		}
		if strings.HasSuffix(m[0], "/") {
			h.Typeflag, h.Size = tar.TypeDir, 0
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write([]byte(m[1]))
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if zw != nil {
		zw.Close()
	}
	return b.Bytes()
}

// unicodePath returns an Info-ZIP Unicode Path extra field for a member
// stored under the raw name.
func unicodePath(raw []byte, name string) []byte {
	body := append([]byte{1}, binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE(raw))...)
	body = append(body, name...)
	out := binary.LittleEndian.AppendUint16(nil, 0x7075)
	out = binary.LittleEndian.AppendUint16(out, uint16(len(body)))
	return append(out, body...)
}

func TestArchiveZip(t *testing.T) {
	inner := extracttest.Zip(t, []extracttest.ZipEntry{
		{RawName: extracttest.GBK(t, "乡镇/云溪镇_2020.txt"), Data: "云溪镇报告"},
		{Name: "deeper.zip", Data: string(extracttest.Zip(t, []extracttest.ZipEntry{{Name: "x.txt", Data: "x"}}))},
	})
	innerTar := makeTarGz(t, true, [][2]string{{string(extracttest.GBK(t, "白沙镇_2021.txt")), "白沙镇报告"}})
	var withExtra bytes.Buffer
	zw := zip.NewWriter(&withExtra)
	raw := extracttest.GBK(t, "错误的名字.txt")
	h := &zip.FileHeader{Name: string(raw), NonUTF8: true, Extra: unicodePath(raw, "青溪县_2017.txt"), Method: zip.Deflate}
	f, _ := zw.CreateHeader(h)
	f.Write([]byte("青溪县报告"))
	zw.Close()
	outer := extracttest.Zip(t, []extracttest.ZipEntry{
		{Name: "报告/", Data: ""},
		{RawName: extracttest.GBK(t, "报告/临江市_2020.txt"), Data: "临江市报告"},
		{Name: "报告/东湖街道_2022.html", Data: "<p>东湖</p>"}, // UTF-8, flagged as such
		{Name: "nested.zip", Data: string(inner)},
		{Name: "more.tar.gz", Data: string(innerTar)},
		{Name: "extra.zip", Data: withExtra.String()},
		{Name: "../evil.txt", Data: "no"},
		{Name: "/etc/passwd", Data: "no"},
		{RawName: extracttest.GBK(t, "报告/临江市_2020.txt"), Data: "second"},
		{Name: `win\path.txt`, Data: "backslashes"},
		{Name: "stored.txt", Data: "stored", Method: zip.Store},
	})
	a, err := OpenArchive(bytes.NewReader(outer), int64(len(outer)), Zip, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"报告/临江市_2020.txt":            "临江市报告",
		"报告/东湖街道_2022.html":          "<p>东湖</p>",
		"nested.zip/乡镇/云溪镇_2020.txt": "云溪镇报告",
		"more.tar.gz/白沙镇_2021.txt":   "白沙镇报告",
		"extra.zip/青溪县_2017.txt":     "青溪县报告",
		"win/path.txt":               "backslashes",
		"stored.txt":                 "stored",
	}
	var files []string
	for name := range want {
		files = append(files, name)
	}
	if err := fstest.TestFS(a, files...); err != nil {
		t.Fatal(err)
	}
	var walked []string
	fs.WalkDir(a, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			walked = append(walked, p)
		}
		return nil
	})
	slices.Sort(files)
	if !slices.Equal(walked, files) {
		t.Errorf("walked %q; want %q", walked, files)
	}
	for name, w := range want {
		if got, err := fs.ReadFile(a, name); err != nil || string(got) != w {
			t.Errorf("%s: %q, %v; want %q", name, got, err, w)
		}
	}
	wantWarn := []string{
		"nested.zip/deeper.zip: an archive nested more than one level deep: not opened",
		`../evil.txt: a path with "..": not read`,
		"/etc/passwd: an absolute path: not read",
		"报告/临江市_2020.txt: a second member of the same name: not read",
	}
	if !slices.Equal(a.Warnings, wantWarn) {
		t.Errorf("warnings\n%q\nwant\n%q", a.Warnings, wantWarn)
	}
}

func TestArchiveTar(t *testing.T) {
	for _, gz := range []bool{false, true} {
		data := makeTarGz(t, gz, [][2]string{
			{"dir/", ""},
			{string(extracttest.GBK(t, "dir/临江市_2020.txt")), "临江市报告"},
			{"dir/link.txt", "->临江市_2020.txt"},
		})
		f := Tar
		if gz {
			f = TarGz
		}
		a, err := OpenArchive(bytes.NewReader(data), int64(len(data)), f, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if err := fstest.TestFS(a, "dir/临江市_2020.txt"); err != nil {
			t.Error(err)
		}
		if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "dir/link.txt: not a regular file") {
			t.Errorf("%s: warnings %q", f, a.Warnings)
		}
	}
}

func TestArchiveLimits(t *testing.T) {
	spaces := strings.Repeat(" ", 4<<20) // 4 MB deflate to about 4 KB
	three := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "a", Data: "a"}, {Name: "b", Data: "b"}, {Name: "c", Data: "c"}})
	big := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "a", Data: strings.Repeat("甲乙丙丁", 1<<18)}})
	cases := []struct {
		name   string
		data   []byte
		f      Format
		lim    Limits
		what   string
		member string
	}{
		{"members", three, Zip, Limits{MaxMembers: 2, MaxTotal: 1 << 30, MaxMember: 1 << 30, MaxRatio: 100}, "members", ""},
		{"ratio", extracttest.Zip(t, []extracttest.ZipEntry{{Name: "bomb.txt", Data: spaces}}), Zip, DefaultLimits, "compression ratio", "bomb.txt"},
		{"member size", big, Zip, Limits{MaxMembers: 10, MaxTotal: 1 << 30, MaxMember: 1 << 20, MaxRatio: 1000}, "member size", "a"},
		{"total", three, Zip, Limits{MaxMembers: 10, MaxTotal: 2, MaxMember: 10, MaxRatio: 100}, "total size", ""},
		{"tar.gz ratio", makeTarGz(t, true, [][2]string{{"bomb.txt", spaces}}), TarGz, DefaultLimits, "compression ratio", "bomb.txt"},
		{"nested ratio", extracttest.Zip(t, []extracttest.ZipEntry{{Name: "in.zip", Data: string(extracttest.Zip(t, []extracttest.ZipEntry{{Name: "bomb.txt", Data: spaces}})), Method: zip.Store}}), Zip, DefaultLimits, "compression ratio", "in.zip/bomb.txt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := OpenArchive(bytes.NewReader(c.data), int64(len(c.data)), c.f, c.lim)
			var le *LimitError
			if !errors.As(err, &le) || le.What != c.what || le.Member != c.member || !errors.Is(err, ErrTooLarge) {
				t.Errorf("error %v; want a %s LimitError naming %q", err, c.what, c.member)
			}
		})
	}
}

func TestArchiveDamaged(t *testing.T) {
	for _, f := range []Format{Zip, Tar, TarGz} {
		data := []byte("PK\x03\x04 this is not an archive at all")
		if _, err := OpenArchive(bytes.NewReader(data), int64(len(data)), f, Limits{}); !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: %v; want ErrDamaged", f, err)
		}
	}
	// a member whose deflated bytes are flipped: listed, and failing when read
	data := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "a.txt", Data: strings.Repeat("政府工作报告", 100)}})
	i := bytes.Index(data, []byte("a.txt")) + len("a.txt") + 10
	data[i] ^= 0xff
	a, err := OpenArchive(bytes.NewReader(data), int64(len(data)), Zip, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(a, "a.txt"); !errors.Is(err, ErrDamaged) {
		t.Errorf("damaged member: %v; want ErrDamaged", err)
	}
}
