package extract

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tifa-project/tifa/extract/extracttest"
)

func TestOFD(t *testing.T) {
	paras := reportParas(t)[:30]
	lines := extracttest.ChunkLines(paras, 28)
	var pages [][]string
	for len(lines) > 0 {
		n := min(len(lines), 25)
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	got, err := extractor().Extract(context.Background(), OFD, extracttest.OFD(t, pages))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Pages) != len(pages) {
		t.Fatalf("%d pages; want %d", len(got.Pages), len(pages))
	}
	for i, p := range pages {
		// each line is a line, whether one TextCode or one per character;
		// no page number, no template letterhead
		if want := strings.Join(p, "\n"); got.Pages[i] != want {
			t.Errorf("page %d:\n%s", i+1, firstDiff(got.Pages[i], want))
		}
	}
}

func TestOFDErrors(t *testing.T) {
	noRoot := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "OFD.xml", Data: `<ofd:OFD xmlns:ofd="x"><ofd:DocBody/></ofd:OFD>`}})
	noDoc := extracttest.Zip(t, []extracttest.ZipEntry{{Name: "OFD.xml", Data: `<ofd:OFD xmlns:ofd="x"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`}})
	cut := extracttest.Zip(t, []extracttest.ZipEntry{
		{Name: "OFD.xml", Data: `<ofd:OFD xmlns:ofd="x"><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`},
		{Name: "Doc_0/Document.xml", Data: `<ofd:Document xmlns:ofd="x"><ofd:Pages><ofd:Page ID="1" BaseLoc="/Doc_0/P/1.xml"/></ofd:Pages></ofd:Document>`},
		{Name: "Doc_0/P/1.xml", Data: `<ofd:Page xmlns:ofd="x"><ofd:Content><ofd:Layer><ofd:TextObject><ofd:TextCode>半`},
	})
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"not a zip", []byte("garbage"), ErrDamaged},
		{"no OFD.xml", extracttest.Zip(t, []extracttest.ZipEntry{{Name: "a.xml", Data: "<a/>"}}), ErrDamaged},
		{"no DocRoot", noRoot, ErrDamaged},
		{"DocRoot missing", noDoc, ErrDamaged},
		{"page cut short", cut, ErrDamaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := extractor().Extract(context.Background(), OFD, c.data)
			if !errors.Is(err, c.want) {
				t.Errorf("error %v; want %v", err, c.want)
			}
		})
	}
	var nt *NoTextError
	if _, err := extractor().Extract(context.Background(), OFD, extracttest.OFD(t, [][]string{{}, {}})); !errors.As(err, &nt) || nt.Pages != 2 {
		t.Errorf("pages without text: %v; want a NoTextError of 2 pages", err)
	}
}
