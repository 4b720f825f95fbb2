package extract_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"strings"

	"github.com/tifa-project/tifa/extract"
)

func ExampleClassify() {
	for _, f := range []struct {
		name string
		data string
	}{
		{"临江市_2020.txt", "各位代表："},
		{"报告.doc", `{\rtf1\ansi 报告}`}, // an RTF file under Word's old name
		{"reports.7z", "7z\xbc\xaf\x27\x1c\x00\x04"},
		{".DS_Store", "\x00\x00\x00\x01Bud1"},
	} {
		c := extract.Classify(f.name, bytes.NewReader([]byte(f.data)), int64(len(f.data)))
		fmt.Println(strings.TrimSpace(fmt.Sprintln(f.name, c.Action, c.Format, c.Reason)))
	}
	// Output:
	// 临江市_2020.txt read txt
	// 报告.doc read rtf
	// reports.7z warn unsupported 7z archive: not read; unpack it first (7z x FILE) or repack it as .zip
	// .DS_Store list system macOS folder metadata (.DS_Store)
}

func ExampleExtractor_Extract() {
	e := extract.New(extract.Options{})
	defer e.Close()
	rtf := []byte(`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 SimSun;}}\f0 \'b8\'f7\'ce\'bb\'b4\'fa\'b1\'ed\'a3\'ba\par\u29616?\u22312?\par}`)
	t, err := e.Extract(context.Background(), extract.RTF, rtf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s, %d page:\n%s\n", t.Format, len(t.Pages), t.Pages[0])
	// Output:
	// rtf, 1 page:
	// 各位代表：
	// 现在
}

func ExampleText_Page() {
	t := &extract.Text{Format: extract.PDF, Pages: []string{"第一页的字", "第二页的字"}}
	s := t.String()
	fmt.Println(t.PageStarts(), t.Page(0), t.Page(len("第一页的字")+1), len(s))
	// Output:
	// [0 16] 1 2 31
}

func ExampleOpenArchive() {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	gbk := "\xb1\xa8\xb8\xe6/\xc1\xd9\xbd\xad\xca\xd0.txt" // 报告/临江市.txt in GBK, as Chinese Windows stores it
	f, _ := w.CreateHeader(&zip.FileHeader{Name: gbk, NonUTF8: true})
	f.Write([]byte("各位代表："))
	w.Close()
	a, err := extract.OpenArchive(bytes.NewReader(b.Bytes()), int64(b.Len()), extract.Zip, extract.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fs.WalkDir(a, ".", func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() {
			data, _ := fs.ReadFile(a, p)
			fmt.Printf("%s: %s\n", p, data)
		}
		return err
	})
	// Output:
	// 报告/临江市.txt: 各位代表：
}
